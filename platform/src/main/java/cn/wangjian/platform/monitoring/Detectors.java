package cn.wangjian.platform.monitoring;

import cn.wangjian.engine.listing.ListingChecks;
import cn.wangjian.engine.price.PriceRules;
import cn.wangjian.engine.text.LiveScanner;
import cn.wangjian.engine.text.Rule;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.TextScanner;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The detection engine as the platform uses it: one text scanner built from the rule catalog (rebuilt and swapped
 * atomically when the rules change; scans in flight finish on the scanner they started with) and the price rules.
 */
@Component
public class Detectors {

    private final LiveScanner text;
    private final PriceRules prices = PriceRules.builtIn();
    private volatile ListingChecks listings;

    Detectors() {
        this.text = new LiveScanner(RuleCatalog.builtIn());
        this.listings = ListingChecks.builtIn(text.get().catalog());
    }

    /** The listing checks, whose counterfeit signal words follow the text catalog in use. */
    ListingChecks listings() {
        return listings;
    }

    TextScanner text() {
        return text.get();
    }

    /** Swaps in a scanner built from {@code catalog}; returns the new one. */
    TextScanner replace(RuleCatalog catalog) {
        TextScanner built = text.replace(catalog);
        listings = listings.withSignalsOf(built.catalog());
        return built;
    }

    /** Swaps in a scanner already built from a checked catalog. */
    TextScanner use(TextScanner built) {
        TextScanner used = text.use(built);
        listings = listings.withSignalsOf(used.catalog());
        return used;
    }

    PriceRules prices() {
        return prices;
    }

    public Map<String, String> productCategories() {
        return text().catalog().productCategories();
    }

    Set<String> ruleCategories() {
        Set<String> out = new TreeSet<>();
        for (Rule r : text().catalog().rules()) {
            out.add(r.category());
        }
        return out;
    }

    String versions() {
        return "text " + text().catalog().version() + "; price " + prices.version() + "; listing " + listings.version();
    }
}
