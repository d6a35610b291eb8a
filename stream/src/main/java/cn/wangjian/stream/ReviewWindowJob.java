package cn.wangjian.stream;

import cn.wangjian.engine.brushing.Review;
import cn.wangjian.engine.brushing.ReviewChecks;
import cn.wangjian.engine.brushing.Signal;
import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.ReviewEvent;
import cn.wangjian.stream.ListingFeedJob.Keyed;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Fake-review signals (炒信) over sliding windows of review time per platform: each review counted once, each
 * window's reviews given to the engine's review checks ({@link ReviewChecks}: one template text from several
 * accounts, a shop's burst of reviews, one image under several accounts — the platform's 刷单监测 uses the same), one
 * event per signal, each signal once (its kind, shop and subjects identify it).
 */
public final class ReviewWindowJob {

    private ReviewWindowJob() {
    }

    /** The signals and the dead letters. */
    public record Streams(DataStream<Keyed> signals, DataStream<Keyed> deadLetters) {
    }

    /** Review time for the source: watermarks per partition (see {@link BrushingWindowJob#orderTime}). */
    public static WatermarkStrategy<String> reviewTime(Duration outOfOrder) {
        return EventTimes.of(json -> ReviewEvent.parse(json).review().time(), outOfOrder);
    }

    public static Streams build(DataStream<String> reviews, Duration size, Duration slide) {
        SingleOutputStreamOperator<Keyed> parsed = reviews.process(new ProcessFunction<String, Keyed>() {
            @Override
            public void processElement(String value, Context ctx, Collector<Keyed> out) {
                try {
                    out.collect(new Keyed(ReviewEvent.parse(value).key(), value));
                } catch (ListingEvent.Invalid | IllegalArgumentException e) {
                    String field = e instanceof ListingEvent.Invalid i ? i.field() : "review";
                    ctx.output(ListingFeedJob.DEAD_LETTERS, ListingFeedJob.deadLetter("reviews", field,
                            e.getMessage(), value));
                }
            }
        }).name("parse-reviews").uid("parse-reviews").returns(Types.POJO(Keyed.class));
        DataStream<Keyed> signals = parsed.keyBy(Keyed::key).process(new BrushingWindowJob.Once())
                .name("reviews-once").uid("reviews-once").returns(Types.POJO(Keyed.class))
                .keyBy(k -> ReviewEvent.parse(k.value()).platform())
                .window(SlidingEventTimeWindows.of(size, slide, BrushingWindowJob.CHINA_MIDNIGHT))
                .process(new Signals()).name("review-signals").uid("review-signals").returns(Types.POJO(Keyed.class))
                .keyBy(Keyed::key).process(new BrushingWindowJob.Once()).name("review-signals-once")
                .uid("review-signals-once").returns(Types.POJO(Keyed.class));
        return new Streams(signals, parsed.getSideOutput(ListingFeedJob.DEAD_LETTERS));
    }

    /** Reviews by time, then id: the order the checks see a window's reviews in. */
    public static final java.util.Comparator<Review> BY_TIME = java.util.Comparator.comparingLong(Review::time)
            .thenComparing(Review::reviewId);

    static final class Signals extends ProcessWindowFunction<Keyed, Keyed, String, TimeWindow> {
        @Override
        public void process(String platform, Context ctx, Iterable<Keyed> in, Collector<Keyed> out) {
            List<Review> reviews = new ArrayList<>();
            for (Keyed k : in) {
                reviews.add(ReviewEvent.parse(k.value()).review());
            }
            // in time order whatever order they arrived in: the checks' groups do not depend on arrival
            reviews.sort(BY_TIME);
            ObjectMapper json = new ObjectMapper();
            for (Signal s : ReviewChecks.check(reviews, ReviewChecks.Config.defaults())) {
                List<String> subjects = s.subjects().stream().sorted().toList();
                String id = ListingEvent.sha256(s.kind() + "|" + s.shop() + "|" + String.join(",", subjects))
                        .substring(0, 16);
                ObjectNode n = json.createObjectNode().put("schema", "review-signal").put("version", 1)
                        .put("platform", platform).put("kind", s.kind().name()).put("shop", s.shop())
                        .put("signal_id", id).put("explanation", s.explanation())
                        .put("window_start", Instant.ofEpochMilli(ctx.window().getStart()).toString())
                        .put("window_end", Instant.ofEpochMilli(ctx.window().getEnd()).toString());
                subjects.forEach(n.putArray("subjects")::add);
                s.accounts().stream().sorted().forEach(n.putArray("accounts")::add);
                out.collect(new Keyed(platform + "/" + id, n.toString()));
            }
        }
    }
}
