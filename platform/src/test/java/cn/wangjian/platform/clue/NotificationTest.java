package cn.wangjian.platform.clue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.util.NoSuchElementException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A clue routed by the division of duties: the lead agency's liaison sees it, accepts or returns it with a reason. */
class NotificationTest extends PlatformTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClueRegister clues;
    @Autowired
    ClueNotifications notifications;
    @Autowired
    Routing routing;
    @Autowired
    cn.wangjian.platform.audit.AuditLog audit;

    @Test
    void a_clue_goes_to_the_lead_and_assisting_agencies_which_accept_or_return_it() throws Exception {
        CurrentUser monitor = accounts.loadUserByUsername(testUser("nt.bj", "SAMR", "110000", Role.MONITORING_OFFICER));
        CurrentUser police = accounts.loadUserByUsername(testUser("nt.police", "MPS", "110000", Role.AGENCY_LIAISON));
        CurrentUser customs = accounts.loadUserByUsername(testUser("nt.customs", "CUSTOMS", "110000", Role.AGENCY_LIAISON));
        long id = clues.register(new NewClue("出售仿真枪", ClueSource.MONITORING, "某网店", null, "禁售商品"), monitor).id();
        assertThat(clues.find(id, police.dataScope())).isEmpty();

        mvc.perform(post("/clues/" + id + "/notifications").with(user(monitor)).with(csrf())
                        .param("category", "criminal").param("region", "110000").param("withAssisting", "true"))
                .andExpect(flash().attribute("message", "已通报 1 个部门；市场监管即本局，线索已在本局办理，未另行通报本局"));
        // MPS leads; SAMR (the sender's own bureau) assists and is told, not notified
        assertThat(clues.find(id, police.dataScope())).isPresent();
        assertThat(clues.find(id, customs.dataScope())).isEmpty();
        var incoming = notifications.incoming(police);
        assertThat(incoming).anySatisfy(n -> {
            assertThat(n.clueId()).isEqualTo(id);
            assertThat(n.role()).isEqualTo("LEAD");
            assertThat(n.status()).isEqualTo("SENT");
        });
        long nid = incoming.stream().filter(n -> n.clueId() == id).findFirst().orElseThrow().id();
        // another agency cannot decide it; returning needs a reason
        assertThatThrownBy(() -> notifications.accept(nid, customs)).isInstanceOf(NoSuchElementException.class);
        mvc.perform(post("/clues/notifications/" + nid + "/return").with(user(police)).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("理由")));
        mvc.perform(post("/clues/notifications/" + nid + "/accept").with(user(police)).with(csrf()))
                .andExpect(flash().attribute("message", "已接收"));
        ClueNotifications.Notification accepted = notifications.ofClue(id).get(0);
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        assertThat(accepted.decidedBy()).isEqualTo("nt.police");
        assertThat(accepted.timeToDecide()).isNotNull();
        assertThatThrownBy(() -> notifications.accept(nid, police)).hasMessageContaining("已接收");
        mvc.perform(get("/clues/" + id).with(user(monitor))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("已接收")));

        // advertising: lead is the sender's own agency, the assisting CAC gets it and may return it
        long ad = clues.register(new NewClue("全网最佳", ClueSource.MONITORING, "某网店", null, "绝对化用语"), monitor).id();
        assertThat(notifications.notify(ad, "advertising", "110000", true, monitor)).extracting(
                ClueNotifications.Notification::toAgency).containsExactly("CAC");
        assertThatThrownBy(() -> notifications.notify(ad, "nonsense", "110000", false, monitor))
                .hasMessageContaining("nonsense");
        // the lead notice to the sender's own bureau is not sent, and the sender is told so (not dropped silently)
        long ad2 = clues.register(new NewClue("最高级", ClueSource.MONITORING, "某网店二", null, "绝对化用语"), monitor).id();
        mvc.perform(post("/clues/" + ad2 + "/notifications").with(user(monitor)).with(csrf())
                        .param("category", "advertising").param("region", "110000").param("withAssisting", "true"))
                .andExpect(flash().attribute("message", Matchers.allOf(Matchers.containsString("已通报 1 个部门"),
                        Matchers.containsString("即本局，线索已在本局办理"))));
        assertThat(audit.forEntity("clue", Long.toString(ad2)))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("clue.notify-own-bureau"));
    }

    @Test
    void the_routing_table_is_data_in_versions_that_an_administrator_edits() throws Exception {
        Routing.Table first = routing.current();
        assertThat(first.category("price").orElseThrow().lead()).isEqualTo("NDRC");
        assertThat(first.forRuleCategory("prohibited_goods").orElseThrow().code()).isEqualTo("criminal");
        CurrentUser admin = accounts.loadUserByUsername(testUser("nt.admin", "SAMR", "000000", Role.ADMIN));
        String moved = first.document().replace("\"lead\": \"NDRC\", \"assist\": [\"SAMR\"]",
                "\"lead\": \"SAMR\", \"assist\": [\"NDRC\"]");
        assertThat(moved).isNotEqualTo(first.document());
        mvc.perform(post("/clues/routing").with(user(admin)).with(csrf()).param("document", moved.replace("\"SAMR\"", "\"NOPE\""))
                        .param("note", "bad"))
                .andExpect(flash().attribute("error", Matchers.containsString("NOPE")));
        mvc.perform(post("/clues/routing").with(user(admin)).with(csrf()).param("document", moved)
                        .param("note", "2018 年机构改革：价格监管划入市场监管部门"))
                .andExpect(flash().attribute("message", "新版本已生效"));
        assertThat(routing.current().category("price").orElseThrow().lead()).isEqualTo("SAMR");
        CurrentUser monitor = accounts.loadUserByUsername(testUser("nt.bj", "SAMR", "110000", Role.MONITORING_OFFICER));
        mvc.perform(post("/clues/routing").with(user(monitor)).with(csrf()).param("document", first.document()))
                .andExpect(status().isForbidden());
        // put the 2017 table back for the other tests
        routing.save(first.document(), "恢复", "test");
    }
}
