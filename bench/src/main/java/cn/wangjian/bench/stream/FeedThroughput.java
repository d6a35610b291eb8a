package cn.wangjian.bench.stream;

import cn.wangjian.engine.feed.FeedTopics;
import cn.wangjian.engine.demo.RegistryMarket;
import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.RuleVersionEvent;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.stream.FeedPipeline;
import cn.wangjian.stream.kafka.EmbeddedKafka;
import cn.wangjian.stream.kafka.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The listing feed's throughput and latency on this machine (issue 19): the small demo market's listings through
 * the in-JVM Kafka broker and the scan job on a MiniCluster.
 * <ol>
 * <li>Throughput at each parallelism: all listings waiting on the topic, the job started; listings per second
 * between the first and the last result (broker append times), and over the whole run including the job's
 * start.</li>
 * <li>Latency at the last parallelism: listings sent at a steady rate; for each, from its send time (the
 * producer's timestamp) to its result's append time on the results topic (the results topic keeps broker append
 * times), p50 / p99 / max. The platform's intake of the results is not included.</li>
 * </ol>
 * {@code java -cp bench/target/benchmarks.jar cn.wangjian.bench.stream.FeedThroughput [parallelisms=1,2]
 * [rate=2000] [seconds=20]}
 *
 * <p>{@code … FeedThroughput publish HOST:PORT RATE SECONDS} publishes the demo market's listings to a running
 * feed's listings topic at a steady rate (each as a new listing id), for the end-to-end latency up to the platform's
 * findings ({@code bench/scripts/feed-latency.sh}).
 */
public final class FeedThroughput {

    private FeedThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("publish")) {
            publish(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int[] parallelisms = Arrays.stream((args.length > 0 ? args[0] : "1,2").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory("feed-bench");
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(dir.resolve("market"));
        List<ListingEvent> market = market(dir.resolve("market/listings.jsonl"));
        System.out.printf("machine: %d cores, Java %s, max heap %d MB; %d listings (small demo market)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, market.size());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            for (int p : parallelisms) {
                FeedTopics t = topics(kafka, "p" + p);
                send(kafka, t, market, 0);
                long start = System.nanoTime();
                JobClient job = job(kafka, t, p);
                List<ConsumerRecord<String, String>> results = TopicReader.fromStart(kafka.bootstrapServers(),
                        t.results(), r -> r.size() >= market.size(), Duration.ofMinutes(10));
                double whole = (System.nanoTime() - start) / 1e9;
                job.cancel().get();
                long first = results.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
                long last = results.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
                System.out.printf("parallelism %d: %d results; %.0f listings/s between first and last result "
                                + "(%.1f s); %.0f listings/s over the whole run with the job's start (%.1f s)%n", p,
                        results.size(), (results.size() - 1) * 1000.0 / Math.max(1, last - first),
                        (last - first) / 1000.0, results.size() / whole, whole);
            }
            int p = parallelisms[parallelisms.length - 1];
            FeedTopics t = topics(kafka, "lat");
            JobClient job = job(kafka, t, p);
            Thread.sleep(5_000);                                   // the job is running before the clock starts
            int n = Math.min(market.size(), rate * seconds);
            send(kafka, t, market.subList(0, n), rate);
            List<ConsumerRecord<String, String>> results = TopicReader.fromStart(kafka.bootstrapServers(),
                    t.results(), r -> r.size() >= n, Duration.ofMinutes(5));
            job.cancel().get();
            List<ConsumerRecord<String, String>> listings = TopicReader.fromStart(kafka.bootstrapServers(),
                    t.listings(), r -> r.size() >= n, Duration.ofMinutes(2));
            Map<String, Long> sent = new HashMap<>();
            for (ConsumerRecord<String, String> l : listings) {
                sent.putIfAbsent(l.key(), l.timestamp());
            }
            long[] latency = new long[results.size()];
            int i = 0;
            for (ConsumerRecord<String, String> r : results) {
                String key = r.key().substring(0, r.key().indexOf('@'));
                latency[i++] = r.timestamp() - sent.get(key);
            }
            Arrays.sort(latency);
            System.out.printf("latency at parallelism %d, %d listings/s for %d s (%d results): p50 %d ms, p99 %d ms, "
                            + "max %d ms (listing sent -> result appended to the results topic)%n", p, rate,
                    n / rate, results.size(), latency[latency.length / 2], latency[(int) (latency.length * 0.99)],
                    latency[latency.length - 1]);
        }
        System.exit(0);
    }

    static void publish(String bootstrap, int rate, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("feed-publish");
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(dir);
        List<ListingEvent> market = market(dir.resolve("listings.jsonl"));
        Set<String> categories = RuleCatalog.builtIn().productCategories().keySet();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "0");
        String run = Long.toString(System.currentTimeMillis(), 36);
        ObjectMapper json = new ObjectMapper();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            long start = System.nanoTime();
            int n = rate * seconds;
            for (int i = 0; i < n; i++) {
                ListingEvent l = market.get(i % market.size());
                Map<String, String> fields = ListingEvent.fields(json.readTree(l.content()));
                fields.put("listing_id", "lat-" + run + "-" + i);
                ListingEvent fresh = ListingEvent.of(fields, categories);
                long due = start + (long) (i * 1e9 / rate);
                while (System.nanoTime() < due) {
                    Thread.sleep(0, 200_000);
                }
                producer.send(new ProducerRecord<>(FeedTopics.defaults().listings(), null, System.currentTimeMillis(),
                        fresh.key(), fresh.toJson()));
            }
        }
        System.out.println("published " + rate * seconds + " listings at " + rate + "/s");
    }

    static List<ListingEvent> market(Path listings) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> categories = RuleCatalog.builtIn().productCategories().keySet();
        List<ListingEvent> out = new ArrayList<>();
        for (String line : Files.readAllLines(listings, StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(line);
            Map<String, String> fields = ListingEvent.fields(n);
            out.add(ListingEvent.of(fields, categories));
        }
        return out;
    }

    static FeedTopics topics(EmbeddedKafka kafka, String prefix) {
        FeedTopics t = new FeedTopics(prefix + ".");
        // the results topic first, with broker append times (the others then skip it)
        EmbeddedKafka.createTopics(kafka.bootstrapServers(), 2, Map.of("message.timestamp.type", "LogAppendTime"),
                t.results());
        kafka.createTopics(2, t.partitioned());
        kafka.createTopics(1, t.rules());
        return t;
    }

    static JobClient job(EmbeddedKafka kafka, FeedTopics t, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.enableCheckpointing(10_000);
        FeedPipeline.add(env, kafka.bootstrapServers(), t, "bench-" + t.listings(), Clock.systemDefaultZone(), true);
        return env.executeAsync("feed bench p" + parallelism);
    }

    /** Sends the listings (and the rule version first); {@code rate} listings a second, or as fast as it can (0). */
    static void send(EmbeddedKafka kafka, FeedTopics t, List<ListingEvent> listings, int rate)
            throws InterruptedException {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("linger.ms", rate == 0 ? "20" : "0");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(t.rules(), "rules", RuleVersionEvent.of(0, "{}").toJson()));
            long start = System.nanoTime();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < listings.size(); i++) {
                ListingEvent l = listings.get(i);
                if (!seen.add(l.key())) {
                    continue;
                }
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.sleep(0, 200_000);
                    }
                }
                producer.send(new ProducerRecord<>(t.listings(), null, System.currentTimeMillis(), l.key(), l.toJson()));
            }
        }
    }
}
