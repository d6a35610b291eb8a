package cn.wangjian.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.casework.CaseStage;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Next year's calendar from the State Council's notice, and provisional deadlines: a case filed on 20 December 2026
 * has 暂定 deadlines in 2027; after an administrator imports a notice for 2027 (an invented test fixture, not the
 * official arrangement) they are counted again and each case's timeline says so.
 */
class CalendarTest extends PlatformTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    CaseFiles cases;
    @Autowired
    ClueRegister clues;
    @Autowired
    JdbcClient jdbc;

    static String invented2027() throws IOException {
        try (InputStream in = CalendarTest.class.getResourceAsStream("/calendar/notice-2027-invented.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The stored years are this test's: other tests see the calendar as shipped. */
    @AfterEach
    void forgetStoredYears() {
        jdbc.sql("DELETE FROM calendar_year_version").update();
    }

    private CurrentUser admin() {
        return accounts.loadUserByUsername(testUser("cal.admin", "SAMR", "000000", Role.ADMIN));
    }

    @Test
    void provisional_deadlines_are_recounted_when_the_year_is_imported_and_the_timeline_says_so() throws Exception {
        clock.fixAt(LocalDateTime.of(2026, 12, 20, 10, 0));
        Bureau b = bureau("cal", "110105");
        CurrentUser officer = b.officer();
        // received today, Sunday 20 Dec: 15 working days are 21–25, 28–31 Dec, then 2027 provisionally (weekends
        // and 元旦 off): 4–8, 11 Jan
        long filedToday = open("年末核查", "甲公司", LocalDate.of(2026, 12, 20), officer);
        CaseFiles.CaseView a = cases.find(filedToday, officer.dataScope()).orElseThrow();
        assertThat(a.dueOn()).isEqualTo("2027-01-11");
        assertThat(a.dueProvisional()).isTrue();
        assertThat(a.dueNote()).contains("暂定", "2027");
        // acts are dated today at the latest: the 2027 acts below are taken on their day
        clock.fixAt(LocalDateTime.of(2027, 2, 3, 10, 0));
        // received Monday 25 Jan 2027: provisionally 26–29 Jan, 1–5, 8–12, 15 Feb (the Spring Festival unknown)
        long overTheFestival = open("春节前核查", "乙公司", LocalDate.of(2027, 1, 25), officer);
        assertThat(cases.find(overTheFestival, officer.dataScope()).orElseThrow().dueOn()).isEqualTo("2027-02-15");
        // a prior notice on Wednesday 3 Feb: the party's five working days end 10 Feb provisionally
        long noticed = open("春节前告知", "丙公司", LocalDate.of(2027, 1, 25), officer);
        cases.step(noticed, "file", Map.of("on", "2027-01-26", "officers", b.officers()), b.actorOf("file"));
        cases.step(noticed, "submit", Map.of("findings", "虚假宣传"), b.actorOf("submit"));
        cases.step(noticed, "legal-review", Map.of("on", "2027-02-03", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法"), b.reviewer());
        CaseFiles.CaseView n = cases.step(noticed, "serve-notice", Map.of("on", "2027-02-03", "proposedPenalty",
                "罚款五万元", "hearingRight", "true"), b.actorOf("serve-notice"));
        var window = ((CaseStage.NoticeServed) n.stage()).notice();
        assertThat(window.hearingRequestBy()).isEqualTo("2027-02-10");
        assertThat(window.windowProvisional()).isTrue();
        // the case page, the list and the timeline show 暂定
        mvc.perform(get("/casework/" + filedToday).with(user(officer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("case-due-provisional")));
        mvc.perform(get("/casework").with(user(officer))).andExpect(content().string(Matchers.containsString("暂定")));
        assertThat(cases.events(noticed)).anySatisfy(e -> assertThat(e.note()).contains("2027-02-10（暂定）"));

        // the administrator pastes the notice, sees the month view, confirms
        CurrentUser admin = admin();
        mvc.perform(post("/admin/calendar/preview").with(user(admin)).with(csrf()).param("notice", invented2027()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("calendar-months"),
                        Matchers.containsString("确认并保存为第 <span>1</span> 版"),
                        Matchers.containsString("data-date=\"2027-02-05\""))));
        assertThat(workingDays.versions(2027)).isEmpty();          // a preview stores nothing
        mvc.perform(post("/admin/calendar").with(user(admin)).with(csrf()).param("notice", invented2027())
                        .param("note", "测试用虚构通知"))
                .andExpect(redirectedUrl("/admin/calendar/2027"))
                .andExpect(flash().attribute("message", Matchers.containsString("第 1 版")));

        // counted again on the 2027 arrangement, and each timeline says so
        a = cases.find(filedToday, officer.dataScope()).orElseThrow();
        assertThat(a.dueOn()).isEqualTo("2027-01-11");
        assertThat(a.dueProvisional()).isFalse();
        assertThat(a.dueNote()).isNull();
        assertThat(cases.events(filedToday)).anySatisfy(e -> {
            assertThat(e.step()).isEqualTo("recount-deadline");
            assertThat(e.actor()).isEqualTo("cal.admin");
            assertThat(e.note()).contains("2027 年节假日安排（第 1 版）", "2027-01-11（暂定） 重算为 2027-01-11");
        });
        // 5–11 Feb off, Sunday 31 Jan worked: 26–29, 31 Jan, 1–4, 12, 15–19 Feb
        assertThat(cases.find(overTheFestival, officer.dataScope()).orElseThrow().dueOn()).isEqualTo("2027-02-19");
        assertThat(cases.events(overTheFestival)).anySatisfy(e -> assertThat(e.note())
                .contains("2027-02-15（暂定） 重算为 2027-02-19"));
        var recounted = ((CaseStage.NoticeServed) cases.find(noticed, officer.dataScope()).orElseThrow().stage()).notice();
        assertThat(recounted.hearingRequestBy()).isEqualTo("2027-02-17");
        assertThat(recounted.windowProvisional()).isFalse();
        assertThat(cases.events(noticed)).anySatisfy(e -> assertThat(e.note())
                .contains("听证申请期限由 2027-02-10（暂定） 重算为 2027-02-17"));
        // deciding on 17 Feb is now refused: the party's time runs to 17 Feb
        clock.fixAt(LocalDateTime.of(2027, 2, 17, 10, 0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cases.step(noticed, "decide", Map.of("on", "2027-02-17",
                "penalty", "罚款五万元", "legalBasis", "《广告法》第五十五条", "violationType", "FALSE_ADVERTISING",
                "kind.FINE", "on", "fineYuan", "50000", "creditCode", "91110105MA0CAL001"
                        + cn.wangjian.engine.registry.UnifiedSocialCreditCode.checkCharacter("91110105MA0CAL001")), b.actorOf("decide"))).hasMessageContaining("届满前不能作出决定");
        assertThat(workingDays.calendar().isWorkday(LocalDate.of(2027, 2, 20))).isTrue();
        assertThat(workingDays.calendar().holidayName(LocalDate.of(2027, 2, 8))).isEqualTo("春节");
    }

    private long open(String title, String subject, LocalDate receivedOn, CurrentUser officer) {
        return cases.open(clues.register(new NewClue(title, ClueSource.REPORT, subject, null, "举报"), officer).id(),
                receivedOn, officer).id();
    }

    @Test
    void a_second_notice_for_a_stored_year_is_a_new_version_only_when_its_differences_are_confirmed() throws Exception {
        CurrentUser admin = admin();
        String first = invented2027();
        workingDays.store(first, null, false, null, admin.getUsername());
        // the same notice again: nothing changes, nothing stored
        mvc.perform(post("/admin/calendar").with(user(admin)).with(csrf()).param("notice", first))
                .andExpect(flash().attribute("error", Matchers.containsString("相同")));
        // 端午 moved: shown as a difference, refused without the confirmation
        String moved = first.replace("五、端午节：6月9日（周三）放假。", "五、端午节：6月10日（周四）放假。");
        mvc.perform(post("/admin/calendar/preview").with(user(admin)).with(csrf()).param("notice", moved))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("notice-differences"),
                        Matchers.containsString("新增放假 2027-06-10"), Matchers.containsString("取消放假 2027-06-09"))));
        mvc.perform(post("/admin/calendar").with(user(admin)).with(csrf()).param("notice", moved))
                .andExpect(flash().attribute("error", Matchers.containsString("确认差异")));
        assertThat(workingDays.versions(2027)).hasSize(1);
        mvc.perform(post("/admin/calendar").with(user(admin)).with(csrf()).param("notice", moved).param("replace", "true"))
                .andExpect(flash().attribute("message", Matchers.containsString("第 2 版")));
        assertThat(workingDays.versions(2027)).extracting(WorkingDays.StoredYear::version).containsExactly(2, 1);
        assertThat(workingDays.calendar().isWorkday(LocalDate.of(2027, 6, 9))).isTrue();
        assertThat(workingDays.calendar().isWorkday(LocalDate.of(2027, 6, 10))).isFalse();
        // the seed's years are known too: a notice for 2026 that differs must be confirmed
        String y2026 = "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）放假。\n";
        assertThat(workingDays.preview(y2026, null).currentSource()).isEqualTo("内置数据");
        mvc.perform(get("/admin/calendar/2027").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("第 2 版（现行）")));
    }

    @Test
    void bad_notices_are_refused_whole_with_the_line_named_and_only_administrators_may_import() throws Exception {
        CurrentUser admin = admin();
        String bad = invented2027().replace("共7天。1月31日", "共8天。1月31日");
        mvc.perform(post("/admin/calendar/preview").with(user(admin)).with(csrf()).param("notice", bad))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("notice-problems"),
                        Matchers.containsString("第 10 行"), Matchers.containsString("共 8 天"))));
        mvc.perform(post("/api/calendar/notices").with(user(admin)).with(csrf()).param("confirm", "true")
                        .contentType(MediaType.TEXT_PLAIN).content(invented2027().replace("2月20日（周六）上班", "2月17日（周三）上班")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].line", Matchers.hasItem(10)))
                .andExpect(jsonPath("$.errors[*].reason", Matchers.hasItem(Matchers.containsString("weekday"))));
        assertThat(workingDays.versions(2027)).isEmpty();
        CurrentUser officer = accounts.loadUserByUsername(testUser("cal.dc1", "SAMR", "110105", Role.CASE_OFFICER));
        mvc.perform(post("/api/calendar/notices").with(user(officer)).with(csrf()).contentType(MediaType.TEXT_PLAIN)
                .content(invented2027())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar").with(user(officer))).andExpect(status().isForbidden());
        // the API stores with confirm=true; a provisional deadline answers as such before, exactly after
        mvc.perform(get("/api/calendar/deadline").with(user(officer)).param("from", "2027-02-03").param("workingDays", "5"))
                .andExpect(jsonPath("$.date").value("2027-02-10")).andExpect(jsonPath("$.provisional").value(true));
        mvc.perform(post("/api/calendar/notices").with(user(admin)).with(csrf()).param("confirm", "true")
                        .contentType(MediaType.TEXT_PLAIN).content(invented2027()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/calendar/deadline").with(user(officer)).param("from", "2027-02-03").param("workingDays", "5"))
                .andExpect(jsonPath("$.date").value("2027-02-17")).andExpect(jsonPath("$.provisional").value(false));
    }

    @Test
    void from_1_november_the_administrators_dashboard_warns_that_next_years_calendar_is_missing() throws Exception {
        CurrentUser admin = admin();
        clock.fixAt(LocalDateTime.of(2026, 10, 31, 12, 0));
        mvc.perform(get("/").with(user(admin))).andExpect(content().string(Matchers.not(
                Matchers.containsString("calendar-missing"))));
        clock.fixAt(LocalDateTime.of(2026, 11, 1, 8, 0));
        mvc.perform(get("/").with(user(admin))).andExpect(content().string(Matchers.allOf(
                Matchers.containsString("calendar-missing"), Matchers.containsString("2027"))));
        workingDays.store(invented2027(), null, false, null, admin.getUsername());
        mvc.perform(get("/").with(user(admin))).andExpect(content().string(Matchers.not(
                Matchers.containsString("calendar-missing"))));
        // in a year without data at all, the warning names that year
        clock.fixAt(LocalDateTime.of(2028, 1, 2, 8, 0));
        assertThat(workingDays.missingYear()).contains(2028);
    }
}
