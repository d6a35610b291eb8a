package cn.wangjian.engine.brushing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.cli.BrushingCli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accuracy targets of the ring detector on the 1 M benchmark markets (issue 4), asserted on every build. */
class RingDetectorTest {

    private static RingEvaluation run(MarketGenerator.Config config) {
        var market = MarketGenerator.generate(config);
        List<RingDetector.Block> rings = new RingDetector(market.tensor(), RingDetector.Config.defaults()).detect();
        RingEvaluation e = RingEvaluation.of(market.tensor(), market.ringOfCell(), market.rings(), rings);
        System.out.println(config + " → " + e.describe());
        return e;
    }

    @Test
    void finds_the_rings_of_a_skewed_market_including_a_camouflaged_one() {
        RingEvaluation e = run(MarketGenerator.Config.realistic(1_000_000, 7));
        assertThat(e.tupleF1()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.accountPrecision()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.cleanRings()).isGreaterThanOrEqualTo(4);
        // rings 0 and 1 are the camouflaged ones
        assertThat(e.cleanRingIds()).containsAnyOf(0, 1);
    }

    @Test
    void finds_them_with_another_seed_too() {
        RingEvaluation e = run(MarketGenerator.Config.realistic(1_000_000, 20170501));
        assertThat(e.tupleF1()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.accountPrecision()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.cleanRings()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void finds_the_rings_on_a_uniform_background() {
        RingEvaluation e = run(new MarketGenerator.Config(1_000_000, 7, false, false, 5));
        assertThat(e.tupleF1()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void finds_the_rings_with_ip_addresses_as_a_fourth_mode() {
        RingEvaluation e = run(new MarketGenerator.Config(1_000_000, 7, true, true, 5));
        assertThat(e.tupleF1()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.accountPrecision()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.cleanRings()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_market_without_rings_yields_no_ring() {
        var market = MarketGenerator.generate(new MarketGenerator.Config(300_000, 11, true, false, 0));
        assertThat(new RingDetector(market.tensor(), RingDetector.Config.defaults()).detect()).isEmpty();
    }

    @Test
    void each_ring_explains_itself_in_chinese_with_its_figures() {
        var market = MarketGenerator.generate(MarketGenerator.Config.realistic(200_000, 3));
        List<RingDetector.Block> rings = new RingDetector(market.tensor(), RingDetector.Config.defaults()).detect();
        assertThat(rings).isNotEmpty();
        RingDetector.Block b = rings.get(0);
        assertThat(b.score()).isGreaterThan(b.expected());
        assertThat(b.density()).isGreaterThan(100);
        String text = BrushingCli.explain(b);
        assertThat(text).contains("疑似刷单团伙", b.users().length + " 个账号", "家店铺", "预期", "泊松似然比",
                b.coordination().pairs() + " 个不同的“账号—店铺”购买关系");
    }

    @Test
    void generation_is_deterministic() {
        var a = MarketGenerator.generate(MarketGenerator.Config.realistic(50_000, 5));
        var b = MarketGenerator.generate(MarketGenerator.Config.realistic(50_000, 5));
        assertThat(a.tensor().size()).isEqualTo(b.tensor().size());
        for (int i = 0; i < a.tensor().size(); i += 97) {
            assertThat(a.tensor().user(i)).isEqualTo(b.tensor().user(i));
            assertThat(a.tensor().count(i)).isEqualTo(b.tensor().count(i));
        }
    }

    @Test
    void version_2_finds_rings_that_hide_on_a_held_out_market() {
        // seed 202 was held out while version 2 was written (decision 0022)
        var market = HidingMarkets.generate("mixed", 1_000_000, 202);
        RingEvaluation e = RingEvaluation.of(market.tensor(), market.ringOfCell(), market.rings(),
                new RingDetector(market.tensor(), RingDetector.Config.defaults()).detect());
        assertThat(e.tupleF1()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.accountPrecision()).isGreaterThanOrEqualTo(0.9);
        assertThat(e.cleanRings()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void version_1_cuts_weeks_long_rings_at_its_seven_days_and_version_2_does_not() {
        var market = HidingMarkets.generate("weeks", 1_000_000, 11);
        RingEvaluation v1 = RingEvaluation.of(market.tensor(), market.ringOfCell(), market.rings(),
                new RingDetector(market.tensor(), RingDetector.Config.version1()).detect());
        RingEvaluation v2 = RingEvaluation.of(market.tensor(), market.ringOfCell(), market.rings(),
                new RingDetector(market.tensor(), RingDetector.Config.defaults()).detect());
        assertThat(v1.tupleRecall()).isLessThan(0.8);
        assertThat(v2.tupleF1()).isGreaterThanOrEqualTo(0.9);
        assertThat(v2.tupleRecall()).isGreaterThan(v1.tupleRecall());
    }

    @Test
    void the_hiding_markets_background_alone_yields_no_ring() {
        var market = HidingMarkets.generate("none", 1_000_000, 101);
        assertThat(market.rings()).isZero();
        assertThat(new RingDetector(market.tensor(), RingDetector.Config.defaults()).detect()).isEmpty();
    }

    @Test
    void the_shape_bound_counts_the_blocks_of_a_shape() {
        assertThat(RingDetector.lnChoose(10, 3)).isCloseTo(Math.log(120), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RingDetector.lnChoose(10, 0)).isZero();
    }
}
