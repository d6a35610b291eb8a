package cn.wangjian.stream;

import cn.wangjian.engine.brushing.Order;
import cn.wangjian.engine.brushing.OrderMarket;
import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.OrderEvent;
import cn.wangjian.stream.ListingFeedJob.Keyed;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Order-brushing rings over sliding windows of order time, per platform and product category: orders reported twice
 * counted once (keyed state, kept for {@link #DEDUPLICATE_FOR}), each window's orders given to the engine's ring
 * detector ({@link OrderMarket}, the same as the platform's 刷单监测), one event per ring with its accounts, shops,
 * days, orders (each with its buyer, shop, time and amount: the ring's extract) and explanation. A ring that lasts
 * longer than a slide fills several windows; its accounts and shops identify it ({@code ring_id}) and it is sent
 * once, from the first window that finds it.
 */
public final class BrushingWindowJob {

    /** How long an order id is remembered to refuse its repeats: longer than any window it can fall into. */
    public static final Duration DEDUPLICATE_FOR = Duration.ofDays(40);

    /** Windows start at midnight China time (UTC+8), as the days of the ring detector do. */
    static final Duration CHINA_MIDNIGHT = Duration.ofHours(-8);

    private BrushingWindowJob() {
    }

    /** The rings and the dead letters. */
    public record Streams(DataStream<Keyed> rings, DataStream<Keyed> deadLetters) {
    }

    /**
     * Order time for the source ({@code fromSource(…, orderTime(…), …)}): watermarks per partition, so that one
     * partition behind another does not make the other's orders late; an order may come up to {@code outOfOrder}
     * after later ones of its partition (later still: left out of the windows already closed). A malformed event
     * keeps its record's time (it goes to the dead letters).
     */
    public static WatermarkStrategy<String> orderTime(Duration outOfOrder) {
        return EventTimes.of(json -> OrderEvent.parse(json).order().time(), outOfOrder);
    }

    /** Rings in windows of {@code size} every {@code slide} of order time ({@code orders} carry {@link #orderTime}). */
    public static Streams build(DataStream<String> orders, Duration size, Duration slide) {
        SingleOutputStreamOperator<Keyed> parsed = orders.process(new Parse()).name("parse-orders")
                .uid("parse-orders").returns(Types.POJO(Keyed.class));
        DataStream<Keyed> once = parsed.keyBy(Keyed::key).process(new Once()).name("orders-once").uid("orders-once")
                .returns(Types.POJO(Keyed.class));
        DataStream<Keyed> rings = once
                .keyBy(k -> {
                    OrderEvent e = OrderEvent.parse(k.value());
                    return e.platform() + "\u0000" + e.category();
                })
                .window(SlidingEventTimeWindows.of(size, slide, CHINA_MIDNIGHT))
                .process(new Rings()).name("brushing-rings").uid("brushing-rings").returns(Types.POJO(Keyed.class))
                .keyBy(Keyed::key).process(new Once()).name("rings-once").uid("rings-once")
                .returns(Types.POJO(Keyed.class));
        return new Streams(rings, parsed.getSideOutput(ListingFeedJob.DEAD_LETTERS));
    }

    static final class Parse extends ProcessFunction<String, Keyed> {
        @Override
        public void processElement(String value, Context ctx, Collector<Keyed> out) {
            try {
                out.collect(new Keyed(OrderEvent.parse(value).key(), value));
            } catch (ListingEvent.Invalid | IllegalArgumentException | NullPointerException e) {
                String field = e instanceof ListingEvent.Invalid i ? i.field() : "order";
                ctx.output(ListingFeedJob.DEAD_LETTERS, ListingFeedJob.deadLetter("orders", field, e.getMessage(),
                        value));
            }
        }
    }

    /** The first report of an event (an order, a parcel's scan) passes; its repeats do not. */
    static final class Once extends KeyedProcessFunction<String, Keyed, Keyed> {
        private transient ValueState<Boolean> seen;

        @Override
        public void open(OpenContext context) {
            ValueStateDescriptor<Boolean> d = new ValueStateDescriptor<>("order-seen", Types.BOOLEAN);
            d.enableTimeToLive(StateTtlConfig.newBuilder(DEDUPLICATE_FOR).build());
            seen = getRuntimeContext().getState(d);
        }

        @Override
        public void processElement(Keyed in, Context ctx, Collector<Keyed> out) throws Exception {
            if (seen.value() == null) {
                seen.update(true);
                out.collect(in);
            }
        }
    }

    /** Orders by time, then id: the order the detector sees a window's orders in. */
    public static final java.util.Comparator<Order> BY_TIME = java.util.Comparator.comparingLong(Order::time)
            .thenComparing(Order::orderId);

    static final class Rings extends ProcessWindowFunction<Keyed, Keyed, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Keyed> in, Collector<Keyed> out) {
            List<Order> orders = new ArrayList<>();
            String platform = null;
            String category = null;
            for (Keyed k : in) {
                OrderEvent e = OrderEvent.parse(k.value());
                orders.add(e.order());
                platform = e.platform();
                category = e.category();
            }
            if (orders.isEmpty()) {
                return;
            }
            // in time order whatever order they arrived in: the detector's result does not depend on arrival
            orders.sort(BY_TIME);
            ObjectMapper json = new ObjectMapper();
            java.util.Map<String, Order> byId = new java.util.HashMap<>();
            for (Order o : orders) {
                byId.put(o.orderId(), o);
            }
            OrderMarket market = new OrderMarket(orders, OrderMarket.Extra.NONE);
            for (OrderMarket.RingEvidence r : market.rings(RingDetector.Config.defaults(), List.of(), List.of())) {
                List<String> accounts = r.accounts().stream().sorted().toList();
                List<String> shops = r.shops().stream().sorted().toList();
                String ringId = ListingEvent.sha256(String.join(",", accounts) + "|" + String.join(",", shops))
                        .substring(0, 16);
                ObjectNode n = json.createObjectNode().put("schema", "brushing-ring").put("version", 1)
                        .put("platform", platform).put("category", category).put("ring_id", ringId)
                        .put("window_start", Instant.ofEpochMilli(ctx.window().getStart()).toString())
                        .put("window_end", Instant.ofEpochMilli(ctx.window().getEnd()).toString())
                        .put("orders_in_window", orders.size()).put("explanation", r.explanation())
                        .put("mass", r.block().mass()).put("expected", r.block().expected())
                        .put("score", r.block().score());
                accounts.forEach(n.putArray("accounts")::add);
                shops.forEach(n.putArray("shops")::add);
                r.days().forEach(d -> n.withArray("days").add(d.toString()));
                var extract = n.putArray("orders");
                r.orders().stream().sorted().distinct().forEach(id -> {
                    Order o = byId.get(id);
                    extract.addObject().put("order_id", id).put("buyer", o.buyer()).put("shop", o.shop())
                            .put("time", Instant.ofEpochSecond(o.time()).toString()).put("amount_cents", o.amountCents());
                });
                out.collect(new Keyed(platform + "/" + ringId, n.toString()));
            }
        }
    }
}
