package cn.wangjian.platform.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.campaign.CampaignStatistics;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Notices to platforms: sent by a bureau, answered by that platform only, proven by its reports, counted. */
class NoticeTest extends PlatformTest {

    @Autowired
    PlatformNotices notices;
    @Autowired
    ClueRegister clues;
    @Autowired
    CampaignStatistics statistics;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private CurrentUser account(String name, String agency, String region, String organisation, Role role) {
        if (accounts.find(name).isEmpty()) {
            accounts.create(new NewAccount(name, "测试用户 " + name, PASSWORD, agency, new RegionCode(region),
                    organisation, Set.of(role)), "test");
        }
        return accounts.loadUserByUsername(name);
    }

    /** Reports a listing of a demo shop as the platform would, and returns its shop id. */
    private String reportListing(String platformUser, String listingId) {
        String shop = jdbc.sql("SELECT shop_id FROM shop WHERE platform_code = 'demo-mall' ORDER BY shop_id LIMIT 1")
                .query(String.class).single();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        var response = withToken(platformUser).postForEntity("/api/platform-reports/listings?name=n.jsonl",
                new HttpEntity<>(("{\"listing_id\":\"" + listingId + "\",\"shop_id\":\"" + shop
                        + "\",\"category\":\"apparel\",\"title\":\"全网最佳羽绒服\",\"original_price\":399}\n")
                        .getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return shop;
    }

    private int removeListing(String platformUser, String listingId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var response = withToken(platformUser).postForEntity("/api/platform-reports/listings/removals",
                new HttpEntity<>("{\"listings\":[\"" + listingId + "\"],\"note\":\"按通知下架\"}", headers),
                String.class);
        return response.getStatusCode().value();
    }

    @Test
    void a_takedown_is_answered_by_its_platform_only_proven_by_the_removal_and_counted() throws Exception {
        CurrentUser officer = account("notice.officer", "SAMR", "110109", null, Role.CASE_OFFICER);
        CurrentUser demoMall = account("notice.demo-mall", null, "110000", "demo-mall", Role.PLATFORM_COMPLIANCE);
        String otherPlatform = jdbc.sql("SELECT code FROM platform WHERE code <> 'demo-mall' ORDER BY code LIMIT 1")
                .query(String.class).single();
        CurrentUser other = account("notice.other", null, "110000", otherPlatform, Role.PLATFORM_COMPLIANCE);
        String shop = reportListing("notice.demo-mall", "NT-1");
        long clue = clues.register(new NewClue("网店使用绝对化用语", ClueSource.MONITORING, "某服饰店", null, "监测发现"),
                officer).id();

        assertThatThrownBy(() -> notices.send(new PlatformNotices.NewNotice("clue", clue, NoticeKind.TAKEDOWN,
                "demo-mall", shop, List.of(), "《中华人民共和国广告法》", "第九条第（三）项", "删除", 24), officer))
                .hasMessageContaining("字段 listingIds");
        assertThatThrownBy(() -> notices.send(new PlatformNotices.NewNotice("clue", clue, NoticeKind.TAKEDOWN,
                "demo-mall", shop, List.of("NO-SUCH"), "《中华人民共和国广告法》", "第九条第（三）项", "删除", 24), officer))
                .hasMessageContaining("no such listing");
        assertThatThrownBy(() -> notices.send(new PlatformNotices.NewNotice("clue", clue, NoticeKind.TAKEDOWN,
                "demo-mall", shop, List.of("NT-1"), "《中华人民共和国广告法》", "第九条第（三）项", "删除", 0), officer))
                .hasMessageContaining("字段 dueHours");
        PlatformNotices.Notice n = notices.send(new PlatformNotices.NewNotice("clue", clue, NoticeKind.TAKEDOWN,
                "demo-mall", shop, List.of("NT-1"), "《中华人民共和国广告法》", "第九条第（三）项",
                "<script>alert(1)</script>请删除使用“全网最佳”的商品信息", 24), officer);
        assertThat(n.state()).isEqualTo(PlatformNotices.State.SENT);

        // another platform's user reaches it by no id, page or form
        assertThat(notices.ofPlatform(other)).noneMatch(x -> x.id() == n.id());
        mvc.perform(get("/platform/notices/" + n.id()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/platform/notices/" + n.id() + "/confirm").with(user(other)).with(csrf())
                .param("actionTaken", "已删除").param("actedAt", "2026-01-01T10:00")).andExpect(status().isNotFound());
        assertThatThrownBy(() -> notices.confirm(n.id(), "已删除", clock.instant(), other))
                .hasMessageContaining("no such notice");
        // nor an officer's pages, nor the clue, its evidence or the bureau's requests behind it
        mvc.perform(get("/notices/" + n.id()).with(user(demoMall))).andExpect(status().isForbidden());
        mvc.perform(get("/clues/" + clue).with(user(demoMall))).andExpect(status().isForbidden());
        mvc.perform(get("/notices/requests/1").with(user(demoMall))).andExpect(status().isForbidden());
        mvc.perform(get("/monitoring/findings/1").with(user(demoMall))).andExpect(status().isForbidden());
        mvc.perform(get("/evidence/1").with(user(demoMall))).andExpect(status().isForbidden());
        // its own platform sees it, the script inert
        String page = mvc.perform(get("/platform/notices/" + n.id()).with(user(demoMall))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(n.noticeNo(), "&lt;script&gt;").doesNotContain("<script>alert(1)</script>");

        // confirmed before the removal is reported: not proven, the listing still on sale is fixed as evidence
        PlatformNotices.Notice unproven = notices.confirm(n.id(), "已要求商家整改", clock.instant(), demoMall);
        assertThat(unproven.state()).isEqualTo(PlatformNotices.State.UNPROVEN);
        assertThat(unproven.verification().outcome()).contains("仍在售", "NT-1");
        assertThat(unproven.verification().evidenceSeq()).isNotNull();
        assertThat(notices.list(officer.dataScope(), 100)).filteredOn(x -> x.id() == n.id())
                .allMatch(x -> x.needsAttention(clock.instant()));

        // the platform reports the removal; the officer checks again: proven, fixed, counted
        assertThat(removeListing("notice.other", "NT-1")).isEqualTo(400);     // not that platform's listing
        assertThat(removeListing("notice.demo-mall", "NT-1")).isEqualTo(200);
        PlatformNotices.Notice proven = notices.review(n.id(), true, "复核平台报送", officer);
        assertThat(proven.state()).isEqualTo(PlatformNotices.State.PROVEN);
        assertThat(proven.verification().outcome()).contains("均已下架");
        assertThat(clues.evidence(clue)).hasSize(2);
        LocalDate today = clock.today();
        assertThat(statistics.acts("TAKEDOWNS", null, today, today, new RegionCode("110109")))
                .extracting(CampaignStatistics.Act::sourceId, CampaignStatistics.Act::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Long.toString(n.id()), 1L));
        // the removed listing is no longer monitored; reporting it again puts it back
        assertThat(jdbc.sql("SELECT removed_at IS NOT NULL FROM listing WHERE platform_code = 'demo-mall'"
                + " AND listing_id = 'NT-1'").query(Boolean.class).single()).isTrue();
        reportListing("notice.demo-mall", "NT-1");
        assertThat(jdbc.sql("SELECT removed_at IS NULL FROM listing WHERE platform_code = 'demo-mall'"
                + " AND listing_id = 'NT-1'").query(Boolean.class).single()).isTrue();

        // the platform's own view: what it reported, a refused report with its rejected row; never another's
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        assertThat(withToken("notice.demo-mall").postForEntity("/api/platform-reports/listings?name=bad.jsonl",
                new HttpEntity<>("{\"listing_id\":\"NT-BAD\",\"shop_id\":\"NO-SUCH-SHOP\",\"title\":\"x\"}\n"
                        .getBytes(StandardCharsets.UTF_8), headers), String.class).getStatusCode().value()).isEqualTo(422);
        String home = page("/platform", demoMall);
        assertThat(home).contains("bad.jsonl", "未导入", "第 1 行", "n.jsonl", "商品下架");
        assertThat(page("/platform", other)).doesNotContain("bad.jsonl").doesNotContain(n.noticeNo());
    }

    @Test
    void a_confirmation_after_the_due_time_is_recorded_late_and_a_page_rectification_is_reviewed() {
        CurrentUser officer = account("notice.officer2", "SAMR", "110109", null, Role.MONITORING_OFFICER);
        CurrentUser demoMall = account("notice.demo-mall", null, "110000", "demo-mall", Role.PLATFORM_COMPLIANCE);
        String shop = reportListing("notice.demo-mall", "NT-2");
        long clue = clues.register(new NewClue("网店未公示营业执照", ClueSource.MONITORING, "某服饰店", null, "监测发现"),
                officer).id();
        clock.runFrom(LocalDateTime.of(2026, 11, 2, 9, 0));
        PlatformNotices.Notice n = notices.send(new PlatformNotices.NewNotice("clue", clue, NoticeKind.LICENCE_DISPLAY,
                "demo-mall", shop, List.of(), "《中华人民共和国电子商务法》", "第十五条", "请督促商家在首页显著位置公示营业执照信息",
                2), officer);
        clock.runFrom(LocalDateTime.of(2026, 11, 2, 12, 0));
        assertThat(notices.list(officer.dataScope(), 100)).filteredOn(x -> x.id() == n.id())
                .allMatch(x -> x.overdue(clock.instant()));
        assertThatThrownBy(() -> notices.confirm(n.id(), "已公示", clock.instant().plus(Duration.ofHours(1)), demoMall))
                .hasMessageContaining("字段 actedAt");
        PlatformNotices.Notice answered = notices.confirm(n.id(), "商家已在首页公示营业执照", clock.instant(), demoMall);
        assertThat(answered.confirmation().late()).isTrue();
        assertThat(answered.state()).isEqualTo(PlatformNotices.State.CONFIRMED);
        assertThat(answered.verification().evidenceSeq()).isNotNull();
        assertThatThrownBy(() -> notices.confirm(n.id(), "再次", clock.instant(), demoMall))
                .hasMessageContaining("already confirmed");
        PlatformNotices.Notice accepted = notices.review(n.id(), true, "首页已公示营业执照", officer);
        assertThat(accepted.state()).isEqualTo(PlatformNotices.State.PROVEN);
        assertThat(statistics.acts("RECTIFICATION_ORDERS", null, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2),
                new RegionCode("110109"))).extracting(CampaignStatistics.Act::sourceId)
                .containsExactly(Long.toString(n.id()));
    }
}
