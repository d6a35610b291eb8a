package cn.wangjian.platform.feed;

import cn.wangjian.engine.feed.FeedTopics;
import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.feed.ScanResultEvent;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.monitoring.MonitoringRunner;
import cn.wangjian.platform.monitoring.MonitoringTask;
import cn.wangjian.platform.monitoring.MonitoringTasks;
import cn.wangjian.platform.registry.ImportKind;
import cn.wangjian.platform.registry.RegistryImporter;
import cn.wangjian.stream.FeedPipeline;
import cn.wangjian.stream.kafka.EmbeddedKafka;
import cn.wangjian.stream.kafka.TopicReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19's "done when", end to end in one JVM: the registry's listings (the demo market) forwarded by the
 * platform to a Kafka broker (KRaft, in this JVM), scanned by the stream job on a Flink MiniCluster with the rule
 * version the platform published, and the results taken into the platform's findings — the same findings a
 * monitoring run of the same task over the same listings gives (that run adds none). Results that come twice add
 * nothing; a result naming a platform the registry does not know, and one that cannot be read, go to the dead
 * letters with the reason. A listing reported afterwards is forwarded as it is committed and found. Orders on the
 * orders topic give rings in 刷单监测 (a ring event that comes again adds no ring).
 */
class FeedTest extends PlatformTest {

    @Autowired
    FeedLink link;
    @Autowired
    MonitoringRunner runner;
    @Autowired
    MonitoringTasks tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegistryImporter importer;

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(until);
            Thread.sleep(250);
        }
    }

    long scanned(long run) {
        return jdbc.sql("SELECT listings_scanned FROM monitoring_run WHERE id = ?").param(run).query(Long.class).single();
    }

    long findingsOf(long run) {
        return jdbc.sql("SELECT count(*) FROM finding WHERE run_id = ?").param(run).query(Long.class).single();
    }

    static List<ConsumerRecord<String, String>> read(String bootstrap, String topic, int atLeast) {
        return TopicReader.fromStart(bootstrap, topic, r -> r.size() >= atLeast, Duration.ofMinutes(2));
    }

    @Test
    void the_registrys_listings_through_kafka_and_flink_become_the_findings_a_monitoring_run_gives(@TempDir Path dir)
            throws Exception {
        String p = "feed" + UUID.randomUUID().toString().substring(0, 6) + ".";
        FeedTopics topics = new FeedTopics(p);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            String bootstrap = kafka.bootstrapServers();
            kafka.createTopics(2, topics.partitioned());
            EmbeddedKafka.createTopics(bootstrap, 1, Map.of("cleanup.policy", "compact"), topics.rules());
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.enableCheckpointing(1_000);
            FeedPipeline.add(env, bootstrap, topics, "feed-test", Clock.fixed(clock.instant(), clock.getZone()), true);
            JobClient job = env.executeAsync("feed test");
            long run = 0;
            try {
                run = link.connect(new FeedLink.Settings(bootstrap, topics, "platform-" + p, "SAMR", "640000",
                        true));
                long listings = jdbc.sql("SELECT count(*) FROM listing WHERE removed_at IS NULL").query(Long.class)
                        .single();
                assertThat(listings).isGreaterThan(40_000);
                long r = run;
                await("the feed's results of every listing", () -> scanned(r) >= listings);
                long streamFindings = findingsOf(run);
                assertThat(streamFindings).isGreaterThan(1_000);
                Map<String, Object> counts = jdbc.sql("SELECT findings_total, findings_new FROM monitoring_run WHERE id = ?")
                        .param(run).query().singleRow();
                assertThat(((Number) counts.get("findings_new")).longValue()).isEqualTo(streamFindings);

                // a monitoring run of the same task over the same listings: the same findings, so none new
                long taskId = jdbc.sql("SELECT task_id FROM monitoring_run WHERE id = ?").param(run)
                        .query(Long.class).single();
                MonitoringTask task = tasks.find(taskId, DataScope.everything()).orElseThrow();
                MonitoringRunner.Run monitoring = runner.runNow(task, "MANUAL", "test");
                assertThat(monitoring.status()).isEqualTo("SUCCEEDED");
                assertThat(monitoring.listingsScanned()).isEqualTo(listings);
                assertThat(monitoring.findingsTotal()).isEqualTo(streamFindings);
                assertThat(monitoring.findingsNew()).isZero();

                // every result again (as after a restart from a checkpoint), one of an unknown platform, one unreadable
                List<ConsumerRecord<String, String>> sent = read(bootstrap, topics.results(), (int) listings);
                ScanResultEvent any = ScanResultEvent.parse(sent.get(0).value());
                ScanResultEvent stranger = new ScanResultEvent("no-such-mall", "x1", "s1", "LISTING", "最好的茶",
                        null, null, null, any.contentSha256(), any.ruleVersions(), "general", any.hits());
                Properties pp = new Properties();
                pp.put("bootstrap.servers", bootstrap);
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(),
                        new StringSerializer())) {
                    for (ConsumerRecord<String, String> c : sent.subList(0, 5_000)) {
                        producer.send(new ProducerRecord<>(topics.results(), c.key(), c.value()));
                    }
                    producer.send(new ProducerRecord<>(topics.results(), stranger.key(), stranger.toJson()));
                    producer.send(new ProducerRecord<>(topics.results(), "bad", "{\"schema\":\"listing-scanned\""));
                }
                await("the repeated results", () -> scanned(r) >= listings + 5_000);
                assertThat(findingsOf(run)).isEqualTo(streamFindings);
                List<ConsumerRecord<String, String>> dead = read(bootstrap, topics.deadLetters(), 2);
                assertThat(dead).hasSize(2);
                assertThat(dead).anySatisfy(d -> assertThat(d.value()).contains("no-such-mall").contains("未知平台"));
                assertThat(dead).anySatisfy(d -> assertThat(d.value()).contains("\"field\":\"json\""));
                assertThat(jdbc.sql("SELECT count(*) FROM stream_rejection WHERE run_id = ?").param(run)
                        .query(Long.class).single()).isEqualTo(1);
                // a listing reported now is forwarded, scanned and found in the stream's run
                Map<String, Object> shop = jdbc.sql("SELECT platform_code, shop_id FROM listing LIMIT 1").query()
                        .singleRow();
                String line = "{\"platform\":\"" + shop.get("platform_code") + "\",\"shop_id\":\""
                        + shop.get("shop_id") + "\",\"listing_id\":\"feed-new-1\",\"category\":\"general\","
                        + "\"title\":\"全网最好的保温杯，销量第一\"}";
                assertThat(importer.importFile(ImportKind.LISTINGS, "new.jsonl",
                        line.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8,
                        RegistryImporter.Mode.ALL_OR_NOTHING, "test").committed()).isTrue();
                String subject = shop.get("platform_code") + "/feed-new-1";
                await("the reported listing's finding", () -> jdbc.sql(
                        "SELECT count(*) FROM finding WHERE run_id = ? AND subject = ? AND rule = 'AD-9.3-ABSOLUTE'")
                        .params(r, subject).query(Long.class).single() > 0);
                // the demo market's demo-mall orders on the orders topic: rings of 30-day windows reach 刷单监测
                Map<String, String> categoryOfShop = new java.util.HashMap<>();
                jdbc.sql("SELECT platform_code || '/' || shop_id, category FROM shop WHERE platform_code = 'demo-mall'")
                        .query(rs -> {
                            categoryOfShop.put(rs.getString(1), rs.getString(2));
                        });
                List<cn.wangjian.engine.brushing.Order> orders;
                try (var in = java.nio.file.Files.newBufferedReader(dataDir().resolve("demo-market/orders.csv"))) {
                    orders = cn.wangjian.engine.brushing.MarketFiles.orders(in, "orders.csv").stream()
                            .filter(o -> o.shop().startsWith("demo-mall/"))
                            .sorted(java.util.Comparator.comparingLong(cn.wangjian.engine.brushing.Order::time))
                            .toList();
                }
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(),
                        new StringSerializer())) {
                    for (var o : orders) {
                        var e = new cn.wangjian.engine.feed.OrderEvent("demo-mall",
                                categoryOfShop.getOrDefault(o.shop(), "general"), o);
                        producer.send(new ProducerRecord<>(topics.orders(), e.key(), e.toJson()));
                    }
                    // time goes on: an order two months later on each partition moves the watermark past November
                    for (int partition = 0; partition < 2; partition++) {
                        var later = new cn.wangjian.engine.feed.OrderEvent("demo-mall", "general",
                                new cn.wangjian.engine.brushing.Order("later-" + partition, "U-later", "demo-mall/later",
                                        null, orders.get(orders.size() - 1).time() + 60L * 86_400, 100, null, null,
                                        null));
                        producer.send(new ProducerRecord<>(topics.orders(), partition, later.key(), later.toJson()));
                    }
                }
                String ringsOfStream = """
                        SELECT count(*) FROM ring g JOIN brushing_run b ON b.id = g.run_id
                        WHERE b.run_by = 'stream' AND g.owner_agency = 'SAMR' AND g.owner_region = '640000'""";
                await("a ring of the stream in 刷单监测", () -> jdbc.sql(ringsOfStream).query(Long.class).single() > 0);
                List<ConsumerRecord<String, String>> ringEvents = read(bootstrap, topics.rings(), 1);
                Thread.sleep(3_000);
                long rings = jdbc.sql(ringsOfStream).query(Long.class).single();
                // a ring event again adds no ring
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(),
                        new StringSerializer())) {
                    producer.send(new ProducerRecord<>(topics.rings(), ringEvents.get(0).key(),
                            ringEvents.get(0).value()));
                }
                long runsBefore = jdbc.sql("SELECT count(*) FROM brushing_run WHERE run_by = 'stream'")
                        .query(Long.class).single();
                await("the repeated ring event", () -> jdbc.sql("SELECT count(*) FROM brushing_run WHERE run_by = "
                        + "'stream'").query(Long.class).single() > runsBefore);
                assertThat(jdbc.sql(ringsOfStream).query(Long.class).single()).isEqualTo(rings);
                System.out.println("feed: " + orders.size() + " demo-mall orders gave " + rings + " rings in 刷单监测");
                System.out.println("feed: " + listings + " listings, " + streamFindings + " findings via Kafka and Flink;"
                        + " a monitoring run of the same task: " + monitoring.findingsTotal() + " findings, "
                        + monitoring.findingsNew() + " new");
            } finally {
                link.stop();
                job.cancel().get();
            }
            assertThat(jdbc.sql("SELECT status FROM monitoring_run WHERE id = ?").param(run).query(String.class)
                    .single()).isEqualTo("SUCCEEDED");
        }
    }
}
