package cn.wangjian.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.brushing.MarketFiles;
import cn.wangjian.engine.brushing.Parcel;
import cn.wangjian.engine.brushing.ParcelChecks;
import cn.wangjian.engine.brushing.Signal;
import cn.wangjian.engine.demo.RegistryMarket;
import cn.wangjian.engine.feed.ParcelEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * The demo market's parcels as logistics events (pickup, then signing; a tenth reported twice; shuffled within an
 * hour; some malformed) through the CEP job: exactly the per-parcel empty-parcel signals the engine's checks give on
 * the same parcels.
 */
class EmptyParcelJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void pickups_followed_by_their_signing_give_the_engines_per_parcel_signals(@TempDir Path dir) throws Exception {
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(dir);
        List<Parcel> parcels;
        try (Reader r = Files.newBufferedReader(dir.resolve("parcels.csv"), StandardCharsets.UTF_8)) {
            parcels = MarketFiles.parcels(r, "parcels.csv").stream().limit(40_000).toList();
        }
        List<long[]> order = new ArrayList<>();               // (time, index) to send in about time order
        List<String> events = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (Parcel p : parcels) {
            if (p.pickupTime() <= 0) {
                continue;                                      // no pickup scan: nothing to pair
            }
            events.add(new ParcelEvent("demo-mall", p.trackingNumber(), p.carrier(), p.orderId(), p.buyer(),
                    ParcelEvent.PICKED_UP, p.pickupTime(), p.weightGrams(), p.pickupPlace()).toJson());
            order.add(new long[] {p.pickupTime(), events.size() - 1});
            if (p.signTime() > 0) {
                events.add(new ParcelEvent("demo-mall", p.trackingNumber(), p.carrier(), p.orderId(), p.buyer(),
                        ParcelEvent.SIGNED, p.signTime(), -1, p.signPlace()).toJson());
                order.add(new long[] {p.signTime(), events.size() - 1});
                for (Signal s : ParcelChecks.check(List.of(p), ParcelChecks.Config.defaults())) {
                    expected.add(p.carrier() + "/" + p.trackingNumber() + " " + s.kind());
                }
            }
        }
        // in time order with up to an hour of disorder, a tenth twice, two malformed
        Random random = new Random(7);
        order.forEach(o -> o[0] += random.nextInt(3600));
        order.sort((a, b) -> Long.compare(a[0], b[0]));
        List<String> feed = new ArrayList<>();
        for (long[] o : order) {
            feed.add(events.get((int) o[1]));
            if (o[1] % 10 == 0) {
                feed.add(events.get((int) o[1]));
            }
        }
        feed.add("{\"schema\":\"parcel-event\",\"version\":1,\"platform\":\"demo-mall\",\"tracking_number\":\"t\","
                + "\"carrier\":\"SF\",\"status\":\"LOST\",\"time\":\"2026-11-01T00:00:00Z\"}");
        feed.add("[]");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        // one source task, in about time order (a Kafka source keeps watermarks per partition)
        EmptyParcelJob.Streams s = EmptyParcelJob.build(env.fromData(feed).setParallelism(1)
                .assignTimestampsAndWatermarks(EmptyParcelJob.eventTime(Duration.ofHours(2))).setParallelism(1));
        ObjectMapper json = new ObjectMapper();
        List<String> found = new ArrayList<>();
        try (CloseableIterator<ListingFeedJob.Keyed> it = s.signals().executeAndCollect()) {
            while (it.hasNext()) {
                JsonNode n = json.readTree(it.next().value());
                found.add(n.get("carrier").asText() + "/" + n.get("tracking_number").asText() + " "
                        + n.get("kind").asText());
            }
        }
        Collections.sort(found);
        assertThat(expected).isNotEmpty();
        assertThat(found).as("each signal once").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(found)).isEqualTo(expected);
        System.out.printf("parcel events of %d parcels: %d empty-parcel signals, as the engine's checks%n",
                parcels.size(), found.size());
    }
}
