package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On-site inspections and administrative guidance, recorded by a bureau and counted in the statistics table. */
class FieldRecordsTest extends PlatformTest {

    @Autowired
    FieldRecords records;
    @Autowired
    CampaignStatistics statistics;
    @Autowired
    cn.wangjian.platform.registry.Registry registry;

    static final LocalDate DAY = LocalDate.of(2016, 8, 3);

    @Test
    void an_inspection_is_recorded_once_and_counted_as_an_on_site_check() throws Exception {
        CurrentUser officer = accounts.loadUserByUsername(testUser("field.samr", "SAMR", "110105",
                Role.MONITORING_OFFICER));
        FieldRecords.NewInspection n = new FieldRecords.NewInspection("北京某电子商务有限公司", null, null, null, DAY,
                "王五、赵六", "核查网店经营者亮照亮证情况，发现未公示营业执照信息");
        FieldRecords.Inspection i = records.inspect(n, officer);
        assertThatThrownBy(() -> records.inspect(n, officer)).hasMessageContaining("duplicate inspection");
        assertThatThrownBy(() -> records.inspect(new FieldRecords.NewInspection("某公司", "91110000ABC", null, null,
                DAY, "王五", "情况"), officer)).hasMessageContaining("字段 operatorCreditCode");
        assertThatThrownBy(() -> records.inspect(new FieldRecords.NewInspection("某公司", null, null, null,
                LocalDate.now(clock).plusDays(2), "王五", "情况"), officer)).hasMessageContaining("字段 inspectedOn");
        assertThatThrownBy(() -> records.inspect(new FieldRecords.NewInspection("某公司", null, null, null, DAY, " ",
                "情况"), officer)).hasMessageContaining("字段 inspectors");
        assertThat(statistics.acts("ON_SITE_CHECKS", null, DAY, DAY, new RegionCode("110000")))
                .extracting(CampaignStatistics.Act::sourceId).containsExactly(Long.toString(i.id()));
        // another bureau does not see it
        CurrentUser elsewhere = accounts.loadUserByUsername(testUser("field.sh", "SAMR", "310000",
                Role.MONITORING_OFFICER));
        assertThat(records.inspections(elsewhere.dataScope())).noneMatch(x -> x.id() == i.id());
        assertThat(page("/campaign/field", officer)).contains("北京某电子商务有限公司", "未公示营业执照信息");
    }

    @Test
    void an_interview_of_a_platform_with_commitments_is_followed_up_and_counted() throws Exception {
        CurrentUser officer = accounts.loadUserByUsername(testUser("field.guide", "SAMR", "110000",
                Role.CASE_OFFICER));
        String platform = registry.platforms().keySet().iterator().next();
        assertThatThrownBy(() -> records.guide(new FieldRecords.NewGuidance(FieldRecords.GuidanceKind.INTERVIEW, null,
                null, null, DAY, List.of(), "事项", "承诺", null), officer)).hasMessageContaining("字段 platformCode");
        assertThatThrownBy(() -> records.guide(new FieldRecords.NewGuidance(FieldRecords.GuidanceKind.INTERVIEW,
                platform, null, null, DAY, List.of("NOPE"), "事项", "承诺", null), officer))
                .hasMessageContaining("字段 participants");
        assertThatThrownBy(() -> records.guide(new FieldRecords.NewGuidance(FieldRecords.GuidanceKind.INTERVIEW,
                platform, null, null, DAY, List.of(), "事项", "承诺", DAY.minusDays(1)), officer))
                .hasMessageContaining("字段 followUpDue");
        FieldRecords.Guidance g = records.guide(new FieldRecords.NewGuidance(FieldRecords.GuidanceKind.INTERVIEW,
                platform, null, null, DAY, List.of("MIIT", "CAC"), "平台内刷单炒信、虚假评价问题突出",
                "一个月内清理刷单店铺并建立评价审核机制", DAY.plusDays(30)), officer);
        assertThat(g.participants()).containsExactly("SAMR", "MIIT", "CAC");
        assertThat(g.subjectName()).isEqualTo(registry.platformName(platform).orElseThrow());
        assertThat(g.followUpOverdue(DAY.plusDays(31))).isTrue();
        // a prompt (提示) is guidance too, but not an interview: it does not count as one
        records.guide(new FieldRecords.NewGuidance(FieldRecords.GuidanceKind.PROMPT, platform, null, null, DAY,
                List.of(), "双十一促销价格提示", "依法明码标价", null), officer);
        assertThat(statistics.acts("PLATFORM_INTERVIEWS", null, DAY, DAY, new RegionCode("110000")))
                .extracting(CampaignStatistics.Act::sourceId).containsExactly(Long.toString(g.id()));
        FieldRecords.Guidance done = records.followUp(g.id(), DAY.plusDays(28), "已清理刷单店铺 37 家，审核机制上线", officer);
        assertThat(done.followedUpOn()).isEqualTo(DAY.plusDays(28));
        assertThat(done.followUpOverdue(DAY.plusDays(31))).isFalse();
        assertThatThrownBy(() -> records.followUp(g.id(), DAY.plusDays(29), "再次", officer))
                .hasMessageContaining("已回头看");
        assertThat(page("/campaign/field", officer)).contains("平台内刷单炒信、虚假评价问题突出", "已清理刷单店铺 37 家");
    }
}
