package cn.wangjian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.engine.text.Finding;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Officers change the rules in the UI: in force at once, refused when broken, audited, and rolled back. */
class RuleChangesTest extends PlatformTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Detectors detectors;
    @Autowired
    RuleChanges changes;
    @Autowired
    AuditLog audit;

    private List<String> rules(String text) {
        return detectors.text().scan(text, "apparel", LocalDate.of(2026, 11, 30)).stream()
                .filter(f -> f.severity() != cn.wangjian.engine.text.Severity.HINT).map(Finding::rule).toList();
    }

    @Test
    void terms_exceptions_and_rules_take_effect_without_a_restart_and_roll_back() throws Exception {
        CurrentUser provincial = accounts.loadUserByUsername(testUser("rules.bj", "SAMR", "110000", Role.MONITORING_OFFICER));
        CurrentUser district = accounts.loadUserByUsername(testUser("rules.dc", "SAMR", "110101", Role.MONITORING_OFFICER));
        try {
            assertThat(rules("同源工厂货 羽绒服")).isEmpty();
            mvc.perform(post("/monitoring/rules/words").with(user(provincial)).with(csrf())
                            .param("rule", "TM-57-COUNTERFEIT").param("words", "同源工厂货").param("kind", "terms"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("message", Matchers.containsString("已生效")));
            assertThat(rules("同源工厂货 羽绒服")).containsExactly("TM-57-COUNTERFEIT");

            assertThat(rules("最佳拍档 双人套装")).containsExactly("AD-9.3-ABSOLUTE");
            mvc.perform(post("/monitoring/rules/words").with(user(provincial)).with(csrf())
                    .param("rule", "AD-9.3-ABSOLUTE").param("words", "最佳拍档").param("kind", "allowed"))
                    .andExpect(status().is3xxRedirection());
            assertThat(rules("最佳拍档 双人套装")).isEmpty();
            long afterWords = changes.versions().get(0).id();

            // a broken rule is refused with the field named, and nothing changes
            mvc.perform(post("/monitoring/rules/rules").with(user(provincial)).with(csrf())
                            .param("json", "{\"id\":\"LOCAL-1\",\"category\":\"local\",\"title\":\"本地规则\","
                                    + "\"severity\":\"medium\",\"terms\":[\"测试违规词甲\"],\"explanation\":\"x\"}"))
                    .andExpect(flash().attribute("error", Matchers.containsString("LOCAL-1")));
            assertThat(changes.versions().get(0).id()).isEqualTo(afterWords);
            mvc.perform(post("/monitoring/rules/rules").with(user(provincial)).with(csrf()).param("json", "{not json"))
                    .andExpect(flash().attribute("error", Matchers.containsString("JSON")));

            mvc.perform(post("/monitoring/rules/rules").with(user(provincial)).with(csrf())
                    .param("json", "{\"id\":\"LOCAL-1\",\"category\":\"local\",\"title\":\"本地规则\",\"severity\":\"medium\","
                            + "\"laws\":[{\"law\":\"中华人民共和国电子商务法\",\"article\":\"第十三条\",\"effectiveFrom\":\"2019-01-01\"}],"
                            + "\"terms\":[\"测试违规词甲\"],\"explanation\":\"本地专项规则\"}"))
                    .andExpect(flash().attribute("message", Matchers.containsString("已生效")));
            assertThat(rules("出售测试违规词甲")).containsExactly("LOCAL-1");

            // a district officer may not change rules for everyone
            mvc.perform(post("/monitoring/rules/words").with(user(district)).with(csrf())
                    .param("rule", "AD-9.3-ABSOLUTE").param("words", "x")).andExpect(status().isForbidden());

            // roll back to the version before the new rule: the rule is gone, the words stay
            mvc.perform(post("/monitoring/rules/versions/" + afterWords + "/rollback").with(user(provincial)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(rules("出售测试违规词甲")).isEmpty();
            assertThat(rules("同源工厂货 羽绒服")).containsExactly("TM-57-COUNTERFEIT");
            assertThat(audit.latest(50)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("rules.changed");
                assertThat(e.actor()).isEqualTo("rules.bj");
                assertThat(e.afterJson()).contains("回滚到版本 " + afterWords);
            });
        } finally {
            changes.rollBackToBuiltIn("test");
        }
        assertThat(rules("同源工厂货 羽绒服")).isEmpty();
        assertThat(detectors.text().catalog().version()).endsWith("+v" + changes.versions().get(0).id());
    }
}
