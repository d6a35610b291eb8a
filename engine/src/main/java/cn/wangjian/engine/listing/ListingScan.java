package cn.wangjian.engine.listing;

import cn.wangjian.engine.price.PriceHistory;
import cn.wangjian.engine.price.PriceRules;
import cn.wangjian.engine.text.Finding;
import cn.wangjian.engine.text.LawReference;
import cn.wangjian.engine.text.ListingText;
import cn.wangjian.engine.text.Rule;
import cn.wangjian.engine.text.Severity;
import cn.wangjian.engine.text.TextScanner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the engine finds in one reported listing: its text (title and description as one text, with the
 * listing's product category, or the category its text shows when none was reported), the listing as a whole
 * (returns, brands and prices, geographical indications) and its price history. The platform's monitoring run and
 * the stream job both call this one function, so a listing scanned in either place gives the same hits.
 */
public final class ListingScan {

    /** Which part of the engine found a hit. */
    public enum Detector {
        TEXT, LISTING, PRICE
    }

    /**
     * A listing as the engine needs it. Prices in cents, -1 when not shown; {@code prices} in any notation
     * {@link PriceHistory#parse} reads, or null; {@code category} null when not reported.
     */
    public record Input(String category, String title, String description, long originalCents, long homeCents,
                        String prices, String operatorCreditCode, String regionCode) {
    }

    /**
     * One hit. {@code field} is {@code title}, {@code description} or {@code prices}; {@code start} and {@code end}
     * are offsets in that field (-1 for price hits, which have no span); {@code kind} is how a text term matched
     * (null for others); {@code detail} the sentence for officers.
     */
    public record Hit(Detector detector, String rule, String ruleCategory, String ruleTitle, String law,
                      String article, boolean lawUnverified, Severity severity, double confidence, String field,
                      int start, int end, String matched, String term, String kind, String detail) {
        public Hit {
            Objects.requireNonNull(detector, "detector");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(field, "field");
        }

        /** The text of the field the hit lies in (price hits: the title). */
        public String fieldText(Input listing) {
            return field.equals("description") ? listing.description()
                    : listing.title() == null ? "" : listing.title();
        }
    }

    /** The category the listing was scanned under (reported, or inferred from its text) and its hits in order. */
    public record Result(String category, List<Hit> hits) {
        public Result {
            hits = List.copyOf(hits);
        }
    }

    private final TextScanner scanner;
    private final ListingChecks checks;
    private final PriceRules prices;
    private final Map<String, Rule> rules = new HashMap<>();

    public ListingScan(TextScanner scanner, ListingChecks checks, PriceRules prices) {
        this.scanner = scanner;
        this.checks = checks;
        this.prices = prices;
        for (Rule r : scanner.catalog().rules()) {
            rules.put(r.id(), r);
        }
    }

    /** The scan with the built-in catalogs. */
    public static ListingScan builtIn() {
        TextScanner scanner = TextScanner.build(cn.wangjian.engine.text.RuleCatalog.builtIn());
        return new ListingScan(scanner, ListingChecks.builtIn(scanner.catalog()), PriceRules.builtIn());
    }

    public TextScanner scanner() {
        return scanner;
    }

    /** Versions of the three rule sets, as a run records them. */
    public String versions() {
        return "text " + scanner.catalog().version() + "; price " + prices.version() + "; listing " + checks.version();
    }

    /** The hits of the detectors asked for, judged as of {@code conduct} (laws by their dates in force). */
    public Result scan(Input l, LocalDate conduct, boolean text, boolean listing, boolean price) {
        String category = l.category() != null ? l.category()
                : scanner.inferCategory(l.description() == null ? l.title() : l.title() + "\n" + l.description());
        List<Hit> hits = new ArrayList<>();
        if (text) {
            ListingText.scan(scanner, l.title(), l.description(), category, conduct, ff -> {
                Finding f = ff.finding();
                Rule rule = rules.get(f.rule());
                LawReference law = rule == null ? null : rule.lawOn(conduct);
                hits.add(new Hit(Detector.TEXT, f.rule(), f.category(), rule == null ? f.rule() : rule.title(),
                        f.law(), f.article(), law != null && "R".equals(law.verification()), f.severity(),
                        f.confidence(), ff.field(), ff.start(), ff.end(), f.matched(), f.term(),
                        f.kind() == null ? null : f.kind().name(), f.explanation()));
            });
        }
        if (listing) {
            Long homeCents = l.homeCents() < 0 ? null : l.homeCents();
            for (ListingChecks.Finding f : checks.check(new ListingChecks.Listing(category, l.title(), l.description(),
                    homeCents, l.operatorCreditCode(), l.regionCode()), conduct)) {
                ListingChecks.Rule r = f.rule();
                hits.add(new Hit(Detector.LISTING, r.id(), r.category(), r.title(), f.law().law(), f.law().article(),
                        "R".equals(f.law().verification()), r.severity(), 1.0, f.field(), f.start(), f.end(),
                        f.matched(), null, null, f.detail()));
            }
        }
        if (price && l.prices() != null) {
            PriceRules.Offer offer = new PriceRules.Offer(l.originalCents(), l.homeCents(), PriceHistory.parse(l.prices()));
            for (PriceRules.Finding f : prices.check(offer, conduct)) {
                PriceRules.Rule r = f.rule();
                hits.add(new Hit(Detector.PRICE, r.id(), r.category(), r.title(), r.law(), r.article(), false,
                        r.severity(), 1.0, "prices", -1, -1, null, null, null, f.detail() + "。" + r.explanation()));
            }
        }
        return new Result(category, hits);
    }
}
