package cn.wangjian.platform.feed;

import cn.wangjian.engine.feed.FeedTopics;
import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.RuleVersionEvent;
import cn.wangjian.engine.feed.ScanResultEvent;
import cn.wangjian.platform.brushing.BrushingMonitor;
import cn.wangjian.platform.monitoring.RuleChanges;
import cn.wangjian.platform.monitoring.RuleVersionInForce;
import cn.wangjian.platform.monitoring.StreamResults;
import cn.wangjian.platform.registry.Listings;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The platform's side of the listing feed, connected at start when {@code wangjian.stream.bootstrap-servers} names
 * a Kafka:
 * <ul>
 * <li>the rule version in force is published on the rules topic at start and whenever officers change the rules,
 * so the stream job scans with the officers' catalog;</li>
 * <li>the registry's reported listings are forwarded to the listings topic at start
 * ({@code wangjian.stream.forward-on-start}), each with its shop's operator and region;</li>
 * <li>the results topic is consumed into the stream task's findings ({@link StreamResults}); offsets are committed
 * after the findings are, so a crash re-reads, and the fingerprints make re-reading add nothing. Results that cannot
 * be read, or that name a platform the registry does not know, go to the dead-letter topic with the reason.</li>
 * </ul>
 */
@Component
class FeedLink {

    private static final Logger log = LoggerFactory.getLogger(FeedLink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the feed is and whose task its results go to. */
    record Settings(String bootstrap, FeedTopics topics, String group, String ownerAgency, String ownerRegion,
                    boolean forwardOnStart, Properties client) {

        Settings(String bootstrap, FeedTopics topics, String group, String ownerAgency, String ownerRegion,
                 boolean forwardOnStart) {
            this(bootstrap, topics, group, ownerAgency, ownerRegion, forwardOnStart, new Properties());
        }

        /** The client settings of a secured Kafka with the bootstrap servers: for producer, consumer and admin. */
        Properties kafka() {
            Properties p = new Properties();
            p.putAll(client);
            p.put("bootstrap.servers", bootstrap);
            return p;
        }
    }

    /** Kafka client settings from a properties file ({@code security.protocol}, {@code sasl.*} …); none: empty. */
    static Properties clientSettings(String file) {
        Properties p = new Properties();
        if (file != null && !file.isBlank()) {
            try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(file))) {
                p.load(in);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("wangjian.stream.kafka-config 无法读取 (cannot read) " + file, e);
            }
        }
        return p;
    }

    private final Settings configured;
    private final BrushingMonitor brushing;
    private final cn.wangjian.platform.monitoring.Detectors detectors;
    /*
     * Kafka's record timestamps are the machines' wall time, so the feed's latency is measured on the wall clock, not
     * on the platform's business clock (which --clock may move).
     */
    private final java.time.Clock clock = java.time.Clock.systemUTC();
    private final StreamResults results;
    private final RuleChanges rules;
    private final Listings listings;
    private final AtomicLong forwarded = new AtomicLong();
    private final java.util.concurrent.ExecutorService forwarder = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "feed-forward");
                t.setDaemon(true);
                return t;
            });
    private volatile Settings settings;
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile long runId;
    private Thread consumerThread;

    FeedLink(@Value("${wangjian.stream.bootstrap-servers:}") String bootstrap,
             @Value("${wangjian.stream.topic-prefix:wangjian.}") String topicPrefix,
             @Value("${wangjian.stream.group:wangjian-platform}") String group,
             @Value("${wangjian.stream.owner-agency:SAMR}") String ownerAgency,
             @Value("${wangjian.stream.owner-region:110000}") String ownerRegion,
             @Value("${wangjian.stream.forward-on-start:true}") boolean forwardOnStart,
             @Value("${wangjian.stream.kafka-config:}") String kafkaConfig,
             StreamResults results, RuleChanges rules, Listings listings, BrushingMonitor brushing,
             cn.wangjian.platform.monitoring.Detectors detectors) {
        this.brushing = brushing;
        this.detectors = detectors;
        this.configured = new Settings(bootstrap, new FeedTopics(topicPrefix), group,
                ownerAgency, ownerRegion, forwardOnStart, bootstrap.isBlank() ? new Properties()
                : clientSettings(kafkaConfig));
        this.results = results;
        this.rules = rules;
        this.listings = listings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!configured.bootstrap().isBlank()) {
            connect(configured);
        }
    }

    /** Connects to the feed: publishes the rules in force, consumes results, forwards the registry's listings. */
    synchronized long connect(Settings s) {
        if (running) {
            throw new IllegalStateException("数据流已连接 (already connected)");
        }
        settings = s;
        Properties p = s.kafka();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        running = true;
        createTopics();
        publish(rules.inForce());
        long task = results.task(s.ownerAgency(), s.ownerRegion());
        long run = results.open(task, "stream");
        runId = run;
        consumerThread = new Thread(() -> consume(run), "feed-results");
        consumerThread.setDaemon(true);
        consumerThread.start();
        if (s.forwardOnStart()) {
            forwarder.submit(this::forwardAll);
        }
        log.info("数据流已连接 {}：结果写入监测任务 {}（运行 {}）", s.bootstrap(), task, run);
        return run;
    }

    /** A new rule version in force goes to the job. */
    @EventListener
    void onRules(RuleVersionInForce version) {
        if (running) {
            publish(version);
        }
    }

    private void publish(RuleVersionInForce v) {
        String json = RuleVersionEvent.of(v.id(), v.additions()).toJson();
        producer.send(new ProducerRecord<>(settings.topics().rules(), "rules", json));
        producer.flush();
    }

    /** Listings a platform reported (a file or the API) go on to the feed, in the background. */
    @EventListener
    void onReported(cn.wangjian.platform.registry.ListingsReported reported) {
        if (running) {
            forwarder.submit(() -> forward(reported.since()));
        }
    }

    /** Forwards every listing of the registry; how many. */
    long forwardAll() {
        return forward(null);
    }

    /** Forwards the listings reported at or after {@code since} (null: all); how many. */
    long forward(java.time.Instant since) {
        // the catalog in use (not read again from the classpath at each forward)
        Set<String> categories = detectors.productCategories().keySet();
        long n = listings.forEachReported(since, r -> {
            if (!running) {
                return;
            }
            Map<String, String> fields;
            try {
                fields = ListingEvent.fields(JSON.readTree(r.content()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("商品报送内容损坏 (corrupt listing content)", e);
            }
            fields.put("reported_at", r.reportedAt().toString());
            if (r.operatorCreditCode() != null
                    && cn.wangjian.engine.registry.UnifiedSocialCreditCode.isValid(r.operatorCreditCode())) {
                fields.put("operator_credit_code", r.operatorCreditCode());
            }
            fields.put("operator_region", r.operatorRegion());
            ListingEvent event = ListingEvent.of(fields, categories);
            producer.send(new ProducerRecord<>(settings.topics().listings(), event.key(), event.toJson()));
            forwarded.incrementAndGet();
        });
        producer.flush();
        log.info(since == null ? "已向数据流转发主体库商品 {} 条" : "已向数据流转发新报送商品 {} 条", n);
        return n;
    }

    long forwarded() {
        return forwarded.get();
    }

    private void consume(long run) {
        Properties p = settings.kafka();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer = c;
            c.subscribe(List.of(settings.topics().results(), settings.topics().rings()));
            while (running) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    lag.report(clock.millis());
                    continue;
                }
                List<ScanResultEvent> batch = new ArrayList<>(records.count());
                List<ConsumerRecord<String, String>> rings = new ArrayList<>();
                for (ConsumerRecord<String, String> r : records) {
                    if (r.topic().equals(settings.topics().rings())) {
                        rings.add(r);
                        continue;
                    }
                    try {
                        batch.add(ScanResultEvent.parse(r.value()));
                    } catch (ListingEvent.Invalid | java.time.format.DateTimeParseException e) {
                        deadLetter(r.key(), e instanceof ListingEvent.Invalid i ? i.field() : "reported_at",
                                e.getMessage(), r.value());
                    }
                }
                try {
                    StreamResults.Taken taken = results.take(run, batch);
                    for (StreamResults.Rejected x : taken.rejected()) {
                        deadLetter(x.key(), x.field(), x.reason(), null);
                    }
                    for (ConsumerRecord<String, String> r : rings) {
                        takeRing(r);
                    }
                    producer.flush();
                    c.commitSync();
                } catch (org.springframework.dao.DataAccessException | org.apache.kafka.common.KafkaException e) {
                    // the database or Kafka is away for a moment: read the same results again from the last commit
                    log.warn("数据流结果未能入库，稍后重读 (results not taken, re-reading): {}", e.toString());
                    rewind(c);
                    Thread.sleep(2_000);
                    continue;
                }
                // a result's timestamp is its listing's (the job keeps the source record's): published -> in the
                // platform's findings
                long now = clock.millis();
                for (ConsumerRecord<String, String> r : records) {
                    lag.add(now - r.timestamp());
                }
                lag.report(now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("数据流结果消费停止 (feed consumer stopped)", e);
        } finally {
            results.close(run);
        }
    }

    /** A ring of the stream into 刷单监测, for the stream task's owner; unreadable or refused: a dead letter. */
    private void takeRing(ConsumerRecord<String, String> r) {
        BrushingMonitor.StreamRing ring;
        try {
            ring = StreamRingJson.parse(r.value());
        } catch (IllegalArgumentException e) {
            deadLetter(r.key(), "ring", e.getMessage(), r.value());
            return;
        }
        try {
            brushing.takeFromStream(ring, settings.ownerAgency(), settings.ownerRegion());
        } catch (cn.wangjian.platform.brushing.BrushingRefusedException e) {
            deadLetter(r.key(), "platform", e.getMessage(), null);
        }
    }

    private static void rewind(KafkaConsumer<String, String> c) {
        var committed = c.committed(c.assignment());
        for (var tp : c.assignment()) {
            var at = committed.get(tp);
            if (at == null) {
                c.seekToBeginning(List.of(tp));
            } else {
                c.seek(tp, at.offset());
            }
        }
    }

    /** How long results took from their listing's publication to the findings, reported every ten seconds. */
    static final class Lag {
        private final List<Long> window = new ArrayList<>();
        private long last;

        synchronized void add(long millis) {
            window.add(millis);
        }

        synchronized void report(long now) {
            if (now - last < 10_000 || window.isEmpty()) {
                return;
            }
            long[] v = window.stream().mapToLong(Long::longValue).sorted().toArray();
            log.info("数据流延迟（商品发布→发现入库）{} 条：p50 {} ms，p99 {} ms，最大 {} ms", v.length, v[v.length / 2],
                    v[(int) (v.length * 0.99)], v[v.length - 1]);
            window.clear();
            last = now;
        }
    }

    private final Lag lag = new Lag();

    private void deadLetter(String key, String field, String reason, String value) {
        String json = JSON.createObjectNode().put("schema", "dead-letter").put("version", 1).put("source", "results")
                .put("field", field).put("reason", reason).put("value", value).toString();
        producer.send(new ProducerRecord<>(settings.topics().deadLetters(), key, json));
    }

    private void createTopics() {
        Settings s = settings;
        try (Admin admin = Admin.create(s.kafka())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> wanted = new ArrayList<>();
            List<String> all = new ArrayList<>(List.of(s.topics().partitioned()));
            all.add(s.topics().rules());
            for (String t : all) {
                if (!existing.contains(t)) {
                    // one partition of rule versions, in order, compacted to the newest (key "rules")
                    wanted.add(t.equals(s.topics().rules())
                            ? new NewTopic(t, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))
                            : new NewTopic(t, 2, (short) 1));
                }
            }
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("数据流主题未能创建（若已由运维创建可忽略）(topics not created): {}", e.toString());
        }
    }

    /** The run of the current connection (0 when not connected). */
    long runId() {
        return running ? runId : 0;
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (consumerThread != null) {
            consumerThread.join(10_000);
        }
        producer.close(Duration.ofSeconds(5));
        consumer = null;
        consumerThread = null;
    }
}
