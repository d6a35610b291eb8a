package cn.wangjian.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.brushing.MarketFiles;
import cn.wangjian.engine.brushing.Review;
import cn.wangjian.engine.brushing.ReviewChecks;
import cn.wangjian.engine.brushing.Signal;
import cn.wangjian.engine.demo.RegistryMarket;
import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.ReviewEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo market's reviews (a tenth reported twice, one malformed) through sliding 7-day windows per platform: the
 * signals are those the engine's review checks give on the same windows' reviews, each once.
 */
class ReviewWindowJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void each_windows_review_signals_are_the_engines_and_repeated_reviews_count_once(@TempDir Path dir)
            throws Exception {
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(dir);
        List<Review> reviews;
        try (Reader r = Files.newBufferedReader(dir.resolve("reviews.csv"), StandardCharsets.UTF_8)) {
            reviews = MarketFiles.reviews(r, "reviews.csv").stream().filter(x -> x.time() > 0)
                    .sorted(Comparator.comparingLong(Review::time)).toList();
        }
        List<String> events = new ArrayList<>();
        for (int i = 0; i < reviews.size(); i++) {
            Review x = reviews.get(i);
            String json = new ReviewEvent(x.shop().substring(0, x.shop().indexOf('/')), x).toJson();
            events.add(json);
            if (i % 10 == 0) {
                events.add(json);
            }
        }
        events.add("{\"schema\":\"review\",\"version\":1,\"platform\":\"demo-mall\",\"review_id\":\"r\",\"rating\":9}");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ReviewWindowJob.Streams s = ReviewWindowJob.build(env.fromData(events).setParallelism(1)
                .assignTimestampsAndWatermarks(ReviewWindowJob.reviewTime(Duration.ofHours(1))).setParallelism(1),
                Duration.ofDays(7), Duration.ofDays(1));
        ObjectMapper json = new ObjectMapper();
        List<String> found = new ArrayList<>();
        try (CloseableIterator<ListingFeedJob.Keyed> it = s.signals().executeAndCollect()) {
            while (it.hasNext()) {
                found.add(json.readTree(it.next().value()).get("signal_id").asText());
            }
        }
        Map<String, List<Review>> byWindow = new HashMap<>();
        long day = Duration.ofDays(1).toMillis();
        long offset = BrushingWindowJob.CHINA_MIDNIGHT.toMillis();
        for (Review x : reviews) {
            long ms = x.time() * 1000;
            for (long start = ms - Math.floorMod(ms - offset, day); start > ms - Duration.ofDays(7).toMillis();
                 start -= day) {
                byWindow.computeIfAbsent(start + " " + x.shop().substring(0, x.shop().indexOf('/')),
                        k -> new ArrayList<>()).add(x);
            }
        }
        Set<String> expected = new TreeSet<>();
        for (List<Review> w : byWindow.values()) {
            w.sort(ReviewWindowJob.BY_TIME);
            for (Signal sig : ReviewChecks.check(w, ReviewChecks.Config.defaults())) {
                expected.add(ListingEvent.sha256(sig.kind() + "|" + sig.shop() + "|"
                        + String.join(",", sig.subjects().stream().sorted().toList())).substring(0, 16));
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(found).as("each signal once").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(found)).isEqualTo(expected);
        System.out.printf("sliding 7-day windows over %d reviews: %d distinct review signals, as the engine's%n",
                reviews.size(), found.size());
    }
}
