package cn.wangjian.stream;

import cn.wangjian.engine.feed.FeedTopics;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.demo.RegistryMarket;
import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.PriceChangeEvent;
import cn.wangjian.engine.feed.RuleVersionEvent;
import cn.wangjian.engine.feed.ScanResultEvent;
import cn.wangjian.engine.listing.ListingScan;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.stream.kafka.EmbeddedKafka;
import cn.wangjian.stream.kafka.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listing feed through a real (in-JVM, KRaft) Kafka broker on a MiniCluster: results equal to the engine's own
 * scan of each listing, bad events to the dead letters with the job running on, a rule version published while the
 * job runs applied to later listings only, and a TaskManager killed mid-stream without any listing lost.
 */
class ListingFeedJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static EmbeddedKafka kafka;
    static List<ListingEvent> market;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(dir.resolve("market"));
        Set<String> categories = RuleCatalog.builtIn().productCategories().keySet();
        market = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("market/listings.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            Map<String, String> fields = ListingEvent.fields(n);
            market.add(ListingEvent.of(fields, categories));
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    /** Fresh topics for one test. */
    static FeedTopics topics() {
        String p = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        FeedTopics t = new FeedTopics(p);
        kafka.createTopics(1, t.rules());
        kafka.createTopics(2, t.partitioned());
        return t;
    }

    static JobClient run(FeedTopics topics, int parallelism) throws Exception {
        return run(topics, parallelism, false);
    }

    static JobClient run(FeedTopics topics, int parallelism, boolean awaitRules) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(500);
        FeedPipeline.add(env, kafka.bootstrapServers(), topics, "g-" + topics.listings(), CLOCK, awaitRules);
        return env.executeAsync("listing feed test");
    }

    static void send(String topic, List<String[]> keyedValues) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (String[] kv : keyedValues) {
                producer.send(new ProducerRecord<>(topic, kv[0], kv[1]));
            }
        }
    }

    static void sendListings(FeedTopics t, List<ListingEvent> listings) {
        send(t.listings(), listings.stream().map(l -> new String[] {l.key(), l.toJson()}).toList());
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for what was read (or a minute passes). */
    static List<ConsumerRecord<String, String>> read(String topic, Predicate<List<ConsumerRecord<String, String>>> done) {
        return read(topic, done, 90);
    }

    static List<ConsumerRecord<String, String>> read(String topic, Predicate<List<ConsumerRecord<String, String>>> done,
                                                     int seconds) {
        return TopicReader.fromStart(kafka.bootstrapServers(), topic, done, Duration.ofSeconds(seconds));
    }

    /** The latest result of each listing key, in the order the results came. */
    static Map<String, ScanResultEvent> byListing(List<ConsumerRecord<String, String>> records) {
        Map<String, ScanResultEvent> out = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            ScanResultEvent e = ScanResultEvent.parse(r.value());
            out.put(e.platform() + "/" + e.listingId(), e);
        }
        return out;
    }

    static ListingScan.Result expected(ListingScan engine, ListingEvent l) {
        return engine.scan(new ListingScan.Input(l.category(), l.title(), l.description(),
                l.originalPrice() == null ? -1 : l.originalPrice().movePointRight(2).longValueExact(),
                l.homePrice() == null ? -1 : l.homePrice().movePointRight(2).longValueExact(), l.prices().compact(),
                l.operatorCreditCode(), l.operatorRegion()), LocalDate.now(CLOCK), true, true, true);
    }

    @Test
    void results_equal_the_engines_scan_and_bad_events_go_to_the_dead_letters() throws Exception {
        FeedTopics t = topics();
        List<ListingEvent> listings = market.subList(0, 4_000);
        JobClient job = run(t, 2);
        try {
            List<String[]> bad = List.of(
                    new String[] {"x", "{not json"},
                    new String[] {"x", "{\"schema\":\"listing\",\"version\":9,\"platform\":\"P\"}"},
                    new String[] {"x", "{\"schema\":\"order\",\"version\":1}"},
                    new String[] {"x", "{\"schema\":\"listing\",\"version\":1,\"platform\":\"P\",\"shop_id\":\"s\","
                            + "\"listing_id\":\"1\",\"title\":\"t\",\"original_price\":\"12.345\"}"});
            send(t.listings(), bad);
            sendListings(t, listings);
            Map<String, ScanResultEvent> results = byListing(read(t.results(), r -> r.size() >= listings.size()));
            assertThat(results).hasSize(listings.size());
            ListingScan engine = ListingScan.builtIn();
            int withHits = 0;
            for (ListingEvent l : listings) {
                ScanResultEvent r = results.get(l.key());
                assertThat(r).as(l.key()).isNotNull();
                ListingScan.Result want = expected(engine, l);
                assertThat(r.hits()).as(l.key()).isEqualTo(want.hits());
                assertThat(r.category()).isEqualTo(want.category());
                assertThat(r.contentSha256()).isEqualTo(l.contentSha256());
                withHits += r.hits().isEmpty() ? 0 : 1;
            }
            assertThat(withHits).isGreaterThan(100);

            List<ConsumerRecord<String, String>> dead = read(t.deadLetters(), r -> r.size() >= bad.size());
            assertThat(dead).hasSize(bad.size());
            List<String> fields = dead.stream().map(r -> {
                try {
                    return JSON.readTree(r.value()).path("field").asText();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).sorted().toList();
            assertThat(fields).containsExactly("json", "original_price", "schema", "version");
            assertThat(dead.get(0).value()).contains("reason");
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void a_rule_version_published_while_the_job_runs_applies_to_later_listings_only() throws Exception {
        FeedTopics t = topics();
        JobClient job = run(t, 1, true);
        try {
            ListingEvent template = market.get(0);
            java.util.function.BiFunction<String, String, ListingEvent> listing = (id, title) -> ListingEvent.of(
                    Map.of("platform", template.platform(), "shop_id", template.shopId(), "listing_id", id,
                            "title", title, "category", "general"),
                    RuleCatalog.builtIn().productCategories().keySet());
            String rule = "AD-9.3-ABSOLUTE";
            // listings wait for the first rule version (the platform publishes the one in force when it connects)
            ListingEvent before = listing.apply("before-1", "宇宙霸主级保温杯 316不锈钢");
            sendListings(t, List.of(before));
            assertThat(read(t.results(), r -> false, 5)).as("scanned before any rule version came").isEmpty();
            send(t.rules(), List.<String[]>of(new String[] {"rules", RuleVersionEvent.of(0, "{}").toJson()}));
            assertThat(byListing(read(t.results(), r -> !r.isEmpty())).get(before.key()).hits()).isEmpty();

            send(t.rules(), List.<String[]>of(new String[] {"rules", RuleVersionEvent.of(1,
                    "{\"terms\":{\"" + rule + "\":[\"宇宙霸主\"]}}").toJson()}));
            // probes until the job has the version, then the listing after it
            int probe = 0;
            while (true) {
                ListingEvent p = listing.apply("probe-" + probe++, "保温杯");
                sendListings(t, List.of(p));
                ScanResultEvent r = byListing(read(t.results(),
                        rs -> rs.stream().anyMatch(x -> x.value().contains(p.listingId())))).get(p.key());
                if (r.ruleVersions().contains("+v1")) {
                    break;
                }
                assertThat(probe).as("the rule version never reached the job").isLessThan(60);
            }
            ListingEvent after = listing.apply("after-1", "宇宙霸主级保温杯 316不锈钢");
            sendListings(t, List.of(after));
            Map<String, ScanResultEvent> results = byListing(read(t.results(),
                    rs -> rs.stream().anyMatch(x -> x.value().contains("after-1"))));
            assertThat(results.get(before.key()).ruleVersions()).doesNotContain("+v1");
            assertThat(results.get(before.key()).hits()).isEmpty();
            assertThat(results.get(after.key()).ruleVersions()).contains("+v1");
            assertThat(results.get(after.key()).hits()).anySatisfy(h -> {
                assertThat(h.rule()).isEqualTo(rule);
                assertThat(h.matched()).isEqualTo("宇宙霸主");
            });
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void price_changes_are_judged_on_the_history_kept_in_keyed_state_late_ones_in_place_repeats_once()
            throws Exception {
        FeedTopics t = topics();
        JobClient job = run(t, 2);
        try {
            LocalDate d = LocalDate.of(2026, 11, 15);
            java.util.function.Function<PriceChangeEvent, String[]> kv = c -> new String[] {c.key(), c.toJson()};
            PriceChangeEvent first = new PriceChangeEvent("demo-mall", "p-1", d, 10_000, -1, -1, null);
            PriceChangeEvent discount = new PriceChangeEvent("demo-mall", "p-1", d.plusDays(10), 8_000, 15_000, -1,
                    null);
            PriceChangeEvent lateRaise = new PriceChangeEvent("demo-mall", "p-1", d.plusDays(5), 15_000, 12_000, -1,
                    null);
            send(t.priceChanges(), List.of(kv.apply(first), kv.apply(discount), kv.apply(lateRaise),
                    kv.apply(discount), new String[] {"demo-mall/p-1", "{\"schema\":\"price-change\",\"version\":1,"
                            + "\"platform\":\"demo-mall\",\"listing_id\":\"p-1\",\"from\":\"2026-11-30\","
                            + "\"price\":\"-3\"}"}));
            List<ConsumerRecord<String, String>> results = read(t.results(), r -> r.size() >= 3);
            Thread.sleep(2_000);
            results = read(t.results(), r -> r.size() >= 3);
            assertThat(results).as("one result per change that changed the history; the repeat none").hasSize(3);
            List<ScanResultEvent> events = results.stream().map(r -> ScanResultEvent.parse(r.value())).toList();
            assertThat(events.get(0).hits()).isEmpty();
            assertThat(events.get(1).hits()).extracting(ListingScan.Hit::rule)
                    .contains("PR-17.2-GROUNDLESS-BASE").doesNotContain("PR-17.1-RAISE-BEFORE-DISCOUNT");
            assertThat(events.get(2).hits()).extracting(ListingScan.Hit::rule)
                    .contains("PR-17.1-RAISE-BEFORE-DISCOUNT").doesNotContain("PR-17.2-GROUNDLESS-BASE");
            assertThat(events.stream().map(ScanResultEvent::key).distinct()).hasSize(3);
            List<ConsumerRecord<String, String>> dead = read(t.deadLetters(), r -> !r.isEmpty());
            assertThat(dead).singleElement().satisfies(r -> assertThat(r.value()).contains("\"field\":\"price\""));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void a_task_manager_killed_mid_stream_loses_no_listing(@InjectMiniCluster MiniCluster cluster) throws Exception {
        FeedTopics t = topics();
        List<ListingEvent> first = market.subList(10_000, 30_000);
        List<ListingEvent> second = market.subList(30_000, 33_000);
        JobClient job = run(t, 2);
        try {
            sendListings(t, first);
            int before = read(t.results(), r -> r.size() >= 2_000).size();
            cluster.terminateTaskManager(0).get();      // mid-stream: most of the first part is not scanned yet
            cluster.startTaskManager();
            sendListings(t, second);
            List<ConsumerRecord<String, String>> records = read(t.results(),
                    r -> byListing(r).size() >= first.size() + second.size());
            Map<String, ScanResultEvent> results = byListing(records);
            assertThat(results).hasSize(first.size() + second.size());
            ListingScan engine = ListingScan.builtIn();
            for (List<ListingEvent> part : List.of(first, second)) {
                for (ListingEvent l : part) {
                    assertThat(results.get(l.key())).as(l.key()).isNotNull();
                    assertThat(results.get(l.key()).hits()).isEqualTo(expected(engine, l).hits());
                }
            }
            // at least once: what was written after the last checkpoint before the kill is written again, with the
            // same key (the platform adds it once); the job did not start again from the beginning
            int repeats = records.size() - results.size();
            System.out.println("results after recovery: " + records.size() + " for " + results.size()
                    + " listings (" + repeats + " written again)");
            assertThat(before).isLessThan(first.size());
            assertThat(cluster.getExecutionGraph(job.getJobID()).get()
                    .getStatusTimestamp(org.apache.flink.api.common.JobStatus.RESTARTING))
                    .as("the job was restarted").isPositive();
            assertThat(repeats).isLessThan(first.size() + second.size());
        } finally {
            job.cancel().get();
        }
    }
}
