package cn.wangjian.stream;

import cn.wangjian.engine.brushing.Parcel;
import cn.wangjian.engine.brushing.ParcelChecks;
import cn.wangjian.engine.brushing.Signal;
import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.ParcelEvent;
import cn.wangjian.stream.ListingFeedJob.Keyed;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * Empty parcels (空包) from logistics events with Flink CEP: per parcel (carrier and tracking number), a pickup
 * followed by its signing within {@link #WITHIN} of event time is one parcel, judged by the engine's per-parcel
 * checks ({@link ParcelChecks}: too light to hold goods, signed minutes after pickup). An event reported twice counts
 * once. The checks across parcels (one tracking number on several orders, one place for many buyers, one route a
 * day) need the platform's whole view and stay in its 刷单监测.
 */
public final class EmptyParcelJob {

    /** How long after its pickup a parcel's signing is still paired with it. */
    public static final Duration WITHIN = Duration.ofDays(30);

    private EmptyParcelJob() {
    }

    /** The signals and the dead letters. */
    public record Streams(DataStream<Keyed> signals, DataStream<Keyed> deadLetters) {
    }

    /** Event time for the source: watermarks per partition (see {@link BrushingWindowJob#orderTime}). */
    public static WatermarkStrategy<String> eventTime(Duration outOfOrder) {
        return EventTimes.of(json -> ParcelEvent.parse(json).time(), outOfOrder);
    }

    /** Empty-parcel signals of the logistics events ({@code events} carry {@link #eventTime}). */
    public static Streams build(DataStream<String> events) {
        SingleOutputStreamOperator<Keyed> parsed = events.process(new org.apache.flink.streaming.api.functions
                        .ProcessFunction<String, Keyed>() {
                    @Override
                    public void processElement(String value, Context ctx, Collector<Keyed> out) {
                        try {
                            ParcelEvent e = ParcelEvent.parse(value);
                            // an event reported twice has the same key: the same parcel, status and time
                            out.collect(new Keyed(e.key() + "|" + e.status() + "|" + e.time(), value));
                        } catch (ListingEvent.Invalid ex) {
                            ctx.output(ListingFeedJob.DEAD_LETTERS, ListingFeedJob.deadLetter("parcel-events",
                                    ex.field(), ex.getMessage(), value));
                        }
                    }
                }).name("parse-parcel-events").uid("parse-parcel-events").returns(Types.POJO(Keyed.class));
        DataStream<Keyed> once = parsed.keyBy(Keyed::key).process(new BrushingWindowJob.Once())
                .name("parcel-events-once").uid("parcel-events-once").returns(Types.POJO(Keyed.class));
        DataStream<Keyed> timed = once;
        Pattern<Keyed, Keyed> pickupThenSign = Pattern.<Keyed>begin("pickup",
                        AfterMatchSkipStrategy.skipPastLastEvent())
                .where(status(ParcelEvent.PICKED_UP))
                .followedBy("sign").where(status(ParcelEvent.SIGNED))
                .within(WITHIN);
        DataStream<Keyed> signals = CEP.pattern(timed.keyBy(k -> ParcelEvent.parse(k.value()).key()), pickupThenSign)
                .process(new Judge()).name("empty-parcels").uid("empty-parcels").returns(Types.POJO(Keyed.class));
        return new Streams(signals, parsed.getSideOutput(ListingFeedJob.DEAD_LETTERS));
    }

    private static SimpleCondition<Keyed> status(String status) {
        return SimpleCondition.of(k -> ParcelEvent.parse(k.value()).status().equals(status));
    }

    static final class Judge extends PatternProcessFunction<Keyed, Keyed> {
        @Override
        public void processMatch(Map<String, List<Keyed>> match, Context ctx, Collector<Keyed> out) {
            ParcelEvent pickup = ParcelEvent.parse(match.get("pickup").get(0).value());
            ParcelEvent sign = ParcelEvent.parse(match.get("sign").get(0).value());
            Parcel parcel = new Parcel(pickup.trackingNumber(), pickup.carrier(),
                    pickup.orderId() != null ? pickup.orderId() : sign.orderId(),
                    pickup.buyer() != null ? pickup.buyer() : sign.buyer(), pickup.weightGrams(), pickup.time(),
                    sign.time(), pickup.place(), sign.place());
            ObjectMapper json = new ObjectMapper();
            for (Signal s : ParcelChecks.check(List.of(parcel), ParcelChecks.Config.defaults())) {
                ObjectNode n = json.createObjectNode().put("schema", "parcel-signal").put("version", 1)
                        .put("platform", pickup.platform()).put("kind", s.kind().name())
                        .put("tracking_number", parcel.trackingNumber()).put("carrier", parcel.carrier())
                        .put("order_id", parcel.orderId()).put("explanation", s.explanation());
                s.accounts().forEach(n.putArray("accounts")::add);
                out.collect(new Keyed(pickup.key() + "|" + s.kind(), n.toString()));
            }
        }
    }
}
