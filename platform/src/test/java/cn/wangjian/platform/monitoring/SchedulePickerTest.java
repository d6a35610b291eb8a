package cn.wangjian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Schedules are chosen from daily, weekly and key-period pickers; cron is the advanced choice; pages say it in words. */
class SchedulePickerTest extends PlatformTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MonitoringTasks tasks;

    @Test
    void the_pickers_write_the_cron_and_the_cron_reads_back_as_words() {
        assertThat(Schedules.cron(Schedules.Kind.DAILY, "02:30", null, null, null)).isEqualTo("0 30 2 * * *");
        assertThat(Schedules.cron(Schedules.Kind.WEEKLY, "9:05", 1, null, null)).isEqualTo("0 5 9 * * 1");
        assertThat(Schedules.cron(Schedules.Kind.KEY_PERIOD, null, null, 4, null)).isEqualTo("0 0 */4 * * *");
        assertThat(Schedules.cron(Schedules.Kind.MANUAL, "02:00", 1, 4, "0 0 1 * * *")).isNull();
        assertThat(Schedules.cron(Schedules.Kind.ADVANCED, null, null, null, " 0 15 1 1 * * ")).isEqualTo("0 15 1 1 * *");
        assertThatThrownBy(() -> Schedules.cron(Schedules.Kind.DAILY, "25:00", null, null, null))
                .isInstanceOf(Schedules.Refused.class).hasMessageContaining("时:分");
        assertThatThrownBy(() -> Schedules.cron(Schedules.Kind.WEEKLY, "02:00", 9, null, null))
                .hasMessageContaining("每周");
        assertThatThrownBy(() -> Schedules.cron(Schedules.Kind.KEY_PERIOD, null, null, 0, null))
                .hasMessageContaining("1、2、3、4、6、8 或 12");
        assertThatThrownBy(() -> Schedules.cron(Schedules.Kind.KEY_PERIOD, null, null, 5, null))
                .hasMessageContaining("小时");
        assertThat(Schedules.describe("0 30 2 * * *")).isEqualTo("每日 02:30");
        assertThat(Schedules.describe("0 5 9 * * 7")).isEqualTo("每周日 09:05");
        assertThat(Schedules.describe("0 0 */4 * * *")).isEqualTo("每 4 小时（整点）");
        assertThat(Schedules.describe(null)).isEqualTo("仅手动运行");
        assertThat(Schedules.describe("0 15 1 1 * *")).isEqualTo("高级：0 15 1 1 * *");
    }

    @Test
    void an_officer_picks_weekly_on_the_form_and_the_task_page_says_it_in_words() throws Exception {
        CurrentUser officer = accounts.loadUserByUsername(testUser("pick.mon", "SAMR", "110000",
                Role.MONITORING_OFFICER));
        String form = mvc.perform(get("/monitoring/tasks/new").with(user(officer))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).contains("schedule-picker", "每日", "每周", "重点时段", "高级：cron 表达式");
        String location = mvc.perform(post("/monitoring/tasks").with(user(officer)).with(csrf())
                        .param("name", "每周一巡查").param("kind", "DAILY").param("ruleSets", "TEXT")
                        .param("scheduleKind", "WEEKLY").param("scheduleTime", "03:15").param("scheduleWeekday", "1")
                        .param("schedule", "0 0 2 * * *").param("crawlRate", "2").param("crawlMaxPages", "10"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/monitoring/tasks/");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        MonitoringTask task = tasks.find(id, officer.dataScope()).orElseThrow();
        assertThat(task.schedule()).isEqualTo("0 15 3 * * 1");
        assertThat(mvc.perform(get(location).with(user(officer))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("每周一 03:15");
        // a bad time is refused on the form, naming what to write
        assertThat(mvc.perform(post("/monitoring/tasks").with(user(officer)).with(csrf())
                        .param("name", "坏时间").param("kind", "DAILY").param("ruleSets", "TEXT")
                        .param("scheduleKind", "DAILY").param("scheduleTime", "7点"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("schedule-error", "运行时间应为 时:分");
    }
}
