package cn.wangjian.stream;

import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.PriceChangeEvent;
import cn.wangjian.engine.feed.ScanResultEvent;
import cn.wangjian.engine.listing.ListingScan;
import cn.wangjian.engine.price.PriceRules;
import cn.wangjian.engine.price.PriceWatch;
import cn.wangjian.stream.ListingFeedJob.Keyed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Price changes judged as they come: one listing's price history kept in keyed state ({@link PriceWatch}: the window
 * the price rules look at, not re-sent with every change), the price rules run after every change that changes it,
 * and a result event with the price hits (none: the listing's offer is now lawful) keyed by the listing and the
 * state it was judged on. A late change takes its place in the history; a repeated one adds nothing; a malformed
 * one goes to the dead letters.
 */
public final class PriceWatchJob {

    private PriceWatchJob() {
    }

    /** The results and the dead letters of the price changes. */
    public record Streams(DataStream<Keyed> results, DataStream<Keyed> deadLetters) {
    }

    public static Streams build(DataStream<String> changes, Clock clock) {
        SingleOutputStreamOperator<Keyed> parsed = changes.process(new Parse()).name("parse-price-changes")
                .uid("parse-price-changes").returns(Types.POJO(Keyed.class));
        DataStream<Keyed> judged = parsed.keyBy(Keyed::key).process(new Judge(clock))
                .name("judge-prices").uid("judge-prices").returns(Types.POJO(Keyed.class));
        return new Streams(judged, parsed.getSideOutput(ListingFeedJob.DEAD_LETTERS));
    }

    static final class Parse extends ProcessFunction<String, Keyed> {
        @Override
        public void processElement(String value, Context ctx, Collector<Keyed> out) {
            try {
                out.collect(new Keyed(PriceChangeEvent.parse(value).key(), value));
            } catch (ListingEvent.Invalid e) {
                ctx.output(ListingFeedJob.DEAD_LETTERS, ListingFeedJob.deadLetter("price-changes", e.field(),
                        e.getMessage(), value));
            }
        }
    }

    static final class Judge extends KeyedProcessFunction<String, Keyed, Keyed> {
        private final Clock clock;
        private transient ValueState<String> state;
        private transient PriceRules rules;

        Judge(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void open(OpenContext context) {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>("price-watch", Types.STRING));
            rules = PriceRules.builtIn();
        }

        @Override
        public void processElement(Keyed in, Context ctx, Collector<Keyed> out) throws Exception {
            PriceChangeEvent c = PriceChangeEvent.parse(in.value());
            PriceWatch.Applied applied = PriceWatch.decode(state.value())
                    .apply(c.from(), c.cents(), c.referenceCents(), c.homeCents());
            if (applied.outcome() == PriceWatch.Outcome.DUPLICATE) {
                return;
            }
            PriceWatch w = applied.watch();
            state.update(w.encode());
            List<ListingScan.Hit> hits = new ArrayList<>();
            for (PriceRules.Finding f : rules.check(w.offer(), LocalDate.now(clock))) {
                PriceRules.Rule r = f.rule();
                hits.add(new ListingScan.Hit(ListingScan.Detector.PRICE, r.id(), r.category(), r.title(), r.law(),
                        r.article(), false, r.severity(), 1.0, "prices", -1, -1, null, null, null,
                        f.detail() + "。" + r.explanation()));
            }
            // the content is the offer as judged: the same changes give the same key and the same fingerprints
            String content = "price-watch\u0000" + c.key() + "\u0000" + w.encode();
            ScanResultEvent e = new ScanResultEvent(c.platform(), c.listingId(), null, "LISTING", null, null, null,
                    c.reportedAt(), ListingEvent.sha256(content), "price " + rules.version(), null, hits);
            out.collect(new Keyed(e.key(), e.toJson()));
        }
    }
}
