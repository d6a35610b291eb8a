package cn.wangjian.stream.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning, as a new consumer group, for checks and tests (not for the platform's intake). */
public final class TopicReader {

    private TopicReader() {
    }

    /** The records of {@code topic} from the beginning until {@code done} holds for them or {@code limit} passes. */
    public static List<ConsumerRecord<String, String>> fromStart(String bootstrap, String topic,
                                                                Predicate<List<ConsumerRecord<String, String>>> done,
                                                                Duration limit) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long until = System.nanoTime() + limit.toNanos();
            while (!done.test(out) && System.nanoTime() < until) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
