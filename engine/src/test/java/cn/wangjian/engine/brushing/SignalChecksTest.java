package cn.wangjian.engine.brushing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalChecksTest {

    static final long DAY = 1_767_225_600L; // 2026-01-01 00:00 UTC

    private static List<Signal.Kind> kinds(List<Signal> signals) {
        return signals.stream().map(Signal::kind).toList();
    }

    @Test
    void an_ordinary_parcel_raises_nothing() {
        var p = new Parcel("SF1001", "SF", "o1", "alice", 820, DAY, DAY + 30 * 3600, "440305", "110105");
        assertThat(ParcelChecks.check(List.of(p), ParcelChecks.Config.defaults())).isEmpty();
    }

    @Test
    void empty_parcels_are_recognised_by_weight_speed_number_and_place() {
        List<Parcel> parcels = new ArrayList<>();
        parcels.add(new Parcel("YT1", "YTO", "o1", "a", 12, DAY, DAY + 30 * 3600, "330100", "110100"));
        parcels.add(new Parcel("YT2", "YTO", "o2", "b", 500, DAY, DAY + 9 * 60, "330100", "110100"));
        parcels.add(new Parcel("YT3", "YTO", "o3", "c", 500, DAY, DAY + 40 * 3600, "330100", "110100"));
        parcels.add(new Parcel("YT3", "YTO", "o4", "d", 500, DAY, DAY + 40 * 3600, "330100", "110100"));
        for (int i = 0; i < 4; i++) {
            parcels.add(new Parcel("ZT" + i, "ZTO", "p" + i, "buyer" + i, 300, DAY, DAY + 30 * 3600, "330106", "330106"));
        }
        List<Signal> signals = ParcelChecks.check(parcels, ParcelChecks.Config.defaults());
        assertThat(kinds(signals)).contains(Signal.Kind.LIGHT_PARCEL, Signal.Kind.INSTANT_SIGN,
                Signal.Kind.REUSED_TRACKING_NUMBER, Signal.Kind.SAME_PLACE);
        Signal light = signals.stream().filter(s -> s.kind() == Signal.Kind.LIGHT_PARCEL).findFirst().orElseThrow();
        assertThat(light.subjects()).containsExactly("YT1");
        assertThat(light.explanation()).contains("12 克", "空包");
        Signal reused = signals.stream().filter(s -> s.kind() == Signal.Kind.REUSED_TRACKING_NUMBER).findFirst().orElseThrow();
        assertThat(reused.accounts()).containsExactly("c", "d");
    }

    @Test
    void one_route_for_many_buyers_on_one_day_is_a_signal() {
        List<Parcel> parcels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parcels.add(new Parcel("R" + i, "STO", "o" + i, "acc" + i, 300, DAY + i * 60, DAY + 30 * 3600,
                    "350200", "350206"));
        }
        assertThat(kinds(ParcelChecks.check(parcels, ParcelChecks.Config.defaults()))).containsExactly(Signal.Kind.REUSED_ROUTE);
    }

    @Test
    void template_reviews_from_different_accounts_are_clustered_despite_small_edits() {
        List<Review> reviews = new ArrayList<>();
        String[] variants = {"质量非常好，物流很快，包装精美，卖家服务态度一级棒，下次还来！",
                "質量非常好，物流很快，包装精美，卖家服務態度一級棒，下次还来!!",
                "质量非常好 物流很快 包装精美 卖家服务态度一级棒 下次还会来",
                "质量非常好，物流很快，包装精美，卖家服务态度一级棒，下次还来～"};
        for (int i = 0; i < variants.length; i++) {
            reviews.add(new Review("r" + i, "o" + i, "acct" + i, "shopA", 5, DAY, variants[i], List.of()));
        }
        reviews.add(new Review("x1", "ox1", "real1", "shopA", 4, DAY, "鞋子尺码偏大半码，颜色和图片一样，穿着舒服", List.of()));
        reviews.add(new Review("x2", "ox2", "real2", "shopA", 5, DAY, "好评", List.of()));
        reviews.add(new Review("x3", "ox3", "real3", "shopA", 5, DAY, "好评", List.of()));
        reviews.add(new Review("x4", "ox4", "real4", "shopA", 5, DAY, "好评", List.of()));
        List<Signal> signals = ReviewChecks.check(reviews, ReviewChecks.Config.defaults());
        Signal dup = signals.stream().filter(s -> s.kind() == Signal.Kind.DUPLICATE_REVIEWS).findFirst().orElseThrow();
        assertThat(dup.subjects()).containsExactlyInAnyOrder("r0", "r1", "r2", "r3");
        assertThat(dup.explanation()).contains("4 个账号", "雷同");
        // short generic praise is not evidence of a template
        assertThat(signals).filteredOn(s -> s.kind() == Signal.Kind.DUPLICATE_REVIEWS).hasSize(1);
    }

    @Test
    void a_burst_of_top_ratings_and_reused_images_are_signals() {
        List<Review> reviews = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            reviews.add(new Review("n" + d, "on" + d, "u" + d, "shopB", 5, DAY + d * 86400L, "不错" + d, List.of()));
        }
        for (int i = 0; i < 20; i++) {
            reviews.add(new Review("b" + i, "ob" + i, "w" + i, "shopB", 5, DAY + 12 * 86400L + i * 60, "很好用的东西" + i,
                    i < 3 ? List.of("img-7f3a") : List.of()));
        }
        List<Signal> signals = ReviewChecks.check(reviews, ReviewChecks.Config.defaults());
        assertThat(kinds(signals)).contains(Signal.Kind.RATING_BURST, Signal.Kind.REUSED_IMAGES);
        Signal burst = signals.stream().filter(s -> s.kind() == Signal.Kind.RATING_BURST).findFirst().orElseThrow();
        assertThat(burst.subjects()).hasSize(20);
        Signal images = signals.stream().filter(s -> s.kind() == Signal.Kind.REUSED_IMAGES).findFirst().orElseThrow();
        assertThat(images.accounts()).containsExactly("w0", "w1", "w2");
    }
}
