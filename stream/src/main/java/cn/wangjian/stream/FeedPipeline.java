package cn.wangjian.stream;

import cn.wangjian.engine.feed.FeedTopics;
import cn.wangjian.stream.ListingFeedJob.Keyed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The listing feed wired to Kafka: listings and rule versions read from their topics, result events and dead
 * letters written to theirs. Offsets are part of every checkpoint, so after a failure the job resumes from the last
 * checkpoint and the results written since are written again (at least once); the platform adds each finding once
 * because its fingerprint is made from the result's key facts (decision 0032). A job started anew without a
 * checkpoint resumes from the offsets its consumer group committed, or reads each topic from the beginning.
 */
public final class FeedPipeline {

    private FeedPipeline() {
    }

    /**
     * Adds the feed to {@code env}: Kafka at {@code bootstrap}, consumer group {@code group}; with
     * {@code awaitRules} listings wait for the first rule version on the rules topic (the platform publishes the
     * one in force when it connects).
     */
    public static void add(StreamExecutionEnvironment env, String bootstrap, FeedTopics topics, String group, Clock clock,
                           boolean awaitRules) {
        add(env, bootstrap, topics, group, clock, awaitRules, new Properties());
    }

    /**
     * As {@link #add(StreamExecutionEnvironment, String, FeedTopics, String, Clock, boolean)}, with Kafka client
     * settings for every source and sink ({@code security.protocol}, {@code sasl.*}, {@code ssl.*} … of a secured
     * Kafka; from a file outside the repository, {@code --kafka-config}).
     */
    public static void add(StreamExecutionEnvironment env, String bootstrap, FeedTopics topics, String group, Clock clock,
                           boolean awaitRules, Properties kafka) {
        Properties consumer = new Properties();
        consumer.putAll(kafka);
        consumer.setProperty("partition.discovery.interval.ms", "10000");
        Properties producer = new Properties();
        producer.putAll(kafka);
        KafkaSource<String> listings = source(bootstrap, topics.listings(), group, consumer);
        // every task reads every rule version from the beginning; the newest is kept (broadcast state)
        KafkaSource<String> rules = KafkaSource.<String>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topics.rules())
                .setGroupId(group + "-rules")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .setProperties(consumer)
                .build();
        DataStream<String> listingStream = env.fromSource(listings, WatermarkStrategy.noWatermarks(), "listings")
                .uid("listings-source");
        DataStream<String> ruleStream = env.fromSource(rules, WatermarkStrategy.noWatermarks(), "rule-versions")
                .uid("rules-source").setParallelism(1);
        SingleOutputStreamOperator<Keyed> results = ListingFeedJob.build(listingStream, ruleStream, clock, awaitRules);
        PriceWatchJob.Streams prices = PriceWatchJob.build(env.fromSource(source(bootstrap, topics.priceChanges(),
                        group, consumer),
                WatermarkStrategy.noWatermarks(), "price-changes").uid("price-changes-source"), clock);
        BrushingWindowJob.Streams rings = BrushingWindowJob.build(env.fromSource(source(bootstrap, topics.orders(),
                        group, consumer), BrushingWindowJob.orderTime(Duration.ofHours(1)), "orders")
                .uid("orders-source"), Duration.ofDays(30), Duration.ofDays(1));
        EmptyParcelJob.Streams parcels = EmptyParcelJob.build(env.fromSource(source(bootstrap, topics.parcelEvents(),
                        group, consumer), EmptyParcelJob.eventTime(Duration.ofHours(1)), "parcel-events")
                .uid("parcel-events-source"));
        ReviewWindowJob.Streams reviews = ReviewWindowJob.build(env.fromSource(source(bootstrap, topics.reviews(),
                        group, consumer), ReviewWindowJob.reviewTime(Duration.ofHours(1)), "reviews")
                .uid("reviews-source"), Duration.ofDays(7), Duration.ofDays(1));
        reviews.signals().sinkTo(sink(bootstrap, producer, topics.reviewSignals())).name("review-signals")
                .uid("review-signals-sink");
        results.union(prices.results()).sinkTo(sink(bootstrap, producer, topics.results())).name("listing-results")
                .uid("results-sink");
        rings.rings().sinkTo(sink(bootstrap, producer, topics.rings())).name("brushing-rings").uid("rings-sink");
        parcels.signals().sinkTo(sink(bootstrap, producer, topics.parcelSignals())).name("parcel-signals")
                .uid("parcel-signals-sink");
        results.getSideOutput(ListingFeedJob.DEAD_LETTERS).union(prices.deadLetters(), rings.deadLetters(),
                        parcels.deadLetters(), reviews.deadLetters())
                .sinkTo(sink(bootstrap, producer, topics.deadLetters())).name("dead-letters").uid("dead-letters-sink");
    }

    /** A topic read from the group's committed offsets (the beginning the first time). */
    static KafkaSource<String> source(String bootstrap, String topic, String group, Properties consumer) {
        return KafkaSource.<String>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(group)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .setProperties(consumer)
                .build();
    }

    static final class KeyBytes implements SerializationSchema<Keyed> {
        @Override
        public byte[] serialize(Keyed k) {
            return k.key().getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class ValueBytes implements SerializationSchema<Keyed> {
        @Override
        public byte[] serialize(Keyed k) {
            return k.value().getBytes(StandardCharsets.UTF_8);
        }
    }

    static KafkaSink<Keyed> sink(String bootstrap, Properties producer, String topic) {
        return KafkaSink.<Keyed>builder()
                .setBootstrapServers(bootstrap)
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(KafkaRecordSerializationSchema.<Keyed>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(new KeyBytes())
                        .setValueSerializationSchema(new ValueBytes())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
