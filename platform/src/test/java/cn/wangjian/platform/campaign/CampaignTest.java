package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The 2017 campaign as seeded from the plan, tasks assigned by a coordinator, progress reported by the agency. */
class CampaignTest extends PlatformTest {

    @Autowired
    Campaigns campaigns;

    private Campaigns.Campaign seed() {
        return campaigns.list().stream().filter(c -> c.year() == 2017).findFirst().orElseThrow();
    }

    @Test
    void the_2017_plan_is_seeded_with_its_phases_key_tasks_and_the_ten_agencies_duties() {
        Campaigns.Campaign c = seed();
        assertThat(c.name()).isEqualTo("2017网络市场监管专项行动");
        assertThat(c.documentNo()).isEqualTo("工商办字〔2017〕84号");
        assertThat(c.reportDue()).isEqualTo(LocalDate.of(2017, 12, 10));
        assertThat(campaigns.phases(c.id())).extracting(Campaigns.Phase::name)
                .containsExactly("动员部署阶段", "集中联合检查阶段", "督查总结阶段");
        assertThat(campaigns.phases(c.id()).get(1).endsOn()).isEqualTo(LocalDate.of(2017, 11, 15));
        assertThat(campaigns.duties(c.id())).extracting(Campaigns.Duty::agencyCode).containsExactly("SAMR", "NDRC",
                "MIIT", "MPS", "MOFCOM", "CUSTOMS", "QUALITY", "FOODDRUG", "CAC", "POST");
        List<Campaigns.Focus> focuses = campaigns.focuses(c.id());
        assertThat(focuses).extracting(Campaigns.Focus::title).contains("严厉打击刷单炒信行为");
        // brushing: market supervision leads; price (anti-炒信 mechanism), telecom, police and post assist
        Campaigns.Focus brushing = focuses.get(2);
        assertThat(brushing.leadAgency()).isEqualTo("SAMR");
        assertThat(brushing.assisting()).containsExactly("NDRC", "MIIT", "MPS", "POST");
    }

    @Test
    void a_coordinator_assigns_a_task_the_agency_reports_its_progress_and_others_neither_see_nor_report() {
        long campaign = seed().id();
        CurrentUser coordinator = accounts.loadUserByUsername(testUser("camp.coord", "SAMR", "110000",
                Role.CAMPAIGN_COORDINATOR));
        CurrentUser telecom = accounts.loadUserByUsername(testUser("camp.miit", "MIIT", "110000", Role.AGENCY_LIAISON));
        CurrentUser market = accounts.loadUserByUsername(testUser("camp.samr", "SAMR", "110000",
                Role.MONITORING_OFFICER));
        CurrentUser shanghai = accounts.loadUserByUsername(testUser("camp.miit.sh", "MIIT", "310000",
                Role.AGENCY_LIAISON));
        String title = "核查刷单平台网站备案 " + System.nanoTime();
        Campaigns.NewTask t = new Campaigns.NewTask(3, title, "MIIT", "110105", "张三", LocalDate.of(2017, 11, 10));
        // bad input, each by field
        assertThatThrownBy(() -> campaigns.assign(campaign, t, market)).hasMessageContaining("协调人");
        assertThatThrownBy(() -> campaigns.assign(campaign, new Campaigns.NewTask(3, title, "MIIT", "310101", "张三",
                LocalDate.of(2017, 11, 10)), coordinator)).hasMessageContaining("字段 regionCode");
        assertThatThrownBy(() -> campaigns.assign(campaign, new Campaigns.NewTask(3, title, "MIIT", "110105", "张三",
                LocalDate.of(2018, 1, 10)), coordinator)).hasMessageContaining("字段 dueOn");
        assertThatThrownBy(() -> campaigns.assign(campaign, new Campaigns.NewTask(9, title, "MIIT", "110105", "张三",
                LocalDate.of(2017, 11, 10)), coordinator)).hasMessageContaining("字段 focusSeq");
        assertThatThrownBy(() -> campaigns.assign(campaign, new Campaigns.NewTask(3, title, "NOPE", "110105", "张三",
                LocalDate.of(2017, 11, 10)), coordinator)).hasMessageContaining("字段 agencyCode");
        Campaigns.Task task = campaigns.assign(campaign, t, coordinator);
        assertThatThrownBy(() -> campaigns.assign(campaign, t, coordinator)).hasMessageContaining("同名任务");
        // who sees it: the coordinator and the assigned agency in the region; not another agency, not Shanghai
        assertThat(campaigns.tasks(campaign, telecom)).extracting(Campaigns.Task::id).contains(task.id());
        assertThat(campaigns.tasks(campaign, market)).extracting(Campaigns.Task::id).doesNotContain(task.id());
        assertThat(campaigns.task(task.id(), shanghai)).isEmpty();
        assertThatThrownBy(() -> campaigns.report(task.id(), 50, "进展", market)).hasMessageContaining("没有这个任务");
        assertThatThrownBy(() -> campaigns.report(task.id(), 101, "进展", telecom)).hasMessageContaining("字段 progress");
        assertThatThrownBy(() -> campaigns.report(task.id(), 50, " ", telecom)).hasMessageContaining("字段 note");
        assertThatThrownBy(() -> campaigns.report(task.id(), 50, "进展", coordinator))
                .hasMessageContaining("只有承担任务的部门");
        campaigns.report(task.id(), 40, "已核查 12 个网站的备案信息", telecom);
        Campaigns.Task done = campaigns.report(task.id(), 100, "全部核查完毕，3 个网站移送注销备案", telecom);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(campaigns.progress(task.id())).extracting(Campaigns.Progress::progress).containsExactly(40, 100);
        // the page: phases, key tasks with lead and assisting agencies, the task with its progress
        String page = page("/campaign/" + campaign, telecom);
        assertThat(page).contains("动员部署阶段", "严厉打击刷单炒信行为", "发展改革、工业和信息化、公安、邮政", title, "100%");
        assertThat(page).doesNotContain("id=\"task-form\"");
        assertThat(page("/campaign/" + campaign, coordinator)).contains("id=\"task-form\"");
    }

    @Test
    void a_copy_for_another_year_moves_every_date_and_keeps_the_plan_but_not_the_tasks() {
        Campaigns.Campaign c = seed();
        CurrentUser coordinator = accounts.loadUserByUsername(testUser("camp.copy", "SAMR", "000000",
                Role.CAMPAIGN_COORDINATOR));
        CurrentUser officer = accounts.loadUserByUsername(testUser("camp.officer", "SAMR", "110000",
                Role.MONITORING_OFFICER));
        assertThatThrownBy(() -> campaigns.copy(c.id(), 2020, officer)).hasMessageContaining("协调人");
        assertThatThrownBy(() -> campaigns.copy(c.id(), 2017, coordinator)).hasMessageContaining("字段 year");
        Campaigns.Campaign copy = campaigns.copy(c.id(), 2020, coordinator);
        assertThat(copy.name()).isEqualTo("2020网络市场监管专项行动");
        assertThat(copy.copiedFrom()).isEqualTo(c.id());
        assertThat(copy.reportDue()).isEqualTo(LocalDate.of(2020, 12, 10));
        assertThat(campaigns.phases(copy.id()).get(0).startsOn()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(campaigns.focuses(copy.id())).hasSize(4);
        assertThat(campaigns.duties(copy.id())).hasSize(10);
        assertThat(campaigns.tasks(copy.id(), coordinator)).isEmpty();
        assertThatThrownBy(() -> campaigns.copy(c.id(), 2020, coordinator)).hasMessageContaining("已有");
        assertThat(page("/campaign", officer)).contains("2017网络市场监管专项行动", "2020网络市场监管专项行动");
    }
}
