package cn.wangjian.stream;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time for a source of JSON events: each event's own time, watermarks per Kafka partition (so a partition
 * behind another does not make the other's events late), an event up to {@code outOfOrder} after later ones of its
 * partition still in time, idle partitions ignored after a minute. A malformed event keeps its record's time (it
 * goes to the dead letters).
 */
final class EventTimes {

    /** The epoch second an event happened at; throws on an event it cannot read. */
    interface EpochSeconds extends Serializable {
        long of(String json);
    }

    private EventTimes() {
    }

    static WatermarkStrategy<String> of(EpochSeconds time, Duration outOfOrder) {
        return WatermarkStrategy.<String>forBoundedOutOfOrderness(outOfOrder).withTimestampAssigner((json, ts) -> {
            try {
                return time.of(json) * 1000;
            } catch (RuntimeException e) {
                return ts;
            }
        }).withIdleness(Duration.ofMinutes(1));
    }
}
