package cn.wangjian.stream;

import cn.wangjian.engine.price.PriceHistory;
import cn.wangjian.engine.price.PriceRules;
import cn.wangjian.engine.text.Finding;
import cn.wangjian.engine.text.ListingText;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.TextScanner;
import java.time.LocalDate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/**
 * Monitoring at scale: the engine's text rules (title and description as one text, with the listing's product
 * category) and price rules over a stream of reported listings, one finding event per violation. The scanner is
 * built once per parallel task; source and sink are the caller's (a file or Kafka in production, a collection in
 * tests), so the same pipeline runs on a MiniCluster or a real cluster.
 */
public final class ListingScanJob {

    /** A reported listing: prices in cents (-1 when not shown), the history in the compact notation. */
    public record Listing(String listingId, String platform, String category, String title, String description,
                          long originalCents, long homeCents, String prices) {
    }

    /** One violation of one listing. */
    public record FindingEvent(String listingId, String platform, String rule, String ruleCategory, String law,
                               String article, String severity, String field, int start, int end, String matched) {
    }

    private ListingScanJob() {
    }

    /** Findings of the listings, judged as of {@code conductDate} (laws by their dates in force). */
    public static DataStream<FindingEvent> build(DataStream<Listing> listings, LocalDate conductDate) {
        return listings.flatMap(new Scan(conductDate.toString())).name("scan-listings");
    }

    static final class Scan extends RichFlatMapFunction<Listing, FindingEvent> {
        private final String conduct;
        private transient TextScanner scanner;
        private transient PriceRules prices;
        private transient LocalDate date;

        Scan(String conduct) {
            this.conduct = conduct;
        }

        @Override
        public void open(OpenContext context) {
            scanner = TextScanner.build(RuleCatalog.builtIn());
            prices = PriceRules.builtIn();
            date = LocalDate.parse(conduct);
        }

        @Override
        public void flatMap(Listing l, Collector<FindingEvent> out) {
            ListingText.scan(scanner, l.title(), l.description(), l.category(), date, ff -> {
                Finding f = ff.finding();
                out.collect(new FindingEvent(l.listingId(), l.platform(), f.rule(), f.category(), f.law(), f.article(),
                        f.severity().name(), ff.field(), ff.start(), ff.end(), f.matched()));
            });
            if (l.prices() != null && !l.prices().isBlank()) {
                for (PriceRules.Finding f : prices.check(new PriceRules.Offer(l.originalCents(), l.homeCents(),
                        PriceHistory.parse(l.prices())), date)) {
                    out.collect(new FindingEvent(l.listingId(), l.platform(), f.rule().id(), f.rule().category(),
                            f.rule().law(), f.rule().article(), f.rule().severity().name(), "prices", -1, -1,
                            f.detail()));
                }
            }
        }
    }
}
