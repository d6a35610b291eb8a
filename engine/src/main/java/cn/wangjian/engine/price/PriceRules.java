package cn.wangjian.engine.price;

import cn.wangjian.engine.text.Severity;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The price rules (明码标价和禁止价格欺诈规定 Art. 16, 17, 20) over a listing's reference price, home-page price and
 * price history. The rules, their citations and parameters are data ({@code price-rules.json}); what each
 * {@link Check} computes is here. The price history stands for the seller's transaction prices in that shop.
 */
public final class PriceRules {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    /** What a rule computes. */
    public enum Check { REFERENCE_PRICE, RAISE_BEFORE_DISCOUNT, GROUNDLESS_BASE, HOME_PRICE_LOWER }

    /** One rule as the file defines it. */
    public record Rule(String id, Check check, String category, String title, Severity severity, String law,
                       String article, LocalDate effectiveFrom, String explanation, int windowDays, double minRaise) {
    }

    /** What a listing shows: the crossed-out reference price and the home-page price (each -1 when not shown). */
    public record Offer(long referenceCents, long homeCents, PriceHistory history) {
    }

    /** A rule's finding on one listing, with the figures it rests on. */
    public record Finding(Rule rule, String detail, long shownCents, long benchmarkCents, LocalDate comparisonFrom) {
    }

    private final String version;
    private final List<Rule> rules;

    private PriceRules(String version, List<Rule> rules) {
        this.version = version;
        this.rules = List.copyOf(rules);
    }

    public static PriceRules builtIn() {
        try (InputStream in = PriceRules.class.getResourceAsStream("price-rules.json")) {
            return read(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PriceRules read(JsonNode root) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            String id = r.path("id").asText();
            try {
                JsonNode p = r.path("parameters");
                rules.add(new Rule(id, Check.valueOf(r.path("check").asText().toUpperCase(Locale.ROOT)),
                        r.path("category").asText(), r.path("title").asText(), Severity.parse(r.path("severity").asText()),
                        r.path("law").asText(), r.path("article").asText(),
                        LocalDate.parse(r.path("effectiveFrom").asText()), r.path("explanation").asText(),
                        p.path("windowDays").asInt(7), p.path("minRaise").asDouble(0.10)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("price-rules.json: rule " + id + ": " + e.getMessage(), e);
            }
        }
        return new PriceRules(root.path("version").asText(), rules);
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Every rule in force on {@code today} that the offer breaks. */
    public List<Finding> check(Offer offer, LocalDate today) {
        List<Finding> out = new ArrayList<>(2);
        for (Rule rule : rules) {
            if (today.isBefore(rule.effectiveFrom())) {
                continue;
            }
            Finding f = switch (rule.check()) {
                case REFERENCE_PRICE -> referencePrice(rule, offer, today);
                case RAISE_BEFORE_DISCOUNT -> raiseBeforeDiscount(rule, offer, today);
                case GROUNDLESS_BASE -> groundlessBase(rule, offer, today);
                case HOME_PRICE_LOWER -> homePriceLower(rule, offer, today);
            };
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Art. 16: the reference price against the lowest price of the 7 days before the comparison began. */
    private static Finding referencePrice(Rule rule, Offer offer, LocalDate today) {
        PriceHistory h = offer.history();
        int current = h.indexOn(today);
        if (offer.referenceCents() < 0 || current < 0 || offer.referenceCents() <= h.changes().get(current).cents()) {
            return null;                                    // no comparison shown
        }
        LocalDate start = h.changes().get(current).from();  // the comparison runs since the current price began
        long lowest = Long.MAX_VALUE;
        for (LocalDate d = start.minusDays(rule.windowDays()); d.isBefore(start); d = d.plusDays(1)) {
            long p = h.priceOn(d);
            if (p >= 0) {
                lowest = Math.min(lowest, p);
            }
        }
        String basis;
        if (lowest == Long.MAX_VALUE) {
            return null;                                    // no sale in the window and none before: not decidable
        }
        basis = "比较开始（" + start + "）前" + rule.windowDays() + "日内最低成交价 " + yuan(lowest) + " 元";
        if (offer.referenceCents() <= lowest) {
            return null;
        }
        return new Finding(rule, "划线价 " + yuan(offer.referenceCents()) + " 元高于" + basis, offer.referenceCents(),
                lowest, start);
    }

    /** Art. 17(1): a marked raise shortly before the discount, with the raised price as the base. */
    private static Finding raiseBeforeDiscount(Rule rule, Offer offer, LocalDate today) {
        PriceHistory h = offer.history();
        int current = h.indexOn(today);
        if (current < 2 || offer.referenceCents() < 0) {
            return null;
        }
        PriceChange discount = h.changes().get(current);
        PriceChange raised = h.changes().get(current - 1);
        PriceChange before = h.changes().get(current - 2);
        boolean isDiscount = discount.cents() < raised.cents();
        boolean markedRaise = raised.cents() >= Math.round(before.cents() * (1 + rule.minRaise()));
        boolean shortly = !raised.from().isBefore(discount.from().minusDays(rule.windowDays()));
        if (isDiscount && markedRaise && shortly && offer.referenceCents() >= raised.cents()) {
            return new Finding(rule, raised.from() + " 由 " + yuan(before.cents()) + " 元提价至 " + yuan(raised.cents())
                    + " 元，" + discount.from() + " 起以 " + yuan(offer.referenceCents()) + " 元为划线价降至 "
                    + yuan(discount.cents()) + " 元", offer.referenceCents(), before.cents(), discount.from());
        }
        return null;
    }

    /** Art. 17(2): a reference price above every price the history records. */
    private static Finding groundlessBase(Rule rule, Offer offer, LocalDate today) {
        PriceHistory h = offer.history();
        if (offer.referenceCents() < 0 || h.changes().isEmpty()) {
            return null;
        }
        long highest = -1;
        for (PriceChange c : h.changes()) {
            if (!c.from().isAfter(today)) {
                highest = Math.max(highest, c.cents());
            }
        }
        if (highest < 0 || offer.referenceCents() <= highest) {
            return null;
        }
        return new Finding(rule, "划线价 " + yuan(offer.referenceCents()) + " 元高于自 " + h.changes().get(0).from()
                + " 起记录的最高价格 " + yuan(highest) + " 元", offer.referenceCents(), highest, h.changes().get(0).from());
    }

    /** Art. 20(1): a home-page price lower than the detail page's. */
    private static Finding homePriceLower(Rule rule, Offer offer, LocalDate today) {
        long detail = offer.history().priceOn(today);
        if (offer.homeCents() < 0 || detail < 0 || offer.homeCents() >= detail) {
            return null;
        }
        return new Finding(rule, "首页标示价 " + yuan(offer.homeCents()) + " 元低于详情页价格 " + yuan(detail) + " 元",
                offer.homeCents(), detail, today);
    }

    static String yuan(long cents) {
        return BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString();
    }
}
