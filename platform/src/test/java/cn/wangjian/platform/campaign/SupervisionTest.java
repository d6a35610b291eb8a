package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Inspection groups of several agencies visiting regions, and major cases supervised by a superior. */
class SupervisionTest extends PlatformTest {

    @Autowired
    Supervision supervision;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CaseFiles cases;
    @Autowired
    ClueRegister clues;

    private long campaign() {
        return campaigns.list().stream().filter(c -> c.year() == 2017).findFirst().orElseThrow().id();
    }

    @Test
    void a_group_of_two_agencies_visits_a_district_and_the_district_reports_its_rectification() throws Exception {
        long campaign = campaign();
        CurrentUser coordinator = accounts.loadUserByUsername(testUser("sup.coord", "SAMR", "110000",
                Role.CAMPAIGN_COORDINATOR));
        String name = "第一督查组 " + System.nanoTime();
        assertThatThrownBy(() -> supervision.formGroup(campaign, name, List.of("SAMR"), "李四", coordinator))
                .hasMessageContaining("两个以上部门");
        Supervision.Group g = supervision.formGroup(campaign, name, List.of("SAMR", "MIIT", "CAC"), "李四", coordinator);
        assertThatThrownBy(() -> supervision.formGroup(campaign, name, List.of("SAMR", "MIIT"), "李四", coordinator))
                .hasMessageContaining("同名督查组");
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> supervision.visit(g.id(), "310101", today, "问题", today.plusDays(10), coordinator))
                .hasMessageContaining("字段 regionCode");
        assertThatThrownBy(() -> supervision.visit(g.id(), "110105", today, "问题", today.minusDays(1), coordinator))
                .hasMessageContaining("字段 rectifyBy");
        Supervision.Visit v = supervision.visit(g.id(), "110105", today, "平台亮照亮证检查不到位", today.plusDays(10),
                coordinator);
        assertThat(v.overdue(today.plusDays(11))).isTrue();
        CurrentUser districtPolice = accounts.loadUserByUsername(testUser("sup.mps", "MPS", "110105",
                Role.AGENCY_LIAISON));
        CurrentUser districtTelecom = accounts.loadUserByUsername(testUser("sup.miit", "MIIT", "110105",
                Role.AGENCY_LIAISON));
        assertThatThrownBy(() -> supervision.rectify(v.id(), today, "整改", districtPolice))
                .hasMessageContaining("被督查地区的相关部门");
        Supervision.Visit done = supervision.rectify(v.id(), today, "已督促平台完成亮照亮证", districtTelecom);
        assertThat(done.rectifiedOn()).isEqualTo(today);
        assertThat(done.overdue(today.plusDays(11))).isFalse();
        assertThat(supervision.groups(campaign, districtTelecom)).extracting(Supervision.Group::id).contains(g.id());
        assertThat(page("/campaign/" + campaign + "/supervision", coordinator)).contains(name, "已督促平台完成亮照亮证");
    }

    @Test
    void a_superior_supervises_a_district_case_which_reports_progress_at_its_interval() throws Exception {
        long campaign = campaign();
        CurrentUser district = accounts.loadUserByUsername(testUser("sup.case", "SAMR", "110106", Role.CASE_OFFICER));
        CurrentUser city = accounts.loadUserByUsername(testUser("sup.city", "SAMR", "110000", Role.CASE_OFFICER));
        long clue = clues.register(new NewClue("跨省销售假冒化妆品", ClueSource.MONITORING, "北京某化妆品公司", null, "重大"),
                district).id();
        long caseId = cases.open(clue, LocalDate.of(2026, 9, 1), district).id();
        assertThatThrownBy(() -> supervision.supervise(campaign, caseId, "涉案金额大", 15, district))
                .hasMessageContaining("上级对下级");
        assertThatThrownBy(() -> supervision.supervise(campaign, caseId, "涉案金额大", 0, city))
                .hasMessageContaining("字段 everyDays");
        Supervision.Supervised s = supervision.supervise(campaign, caseId, "涉案金额大、跨省", 15, city);
        LocalDate today = LocalDate.now(clock);
        assertThat(s.nextReportOn()).isEqualTo(today.plusDays(15));
        assertThatThrownBy(() -> supervision.supervise(campaign, caseId, "再次", 15, city))
                .hasMessageContaining("已在督办中");
        assertThatThrownBy(() -> supervision.reportProgress(s.id(), "进展", city))
                .hasMessageContaining("承办该案的单位");
        Supervision.Supervised reported = supervision.reportProgress(s.id(), "已立案调查，查封仓库一处", district);
        assertThat(reported.nextReportOn()).isEqualTo(today.plusDays(15));
        assertThat(supervision.progress(s.id())).extracting(Supervision.Progress::progress)
                .containsExactly("已立案调查，查封仓库一处");
        assertThat(supervision.supervisedFor(campaign, city)).extracting(Supervision.Supervised::id).contains(s.id());
        assertThat(supervision.supervisedFor(campaign, district)).extracting(Supervision.Supervised::id).contains(s.id());
        CurrentUser shanghai = accounts.loadUserByUsername(testUser("sup.sh", "SAMR", "310000", Role.CASE_OFFICER));
        assertThat(supervision.supervisedFor(campaign, shanghai)).isEmpty();
        assertThat(page("/campaign/" + campaign + "/supervision", district)).contains("已立案调查，查封仓库一处");
    }
}
