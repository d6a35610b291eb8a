package cn.wangjian.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.publicity.Publications;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** The public side: only what was published shows, without login, escaped; evaluations only once approved. */
class PortalTest extends PlatformTest {

    @Autowired
    Portal portal;
    @Autowired
    CaseFiles cases;
    @Autowired
    ClueRegister clues;
    @Autowired
    Publications publications;

    private CurrentUser account(String name, String region, Role role) {
        if (accounts.find(name).isEmpty()) {
            accounts.create(new NewAccount(name, "测试用户 " + name, PASSWORD, "SAMR", new RegionCode(region), null,
                    Set.of(role)), "test");
        }
        return accounts.loadUserByUsername(name);
    }

    @Test
    void warnings_show_once_published_and_escaped_and_typical_cases_only_in_their_published_text() {
        CurrentUser officer = account("portal.officer", "110106", Role.MONITORING_OFFICER);
        Portal.Warning draft = portal.write(Portal.WarningKind.WARNING, "双十一网购消费预警",
                "<script>alert(1)</script>谨防虚构原价、先涨后降", officer);
        assertThat(rest.getForObject("/public/warnings", String.class)).doesNotContain("双十一网购消费预警");
        assertThat(rest.getForEntity("/public/warnings/" + draft.id(), String.class).getStatusCode().value())
                .isEqualTo(404);
        portal.publish(draft.id(), officer);
        assertThat(rest.getForObject("/public", String.class)).contains("双十一网购消费预警");
        String page = rest.getForObject("/public/warnings/" + draft.id(), String.class);
        assertThat(page).contains("谨防虚构原价", "&lt;script&gt;").doesNotContain("<script>alert(1)</script>");
        assertThat(page("/portal", officer)).contains("双十一网购消费预警");
        portal.withdraw(draft.id(), officer);
        assertThat(rest.getForEntity("/public/warnings/" + draft.id(), String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThatThrownBy(() -> portal.write(Portal.WarningKind.TIP, " ", "正文", officer))
                .hasMessageContaining("字段 title");

        // a typical case: shown only once its decision is published, in the published (redacted) text
        Bureau b = bureau("portal", "110106");
        CurrentUser c1 = b.officer();
        CurrentUser credit = account("portal.credit", "110106", Role.CREDIT_OFFICER);
        String base = "91110106MA0PTL001";
        String code = base + cn.wangjian.engine.registry.UnifiedSocialCreditCode.checkCharacter(base);
        long clue = clues.register(new NewClue("网店虚构原价", ClueSource.MONITORING, "北京丰台典型商贸有限公司", code,
                "监测发现"), c1).id();
        long id = cases.open(clue, java.time.LocalDate.of(2026, 9, 1), c1).id();
        cases.step(id, "file", Map.of("on", "2026-09-02", "officers", b.officers()), b.actorOf("file"));
        cases.step(id, "submit", Map.of("findings", "虚构原价"), b.actorOf("submit"));
        cases.step(id, "legal-review", Map.of("on", "2026-09-28", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法"), b.reviewer());
        cases.step(id, "serve-notice", Map.of("on", "2026-09-28", "proposedPenalty", "罚款", "hearingRight", "true"), b.actorOf("serve-notice"));
        cases.step(id, "decide", Map.of("on", "2026-10-12", "penalty", "罚款人民币三万元", "legalBasis",
                "《明码标价和禁止价格欺诈规定》第十九条", "violationType", "PRICE_FRAUD", "kind.FINE", "on", "fineYuan",
                "30000", "creditCode", code), b.actorOf("decide"));
        cases.markTypical(id, true, c1);
        assertThat(rest.getForObject("/public/typical-cases", String.class)).doesNotContain("北京丰台典型商贸有限公司");
        Publications.Publication p = publications.recordsOf(code, credit.dataScope()).stream()
                .flatMap(r -> publications.ofRecord(r.id()).stream()).findFirst().orElseThrow();
        publications.publish(p.id(), p.record().partyName(), p.record().facts(), p.record().content(), credit);
        assertThat(rest.getForObject("/public/typical-cases", String.class)).contains("北京丰台典型商贸有限公司",
                p.record().decisionNo());
    }

    @Test
    void an_evaluation_appears_only_after_moderation() {
        CurrentUser officer = account("portal.moderator", "110106", Role.CASE_OFFICER);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        // the form needs its CSRF token, as a browser sends it: take it from the page with its session cookie
        var form = rest.getForEntity("/public/evaluations", String.class);
        String cookie = form.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form.getBody());
        assertThat(m.find()).isTrue();
        headers.add(HttpHeaders.COOKIE, cookie.split(";", 2)[0]);
        LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        body.add("_csrf", m.group(1));
        body.add("platform", "demo-mall");
        body.add("stars", "2");
        body.add("comment", "<img src=x onerror=alert(1)>客服处理退货很慢");
        var posted = rest.postForEntity("/public/evaluations", new HttpEntity<>(body, headers), String.class);
        assertThat(posted.getStatusCode().value()).isEqualTo(200);
        assertThat(posted.getBody()).contains("审核通过后展示").doesNotContain("客服处理退货很慢");
        Portal.Evaluation e = portal.pending(500).stream().filter(x -> x.comment().contains("客服处理退货很慢"))
                .findFirst().orElseThrow();
        assertThat(page("/portal", officer)).contains("&lt;img src=x onerror=alert(1)&gt;客服处理退货很慢");
        portal.moderate(e.id(), true, null, officer);
        String shown = rest.getForObject("/public/evaluations", String.class);
        assertThat(shown).contains("客服处理退货很慢").doesNotContain("<img src=x onerror=alert(1)>");
        assertThatThrownBy(() -> portal.moderate(e.id(), false, "重复", officer)).hasMessageContaining("no such pending");
        assertThatThrownBy(() -> portal.evaluate("demo-mall", 6, "好")).hasMessageContaining("字段 stars");
    }
}
