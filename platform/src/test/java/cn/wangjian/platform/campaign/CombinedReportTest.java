package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PdfPages;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The superior's view: the bureaus below with their states against the due date, their figures added up, one PDF. */
class CombinedReportTest extends PlatformTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    CampaignReports reports;
    @Autowired
    CombinedReports combined;
    @Autowired
    CaseFiles cases;
    @Autowired
    ClueRegister clues;

    private CurrentUser user(String name, String region, Role role) {
        if (accounts.find(name).isEmpty()) {
            accounts.create(new NewAccount(name, "测试用户 " + name, PASSWORD, "SAMR", new RegionCode(region), null,
                    Set.of(role)), "test");
        }
        return accounts.loadUserByUsername(name);
    }

    /** Three decided typical cases of a district bureau, each fined {@code yuan}. */
    private List<Long> typicalCases(String region, String prefix, int yuan) {
        Bureau b = bureau(prefix, region);
        CurrentUser officer = b.officer();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String base = "9112" + region.substring(2) + "MA0CMB00" + i;
            String code = base + cn.wangjian.engine.registry.UnifiedSocialCreditCode.checkCharacter(base);
            long clue = clues.register(new NewClue("网店销售假冒商品", ClueSource.MONITORING, "天津某商贸" + prefix + i,
                    null, "监测发现"), officer).id();
            long id = cases.open(clue, LocalDate.of(2026, 9, 1), officer).id();
            cases.step(id, "file", Map.of("on", "2026-09-02", "officers", prefix + ".c1, " + prefix + ".c2"), b.actorOf("file"));
            cases.step(id, "submit", Map.of("findings", "销售假冒注册商标的商品"), b.actorOf("submit"));
            cases.step(id, "legal-review", Map.of("on", "2026-09-28", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法"), b.reviewer());
            cases.step(id, "serve-notice", Map.of("on", "2026-09-28", "proposedPenalty", "罚款", "hearingRight",
                    "true"), b.actorOf("serve-notice"));
            cases.step(id, "decide", Map.of("on", "2026-10-12", "penalty", "罚款", "legalBasis",
                    "《中华人民共和国商标法》第六十条", "violationType", "COUNTERFEIT_TRADEMARK", "kind.FINE", "on",
                    "fineYuan", Integer.toString(yuan), "creditCode", code), b.actorOf("decide"));
            cases.markTypical(id, true, officer);
            ids.add(id);
        }
        return ids;
    }

    @Test
    void the_superior_sees_states_against_the_due_date_totals_of_the_submitted_reports_and_one_pdf() throws Exception {
        clock.runFrom(LocalDateTime.of(2026, 12, 1, 9, 0));
        CurrentUser tianjin = user("comb.coord", "120000", Role.CAMPAIGN_COORDINATOR);
        long first = campaigns.list().stream().filter(c -> c.year() == 2017).findFirst().orElseThrow().id();
        Campaigns.Campaign campaign = campaigns.copy(first, 2026, tianjin);
        assertThat(campaign.reportDue()).isEqualTo(LocalDate.of(2026, 12, 10));

        Map<CampaignReports.Section, String> sections = new EnumMap<>(CampaignReports.Section.class);
        for (CampaignReports.Section s : CampaignReports.Section.values()) {
            sections.put(s, "本区" + s.label());
        }
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        CurrentUser heping = user("comb.hp", "120101", Role.CAMPAIGN_COORDINATOR);
        reports.save(campaign.id(), from, to, sections, typicalCases("120101", "comb.hp", 20_000), heping);
        reports.submit(campaign.id(), heping);
        CurrentUser hedong = user("comb.hd", "120102", Role.CAMPAIGN_COORDINATOR);
        reports.save(campaign.id(), from, to, sections, typicalCases("120102", "comb.hd", 10_000), hedong);
        reports.submit(campaign.id(), hedong);

        CombinedReports.Combined view = combined.combined(campaign.id(), tianjin);
        assertThat(view.due().lastWorkingDay()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(view.due().workingDaysLeft()).isEqualTo(7);
        // the districts (through 市辖区), two on time, the rest pending
        assertThat(view.subordinates()).extracting(CombinedReports.Subordinate::regionCode)
                .contains("120101", "120102", "120116").doesNotContain("120100");
        assertThat(view.subordinates()).filteredOn(s -> s.state() == CombinedReports.State.ON_TIME)
                .extracting(CombinedReports.Subordinate::regionCode).containsExactlyInAnyOrder("120101", "120102");
        assertThat(view.subordinates()).filteredOn(s -> s.report() == null)
                .allMatch(s -> s.state() == CombinedReports.State.PENDING);
        CombinedReports.Total fines = view.totals().stream()
                .filter(t -> t.indicator().code().equals("FINES_CONFISCATIONS")).findFirst().orElseThrow();
        assertThat(fines.total()).isEqualByComparingTo("9");      // 3 × 20,000 + 3 × 10,000 yuan
        assertThat(fines.byRegion()).containsEntry("和平区", new BigDecimal("6")).containsEntry("河东区",
                new BigDecimal("3"));

        // one PDF: the cover with the states and totals, then both reports (each with its decisions)
        List<PdfPages.Page> pages = PdfPages.render(combined.pdf(campaign.id(), tianjin), 50);
        assertThat(pages.get(0).text()).contains("工作总结汇总", "和平区", "按时上报", "待上报", "罚没款总额");
        assertThat(pages).filteredOn(p -> p.text().contains("行政处罚决定书") && p.number() > 1).hasSizeGreaterThanOrEqualTo(6);
        assertThat(pages).allMatch(PdfPages.Page::fontsEmbedded);
        assertThat(page("/campaign/" + campaign.id() + "/reports", tianjin)).contains("按时上报", "待上报", "尚余", "combined.pdf")
                .doesNotContain("逾期未报");

        // after the due date the bureaus that have not reported are overdue
        clock.fixAt(LocalDateTime.of(2026, 12, 11, 9, 0));
        CombinedReports.Combined later = combined.combined(campaign.id(), tianjin);
        assertThat(later.due().passed()).isTrue();
        assertThat(later.subordinates()).filteredOn(s -> s.report() == null)
                .allMatch(s -> s.state() == CombinedReports.State.OVERDUE);
    }
}
