package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.DecisionRevoked;
import cn.wangjian.platform.casework.Party;
import cn.wangjian.platform.casework.PartyKind;
import cn.wangjian.platform.casework.PenaltyDecided;
import cn.wangjian.platform.casework.PenaltyKind;
import cn.wangjian.platform.casework.Sanction;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.monitoring.MonitoringRunFinished;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statistics table as sums of recorded acts: acts from the events of other areas, an agency's own entries, the
 * page, its drill-down, the JSON and the XLSX agreeing. Events are handed to the listener directly (the recording,
 * not the other areas' reactions, is under test); a real monitoring run checks the wiring.
 */
class CampaignStatisticsTest extends PlatformTest {

    @Autowired
    CampaignStatistics statistics;
    @Autowired
    Campaigns campaigns;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    cn.wangjian.platform.monitoring.MonitoringTasks monitoringTasks;
    @Autowired
    cn.wangjian.platform.monitoring.MonitoringRunner monitoringRunner;

    static final LocalDate DAY = LocalDate.of(2016, 9, 20);     // a period no other test writes acts in

    private PenaltyDecided decision(long caseId, String type, String fine, String confiscated, String region) {
        Set<PenaltyKind> kinds = confiscated == null ? Set.of(PenaltyKind.FINE)
                : Set.of(PenaltyKind.FINE, PenaltyKind.CONFISCATE_PROPERTY);
        Sanction s = new Sanction(type, kinds, new BigDecimal(fine), confiscated == null ? null
                : new BigDecimal(confiscated), null, null, List.of(new Sanction.LegalBasis("中华人民共和国商标法", "第六十条")));
        return new PenaltyDecided(caseId, "京市监罚〔2016〕" + caseId + "号", DAY, new Party(PartyKind.NATURAL_PERSON,
                "当事人", null, "居民身份证", "110101199001011234"), s, "事实", "罚款", "《商标法》第六十条", "北京市市场监督管理局",
                "SAMR", region, "test");
    }

    @Test
    void the_table_sums_the_recorded_acts_and_every_cell_lists_them() throws Exception {
        long campaign = campaigns.list().stream().filter(c -> c.year() == 2017).findFirst().orElseThrow().id();
        tx.executeWithoutResult(s -> {
            statistics.on(new MonitoringRunFinished(9_000_001L, 1, "SPECIAL", "SAMR", "110105", 1200, 30, 17,
                    DAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
            statistics.on(decision(9_000_001L, "COUNTERFEIT_TRADEMARK", "50000", "12800.50", "110105"));
            statistics.on(decision(9_000_002L, "COUNTERFEIT_TRADEMARK", "20000", null, "110108"));
            statistics.on(decision(9_000_003L, "COUNTERFEIT_TRADEMARK", "9999.99", null, "310101"));   // Shanghai
            // the same decision again counts once
            statistics.on(decision(9_000_002L, "COUNTERFEIT_TRADEMARK", "20000", null, "110108"));
        });
        CampaignStatistics.Table t = statistics.table(DAY, DAY, new RegionCode("110000"));
        Map<String, CampaignStatistics.Row> rows = new HashMap<>();
        t.rows().forEach(r -> rows.put(r.indicator().code(), r));
        assertThat(rows.get("ONLINE_CHECKS").total()).isEqualByComparingTo("1230");
        assertThat(rows.get("MONITORING_RUNS").total()).isEqualByComparingTo("1");
        assertThat(rows.get("PENALTY_DECISIONS").total()).isEqualByComparingTo("2");
        assertThat(rows.get("PENALTY_DECISIONS").byCategory()).containsOnlyKeys("侵权假冒");
        // 50,000 + 12,800.50 + 20,000 yuan = 8.28005 万元
        assertThat(rows.get("FINES_CONFISCATIONS").total()).isEqualByComparingTo("8.28005");
        assertThat(rows.get("CAC_INFO_CLEARED").total()).isEqualByComparingTo("0");
        // a partner agency's liaison enters its own counts; they appear in its rows
        CurrentUser cac = accounts.loadUserByUsername(testUser("stat.cac", "CAC", "110000", Role.AGENCY_LIAISON));
        CurrentUser samr = accounts.loadUserByUsername(testUser("stat.samr", "SAMR", "110000",
                Role.CAMPAIGN_COORDINATOR));
        statistics.enter("CAC_INFO_CLEARED", "110105", DAY, 356, "清理某平台违法违规信息 356 条", cac);
        assertThatThrownBy(() -> statistics.enter("CAC_INFO_CLEARED", "310101", DAY, 5, "上海", cac))
                .hasMessageContaining("字段 region");
        assertThatThrownBy(() -> statistics.enter("CAC_INFO_CLEARED", "110105", DAY, 5, "代填", samr))
                .hasMessageContaining("字段 indicator");
        assertThatThrownBy(() -> statistics.enter("PENALTY_DECISIONS", "110105", DAY, 5, "手填", samr))
                .hasMessageContaining("由系统按记录统计");
        assertThatThrownBy(() -> statistics.enter("CAC_INFO_CLEARED", "110105", LocalDate.now(clock).plusDays(1), 5,
                "未来", cac)).hasMessageContaining("字段 day");
        assertThatThrownBy(() -> statistics.enter("CAC_INFO_CLEARED", "110105", DAY, -1, "负数", cac))
                .hasMessageContaining("字段 quantity");
        t = statistics.table(DAY, DAY, new RegionCode("110000"));
        assertThat(t.rows().stream().filter(r -> r.indicator().code().equals("CAC_INFO_CLEARED")).findFirst()
                .orElseThrow().total()).isEqualByComparingTo("356");
        // drill down: the acts behind the cell, with their sources
        assertThat(statistics.acts("PENALTY_DECISIONS", "侵权假冒", DAY, DAY, new RegionCode("110000")))
                .extracting(CampaignStatistics.Act::sourceId).containsExactlyInAnyOrder("9000001", "9000002");
        // the charts' figures: by child region, by violation category, by week (2016-09-20 is in the week of the 19th)
        CampaignStatistics.Breakdown b = statistics.breakdown("PENALTY_DECISIONS", DAY, DAY, new RegionCode("110000"));
        assertThat(b.byRegion().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("2");
        assertThat(b.byCategory()).containsOnlyKeys("侵权假冒");
        assertThat(b.byWeek()).containsOnlyKeys("2016-09-19");
        // the page, the JSON and the XLSX agree
        String query = "?from=" + DAY + "&to=" + DAY + "&region=110000";
        String page = get("/campaign/" + campaign + "/statistics" + query, samr);
        assertThat(page).contains("8.28005", "1230", "356", "其中：侵权假冒", "id=\"chart-region\"", "data-chart=\"{");
        String json = get("/api/campaign/" + campaign + "/statistics" + query, samr);
        assertThat(json).contains("\"code\":\"FINES_CONFISCATIONS\"", "\"total\":8.28005");
        Map<String, Double> xlsx = xlsx(campaign, query, samr);
        assertThat(xlsx.get("罚没款总额")).isEqualTo(8.28005);
        assertThat(xlsx.get("网上检查（监测）网站、网店")).isEqualTo(1230.0);
        assertThat(xlsx.get("清理网上违法违规信息")).isEqualTo(356.0);
        for (CampaignStatistics.Row r : t.rows()) {
            assertThat(xlsx.get(r.indicator().label())).as(r.indicator().label()).isEqualTo(r.total().doubleValue());
        }
        String cell = get("/campaign/" + campaign + "/statistics/acts?indicator=FINES_CONFISCATIONS&from=" + DAY
                + "&to=" + DAY + "&region=110000", samr);
        assertThat(cell).contains("/casework/9000001", "62800.50", "20000.00").doesNotContain("9999.99");
        // a region outside the user's is refused; a revoked decision drops out of the table
        assertThat(status("/campaign/" + campaign + "/statistics?region=310000", samr)).isEqualTo(403);
        tx.executeWithoutResult(s -> statistics.on(new DecisionRevoked(9_000_002L, "x", DAY, "复议撤销", "test")));
        assertThat(statistics.table(DAY, DAY, new RegionCode("110000")).rows().stream()
                .filter(r -> r.indicator().code().equals("PENALTY_DECISIONS")).findFirst().orElseThrow().total())
                .isEqualByComparingTo("1");
    }

    @Test
    void a_period_without_records_exports_a_table_of_zeros_not_an_error() throws Exception {
        long campaign = campaigns.list().stream().filter(c -> c.year() == 2017).findFirst().orElseThrow().id();
        CurrentUser samr = accounts.loadUserByUsername(testUser("stat.empty", "SAMR", "110000",
                Role.MONITORING_OFFICER));
        Map<String, Double> xlsx = xlsx(campaign, "?from=2001-01-01&to=2001-12-31&region=110000", samr);
        assertThat(xlsx).hasSize(statistics.indicators().size()).allSatisfy((k, v) -> assertThat(v).isZero());
    }

    @Test
    void a_successful_monitoring_run_is_recorded_as_online_checks() {
        var task = monitoringTasks.list(cn.wangjian.platform.identity.DataScope.everything()).stream()
                .filter(t -> t.name().equals(cn.wangjian.platform.monitoring.MonitoringTestAccess.demoTaskName()))
                .findFirst().orElseThrow();
        var run = monitoringRunner.runNow(task, "MANUAL", "test");
        LocalDate today = LocalDate.now(clock);
        assertThat(statistics.acts("MONITORING_RUNS", null, today, today, RegionCode.NATIONAL))
                .anyMatch(a -> a.sourceId().equals(Long.toString(run.id())));
    }

    private Map<String, Double> xlsx(long campaign, String query, CurrentUser user) throws Exception {
        byte[] body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/campaign/" + campaign + "/statistics.xlsx" + query)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(user)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, Double> out = new HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Row r : wb.getSheetAt(0)) {
                if (r.getRowNum() >= 3 && !r.getCell(1).getStringCellValue().startsWith("其中：")) {
                    out.put(r.getCell(1).getStringCellValue(), r.getCell(3).getNumericCellValue());
                }
            }
        }
        return out;
    }

    private String get(String path, CurrentUser user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(user)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(String path, CurrentUser user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(user)))
                .andReturn().getResponse().getStatus();
    }
}
