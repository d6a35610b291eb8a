package cn.wangjian.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.brushing.MarketFiles;
import cn.wangjian.engine.brushing.Order;
import cn.wangjian.engine.brushing.OrderMarket;
import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.demo.RegistryMarket;
import cn.wangjian.engine.feed.OrderEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo market's demo-mall orders (with a tenth of them reported twice and some malformed) through sliding
 * 30-day windows (a day's slide) per category: the rings are those the engine's ring detector finds on the same
 * windows' orders, each sent once, orders counted once;
 * how many planted ring accounts the windows find is printed (planted by the generator: the plumbing, not quality).
 */
class BrushingWindowJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void each_windows_rings_are_the_detectors_on_its_orders_and_repeated_orders_count_once(@TempDir Path dir)
            throws Exception {
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(dir);
        Map<String, String> categoryOfShop = new HashMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("shops.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord s : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                categoryOfShop.put(s.get("platform") + "/" + s.get("shop_id"), s.get("category"));
            }
        }
        List<Order> orders;
        try (Reader r = Files.newBufferedReader(dir.resolve("orders.csv"), StandardCharsets.UTF_8)) {
            orders = MarketFiles.orders(r, "orders.csv").stream().filter(o -> o.shop().startsWith("demo-mall/"))
                    .sorted(java.util.Comparator.comparingLong(Order::time)).toList();     // as they are placed
        }
        List<String> events = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            String json = new OrderEvent("demo-mall", categoryOfShop.getOrDefault(o.shop(), "general"), o).toJson();
            events.add(json);
            if (i % 10 == 0) {
                events.add(json);                            // reported twice
            }
        }
        events.add("{\"schema\":\"order\",\"version\":1,\"platform\":\"demo-mall\",\"order_id\":\"x\"}");
        events.add("not json");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        // one source task, in order (a Kafka source keeps watermarks per partition)
        BrushingWindowJob.Streams s = BrushingWindowJob.build(env.fromData(events).setParallelism(1)
                .assignTimestampsAndWatermarks(BrushingWindowJob.orderTime(Duration.ofHours(1))).setParallelism(1),
                Duration.ofDays(30), Duration.ofDays(1));
        ObjectMapper json = new ObjectMapper();
        List<String> found = new ArrayList<>();                     // ring ids, each once
        Set<String> accounts = new HashSet<>();
        try (CloseableIterator<ListingFeedJob.Keyed> it = s.rings().executeAndCollect()) {
            while (it.hasNext()) {
                JsonNode n = json.readTree(it.next().value());
                found.add(n.get("ring_id").asText());
                n.get("accounts").forEach(a -> accounts.add(a.asText()));
                assertThat(n.get("orders").size()).isPositive();
                assertThat(n.get("orders").get(0).get("buyer").asText()).isNotBlank();
            }
        }
        // the same windows computed directly with the engine, each order once
        Map<String, List<Order>> byWindow = new HashMap<>();
        for (Order o : orders) {
            long ms = o.time() * 1000;
            long day = Duration.ofDays(1).toMillis();
            long offset = BrushingWindowJob.CHINA_MIDNIGHT.toMillis();
            long lastStart = ms - Math.floorMod(ms - offset, day);
            for (long start = lastStart; start > ms - Duration.ofDays(30).toMillis(); start -= day) {
                String key = java.time.Instant.ofEpochMilli(start) + " "
                        + categoryOfShop.getOrDefault(o.shop(), "general");
                byWindow.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            }
        }
        Set<String> expected = new TreeSet<>();
        for (var e : byWindow.entrySet()) {
            e.getValue().sort(BrushingWindowJob.BY_TIME);
            for (OrderMarket.RingEvidence r : new OrderMarket(e.getValue(), OrderMarket.Extra.NONE)
                    .rings(RingDetector.Config.defaults(), List.of(), List.of())) {
                String id = cn.wangjian.engine.feed.ListingEvent.sha256(String.join(",",
                        r.accounts().stream().sorted().toList()) + "|" + String.join(",",
                        r.shops().stream().sorted().toList())).substring(0, 16);
                expected.add(id);
            }
        }
        assertThat(found).as("each ring once, from the first window that finds it").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(found)).as("the rings the engine finds in the same windows").isEqualTo(expected);
        assertThat(found).isNotEmpty();

        Set<String> planted = new HashSet<>();
        for (String line : Files.readAllLines(dir.resolve("ground-truth.csv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("BRUSHING_RING_ACCOUNT,")) {
                planted.add(line.split(",")[2]);
            }
        }
        long caught = planted.stream().filter(accounts::contains).count();
        System.out.printf("sliding 30-day windows over %d demo-mall orders: %d distinct rings, %d ring accounts, "
                        + "%d of %d planted ring accounts among them (planted by the generator)%n", orders.size(),
                found.size(), accounts.size(), caught, planted.size());
        assertThat(caught).isPositive();
    }
}
