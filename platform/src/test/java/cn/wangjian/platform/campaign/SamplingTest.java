package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.registry.Registry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sampling plans, samples bought online, results counted and turned into clues, and their public publication. */
class SamplingTest extends PlatformTest {

    @Autowired
    Sampling sampling;
    @Autowired
    CampaignStatistics statistics;
    @Autowired
    Registry registry;
    @Autowired
    ClueRegister clues;

    // the 2015 双十一: a period no other test writes acts in
    static final LocalDate FROM = LocalDate.of(2015, 11, 1);
    static final LocalDate TO = LocalDate.of(2015, 11, 30);

    @Test
    void an_unqualified_sample_becomes_a_clue_counts_twice_and_is_published_escaped() {
        CurrentUser quality = accounts.loadUserByUsername(testUser("sample.qual", "QUALITY", "110106",
                Role.AGENCY_LIAISON));
        CurrentUser cac = accounts.loadUserByUsername(testUser("sample.cac", "CAC", "110106", Role.AGENCY_LIAISON));
        assertThatThrownBy(() -> sampling.plan(new Sampling.NewPlan(Sampling.Kind.PRODUCT, "双十一抽检", "双十一", "儿童玩具",
                FROM, TO, 20), cac)).hasMessageContaining("字段 kind");
        assertThatThrownBy(() -> sampling.plan(new Sampling.NewPlan(Sampling.Kind.FOOD, "食品", "双十一", "奶粉",
                FROM, TO, 20), quality)).hasMessageContaining("字段 kind");
        assertThatThrownBy(() -> sampling.plan(new Sampling.NewPlan(Sampling.Kind.PRODUCT, "倒置", "双十一", "玩具",
                TO, FROM, 20), quality)).hasMessageContaining("字段 startsOn/endsOn");
        Sampling.Plan plan = sampling.plan(new Sampling.NewPlan(Sampling.Kind.PRODUCT, "2015年双十一网络商品质量抽检",
                "双十一", "儿童玩具、电线电缆", FROM, TO, 20), quality);
        assertThatThrownBy(() -> sampling.plan(new Sampling.NewPlan(Sampling.Kind.PRODUCT, "2015年双十一网络商品质量抽检",
                "双十一", "玩具", FROM, TO, 5), quality)).hasMessageContaining("字段 title");

        Registry.Shop shop = registry.searchShops("", 50).stream().filter(s -> s.operatorCreditCode() != null)
                .findFirst().orElseThrow();
        String hostile = "<script>alert(1)</script>电动玩具车";
        Sampling.Sample toy = sampling.addSample(plan.id(), new Sampling.NewSample("S-001", hostile,
                shop.platformCode(), shop.shopId(), "L-1", "ORD-2015-0001", LocalDate.of(2015, 11, 11),
                new BigDecimal("129.90"), null), quality);
        assertThat(toy.operatorCreditCode()).isEqualTo(shop.operatorCreditCode());
        assertThat(toy.purchase().priceCents()).isEqualTo(12_990);
        assertThatThrownBy(() -> sampling.addSample(plan.id(), new Sampling.NewSample("S-002", "玩具",
                shop.platformCode(), shop.shopId(), null, "ORD-2015-0001", LocalDate.of(2015, 11, 11),
                BigDecimal.TEN, null), quality)).hasMessageContaining("字段 orderNo");
        assertThatThrownBy(() -> sampling.addSample(plan.id(), new Sampling.NewSample("S-001", "玩具",
                shop.platformCode(), shop.shopId(), null, "ORD-2015-0002", LocalDate.of(2015, 11, 11),
                BigDecimal.TEN, null), quality)).hasMessageContaining("字段 sampleNo");
        assertThatThrownBy(() -> sampling.addSample(plan.id(), new Sampling.NewSample("S-003", "玩具",
                shop.platformCode(), shop.shopId(), null, "ORD-2015-0003", LocalDate.of(2015, 12, 2),
                BigDecimal.TEN, null), quality)).hasMessageContaining("字段 boughtOn");
        assertThatThrownBy(() -> sampling.addSample(plan.id(), new Sampling.NewSample("S-004", "玩具",
                shop.platformCode(), "no-such-shop", null, "ORD-2015-0004", LocalDate.of(2015, 11, 12),
                BigDecimal.TEN, null), quality)).hasMessageContaining("字段 subjectName");
        Sampling.Sample cable = sampling.addSample(plan.id(), new Sampling.NewSample("S-005", "电线电缆 BV2.5",
                shop.platformCode(), "unknown-shop-9", null, "ORD-2015-0005", LocalDate.of(2015, 11, 12),
                new BigDecimal("89"), "某线缆经营部"), quality);

        assertThatThrownBy(() -> sampling.recordResult(toy.id(), new Sampling.Result(LocalDate.of(2015, 11, 20),
                "国家玩具质量监督检验中心", "W2015-118", false, List.of()), quality))
                .hasMessageContaining("字段 failedItems");
        assertThatThrownBy(() -> sampling.recordResult(toy.id(), new Sampling.Result(LocalDate.of(2015, 11, 10),
                "国家玩具质量监督检验中心", "W2015-118", true, List.of()), quality)).hasMessageContaining("字段 testedOn");
        Sampling.Sample failed = sampling.recordResult(toy.id(), new Sampling.Result(LocalDate.of(2015, 11, 20),
                "国家玩具质量监督检验中心", "W2015-118", false, List.of("小零件：不应有可触及的小零件，实测脱落 2 件",
                "<b>标识</b>：缺少警示语")), quality);
        assertThat(failed.clueId()).isNotNull();
        var clue = clues.find(failed.clueId(), quality.dataScope()).orElseThrow();
        assertThat(clue.subjectCreditCode()).isEqualTo(shop.operatorCreditCode());
        assertThat(clue.description()).contains("ORD-2015-0001", "W2015-118", "小零件");
        assertThatThrownBy(() -> sampling.recordResult(toy.id(), new Sampling.Result(LocalDate.of(2015, 11, 21),
                "其他", "X", true, List.of()), quality)).hasMessageContaining("already recorded");
        Sampling.Sample passed = sampling.recordResult(cable.id(), new Sampling.Result(LocalDate.of(2015, 11, 25),
                "北京市产品质量监督检验院", "D2015-7", true, List.of()), quality);
        assertThat(passed.clueId()).isNull();

        // counted: two batches sampled, one unqualified; each cell lists its samples
        CampaignStatistics.Table t = statistics.table(FROM, TO, new RegionCode("110106"));
        assertThat(total(t, "QUALITY_SAMPLES")).isEqualByComparingTo("2");
        assertThat(total(t, "QUALITY_SAMPLES_FAILED")).isEqualByComparingTo("1");
        assertThat(statistics.acts("QUALITY_SAMPLES_FAILED", null, FROM, TO, new RegionCode("110106")))
                .extracting(CampaignStatistics.Act::sourceId).containsExactly(Long.toString(toy.id()));
        assertThatThrownBy(() -> statistics.enter("QUALITY_SAMPLES", "110106", FROM, 3, "手填", quality))
                .hasMessageContaining("不能手工填报");

        // another bureau neither sees nor publishes the plan
        CurrentUser other = accounts.loadUserByUsername(testUser("sample.qual.sh", "QUALITY", "310000",
                Role.AGENCY_LIAISON));
        assertThat(sampling.plans(other.dataScope())).noneMatch(p -> p.id() == plan.id());
        assertThatThrownBy(() -> sampling.publish(plan.id(), other)).hasMessageContaining("no such plan");

        // nothing public before publication; then both results, the hostile text escaped, without login
        assertThat(rest.getForObject("/public/sampling?q=电动玩具车", String.class)).contains("没有查到已公布的抽检结果");
        assertThat(sampling.publish(plan.id(), quality)).isEqualTo(2);
        assertThatThrownBy(() -> sampling.publish(plan.id(), quality)).hasMessageContaining("no result to publish");
        String page = rest.getForObject("/public/sampling?q=电动玩具车", String.class);
        assertThat(page).contains("电动玩具车", "不合格", "小零件：不应有可触及的小零件", "W2015-118", "&lt;script&gt;",
                "&lt;b&gt;标识&lt;/b&gt;").doesNotContain("<script>alert(1)</script>", "<b>标识</b>");
        String unqualified = rest.getForObject("/public/sampling?unqualified=true", String.class);
        assertThat(unqualified).contains("电动玩具车").doesNotContain("电线电缆 BV2.5");
        assertThat(rest.getForObject("/public/sampling?q=BV2.5", String.class)).contains("电线电缆 BV2.5", "合格");
        assertThat(page("/campaign/sampling/" + plan.id(), quality)).contains("S-001", "S-005", "线索 " + failed.clueId());
    }

    @Test
    void food_sampling_by_samr_counts_under_the_food_indicators() {
        CurrentUser samr = accounts.loadUserByUsername(testUser("sample.samr", "SAMR", "110107",
                Role.MONITORING_OFFICER));
        Sampling.Plan plan = sampling.plan(new Sampling.NewPlan(Sampling.Kind.FOOD, "2015年双十一网络食品抽检", "双十一",
                "婴幼儿配方乳粉", FROM, TO, 10), samr);
        Registry.Shop shop = registry.searchShops("", 1).get(0);
        Sampling.Sample s = sampling.addSample(plan.id(), new Sampling.NewSample("F-1", "婴幼儿配方乳粉 1段",
                shop.platformCode(), shop.shopId(), null, "FOOD-2015-1", LocalDate.of(2015, 11, 11),
                new BigDecimal("268"), null), samr);
        sampling.recordResult(s.id(), new Sampling.Result(LocalDate.of(2015, 11, 18), "北京市食品安全监控和风险评估中心",
                "SP2015-3", true, List.of()), samr);
        CampaignStatistics.Table t = statistics.table(FROM, TO, new RegionCode("110107"));
        assertThat(total(t, "FOOD_SAMPLES")).isEqualByComparingTo("1");
        assertThat(total(t, "FOOD_SAMPLES_FAILED")).isEqualByComparingTo("0");
        assertThat(total(t, "QUALITY_SAMPLES")).isEqualByComparingTo("0");
    }

    private static BigDecimal total(CampaignStatistics.Table t, String code) {
        return t.rows().stream().filter(r -> r.indicator().code().equals(code)).findFirst().orElseThrow().total();
    }

    protected String testUser(String username, String agency, String region, Role role) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new cn.wangjian.platform.identity.NewAccount(username, "测试用户 " + username, PASSWORD,
                    agency, new RegionCode(region), null, java.util.Set.of(role)), "test");
        }
        return username;
    }
}
