package cn.wangjian.stream;

import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.feed.RuleVersionEvent;
import cn.wangjian.engine.feed.ScanResultEvent;
import cn.wangjian.engine.listing.ListingChecks;
import cn.wangjian.engine.listing.ListingScan;
import cn.wangjian.engine.price.PriceRules;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.TextScanner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The listing feed: listing events (schema {@code listing} v1) scanned with the officers' rule version in force —
 * published to the job on the rules topic while it runs, kept in broadcast state (and so in every checkpoint) — one
 * result event per listing ({@code listing-scanned} v1, hits or none), keyed by listing and content hash. A
 * malformed event, an unknown schema version or a rule version that does not build goes to the dead-letter output
 * with the reason; the job keeps running. Sources and sinks are the caller's ({@link FeedPipeline} wires Kafka).
 *
 * <p>A rule version applies to the listings a task scans after it has received that version: the listings before
 * keep the findings they were given (the result event names the versions it was scanned with). Until the first
 * version has come, listings wait (in checkpointed operator state) when {@code awaitRules} is set, so that no
 * listing is scanned with the built-in catalog alone while the officers' version is on its way.
 */
public final class ListingFeedJob {

    /** An output record: its topic key and its JSON value. */
    public record Keyed(String key, String value) implements Serializable {
    }

    /** The dead letters: malformed input with the reason, as JSON. */
    public static final OutputTag<Keyed> DEAD_LETTERS = new OutputTag<>("dead-letters", Types.POJO(Keyed.class)) {
    };

    static final MapStateDescriptor<String, String> RULES =
            new MapStateDescriptor<>("rule-version", Types.STRING, Types.STRING);
    private static final String CURRENT = "current";

    private ListingFeedJob() {
    }

    /**
     * Result events of the listing events ({@code listings}, JSON strings) under the rule versions of {@code rules}
     * (JSON strings); dead letters in the side output {@link #DEAD_LETTERS}. Listings are judged as of the day on
     * {@code clock} when they are scanned, as a monitoring run judges them on its day.
     */
    public static SingleOutputStreamOperator<Keyed> build(DataStream<String> listings, DataStream<String> rules,
                                                         Clock clock, boolean awaitRules) {
        return listings.connect(rules.broadcast(RULES)).process(new Scan(clock, awaitRules)).name("scan-listing-feed")
                .uid("scan-listing-feed").returns(Types.POJO(Keyed.class));
    }

    /** A dead letter: where it came from, why it was refused (field and reason) and the value as received. */
    static Keyed deadLetter(String source, String field, String reason, String value) {
        String kept = value == null ? null : value.length() > 100_000 ? value.substring(0, 100_000) : value;
        String json = new ObjectMapper().createObjectNode().put("schema", "dead-letter").put("version", 1)
                .put("source", source).put("field", field).put("reason", reason).put("value", kept).toString();
        return new Keyed(source, json);
    }

    static final class Scan extends BroadcastProcessFunction<String, String, Keyed> implements CheckpointedFunction {
        private final Clock clock;
        private final boolean awaitRules;
        private transient ListingScan engine;
        private transient long engineVersion;
        private transient boolean haveRules;
        private transient Set<String> categories;
        private transient List<String> waiting;
        private transient ListState<String> waitingState;

        Scan(Clock clock, boolean awaitRules) {
            this.clock = clock;
            this.awaitRules = awaitRules;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            waitingState = context.getOperatorStateStore().getListState(
                    new ListStateDescriptor<>("waiting-for-rules", Types.STRING));
            waiting = new ArrayList<>();
            for (String v : waitingState.get()) {
                waiting.add(v);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            waitingState.update(waiting);
        }

        @Override
        public void open(OpenContext context) {
            use(0, RuleCatalog.builtIn());
        }

        private void use(long version, RuleCatalog catalog) {
            TextScanner scanner = TextScanner.build(catalog);
            engine = new ListingScan(scanner, ListingChecks.builtIn(scanner.catalog()), PriceRules.builtIn());
            engineVersion = version;
            categories = scanner.catalog().productCategories().keySet();
        }

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<Keyed> out) throws Exception {
            // after a restore, or when another task's broadcast came first: the version in state is the one in force
            String current = ctx.getBroadcastState(RULES).get(CURRENT);
            if (current != null) {
                haveRules = true;
                RuleVersionEvent v = RuleVersionEvent.parse(current);
                if (v.id() != engineVersion) {
                    use(v.id(), v.catalog());
                }
            }
            if (awaitRules && !haveRules) {
                waiting.add(value);
                return;
            }
            flushWaiting(ctx::output, out);
            scan(value, ctx::output, out);
        }

        /** The listings that waited for the first rule version, scanned now in the order they came. */
        private void flushWaiting(BiConsumer<OutputTag<Keyed>, Keyed> side, Collector<Keyed> out) {
            if (waiting.isEmpty()) {
                return;
            }
            List<String> earlier = new ArrayList<>(waiting);
            waiting.clear();
            for (String w : earlier) {
                scan(w, side, out);
            }
        }

        private void scan(String value, BiConsumer<OutputTag<Keyed>, Keyed> side, Collector<Keyed> out) {
            ListingEvent listing;
            try {
                listing = ListingEvent.parse(value, categories);
            } catch (ListingEvent.Invalid e) {
                side.accept(DEAD_LETTERS, deadLetter("listings", e.field(), e.getMessage(), value));
                return;
            }
            ListingScan.Result result;
            try {
                result = engine.scan(new ListingScan.Input(listing.category(), listing.title(), listing.description(),
                        cents(listing.originalPrice()), cents(listing.homePrice()), listing.prices().compact(),
                        listing.operatorCreditCode(), listing.operatorRegion()), LocalDate.now(clock), true, true, true);
            } catch (RuntimeException e) {
                // the engine refused this one listing (a bound it enforces); the job goes on with the next
                side.accept(DEAD_LETTERS, deadLetter("listings", "listing", "扫描失败 (scan failed): " + e, value));
                return;
            }
            ScanResultEvent event = ScanResultEvent.of(listing, engine.versions(), result);
            out.collect(new Keyed(event.key(), event.toJson()));
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<Keyed> out) throws Exception {
            RuleVersionEvent v;
            try {
                v = RuleVersionEvent.parse(value);
                v.catalog();   // builds, or says which rule and field do not
            } catch (ListingEvent.Invalid | RuleCatalog.CatalogException e) {
                ctx.output(DEAD_LETTERS, deadLetter("rules", e instanceof ListingEvent.Invalid i ? i.field() : "rules",
                        e.getMessage(), value));
                return;
            }
            BroadcastState<String, String> state = ctx.getBroadcastState(RULES);
            String current = state.get(CURRENT);
            if (current == null || RuleVersionEvent.parse(current).id() < v.id()) {
                state.put(CURRENT, value);
                use(v.id(), v.catalog());
            }
            haveRules = true;
            flushWaiting(ctx::output, out);
        }

        private static long cents(java.math.BigDecimal yuan) {
            return yuan == null ? -1 : yuan.movePointRight(2).longValueExact();
        }
    }
}
