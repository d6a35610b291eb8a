package cn.wangjian.engine.listing;

import cn.wangjian.engine.text.LawReference;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.Severity;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks of a listing as a whole — its product category, its price, who sells it and where that seller is
 * registered — that a scan of its words cannot decide alone: the seven-day no-reason return as the law draws it
 * (a statutory exclusion, an exclusion that needs the buyer's confirmation, conditions the law does not allow), a
 * brand of the rights holders' dictionary with a counterfeit signal or a price far below the brand's reference, and
 * a geographical indication used by a seller outside its production area. Rules, dictionaries and citations are
 * data ({@code listing-rules.json}); the checks are small and pure.
 */
public final class ListingChecks {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
    private static final String BUILT_IN = "/cn/wangjian/engine/listing/listing-rules.json";

    /** What a rule checks. */
    public enum Check {
        RETURN_EXCLUSION_UNFOUNDED, RETURN_CONFIRMATION_MISSING, RETURN_CONDITIONS_ADDED, BRAND_SIGNAL, BRAND_PRICE,
        GI_OUTSIDE_ORIGIN, GI_USER_UNLISTED, PRICE_TEXT_RATIO
    }

    /** One rule: what it checks, the finding category, the provisions by period, its monitoring parameters. */
    public record Rule(String id, Check check, String category, String title, Severity severity,
                       List<LawReference> laws, Map<String, Double> parameters, String explanation) {
        public Rule {
            laws = List.copyOf(laws);
            parameters = Map.copyOf(parameters);
            if (laws.isEmpty()) {
                throw new IllegalArgumentException("rule " + id + " cites no law");
            }
        }

        /** The provision in force on the day of the conduct (the nearest period for a day outside them all). */
        public LawReference lawOn(LocalDate conduct) {
            LawReference nearest = laws.get(0);
            for (LawReference l : laws) {
                if (l.appliesOn(conduct)) {
                    return l;
                }
                if (!conduct.isBefore(l.effectiveFrom())) {
                    nearest = l;
                }
            }
            return nearest;
        }
    }

    /**
     * A listing as the checks see it. {@code priceCents}, {@code sellerCreditCode} and {@code sellerRegion} may be
     * null (unknown): the checks that need them then say nothing.
     */
    public record Listing(String category, String title, String description, Long priceCents, String sellerCreditCode,
                          String sellerRegion) {
        String text() {
            String t = title == null ? "" : title;
            return description == null ? t : t + "\n" + description;
        }

        int titleLength() {
            return title == null ? 0 : title.length();
        }
    }

    /**
     * A finding: the rule, the provision for the day, where in the listing ({@code title} or {@code description},
     * offsets in that field) and what was matched, and a sentence for officers.
     */
    public record Finding(Rule rule, LawReference law, String field, int start, int end, String matched,
                          String detail) {

        /** In the text scanner's form (offsets as in the field), for callers that take both kinds together. */
        public cn.wangjian.engine.text.Finding asTextFinding() {
            return new cn.wangjian.engine.text.Finding(rule.id(), rule.category(), law.law(), law.article(),
                    rule.severity(), start, end, matched, null, 1.0, cn.wangjian.engine.text.Finding.MatchKind.STRUCTURE,
                    detail);
        }
    }

    /** A brand of the rights holders' dictionary: reference prices in cents by product category. */
    public record Brand(String brand, List<String> aliases, String rightsHolder, Map<String, Long> referencePrices,
                        Set<String> authorisedSellers) {
    }

    /** A geographical indication: its production area as region-code prefixes, and its authorised users. */
    public record Indication(String name, List<String> regions, Set<String> authorisedUsers) {
    }

    /** A kind of lawful exclusion from the no-reason return: the words or product categories that show it. */
    record Exclusion(String kind, List<String> words, Set<String> categories) {
    }

    /** How a reference price and a selling price are read from a page's text; group 2 of each is the amount. */
    record PriceText(java.util.regex.Pattern reference, java.util.regex.Pattern selling, int window,
                     String mustContain) {
    }

    record Returns(List<String> exclusions, List<String> anchors, List<Exclusion> statutory,
                   List<Exclusion> confirmable, List<String> confirmations, List<String> conditions, int window) {
    }

    private final String version;
    private final Map<Check, Rule> rules;
    private final Returns returns;
    private final List<Brand> brands;
    private final List<String> accessoryWords;
    /** The text catalog's rule whose terms are the counterfeit signal words, and those words (upper-cased). */
    private final String signalRule;
    private final List<String> signals;
    private final List<Indication> indications;
    private final Map<String, String> categoryNames;
    private final PriceText priceText;

    private ListingChecks(String version, Map<Check, Rule> rules, Returns returns, List<Brand> brands,
                          List<String> accessoryWords, String signalRule, List<String> signals,
                          List<Indication> indications, Map<String, String> categoryNames, PriceText priceText) {
        this.priceText = priceText;
        this.signalRule = signalRule;
        this.version = version;
        this.rules = rules;
        this.returns = returns;
        this.brands = brands;
        this.accessoryWords = accessoryWords;
        this.signals = signals;
        this.indications = indications;
        this.categoryNames = categoryNames;
    }

    /**
     * The checks shipped with the engine; the counterfeit signal words are those of the text catalog's rule named
     * by {@code counterfeitSignalsFrom} (TM-57-COUNTERFEIT), so that words officers add there count here too.
     */
    public static ListingChecks builtIn(RuleCatalog catalog) {
        try (InputStream in = ListingChecks.class.getResourceAsStream(BUILT_IN)) {
            return parse(in, "classpath:" + BUILT_IN, catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same checks with the signal words of another text catalog (officers changed the rules): the rule file is
     * not read again.
     */
    public ListingChecks withSignalsOf(RuleCatalog catalog) {
        return new ListingChecks(version, rules, returns, brands, accessoryWords, signalRule,
                signalsOf(catalog, signalRule), indications, categoryNames, priceText);
    }

    private static List<String> signalsOf(RuleCatalog catalog, String rule) {
        return catalog.rules().stream().filter(r -> r.id().equals(rule)).findFirst()
                .map(cn.wangjian.engine.text.Rule::terms).orElse(List.of()).stream()
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    public String version() {
        return version;
    }

    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    public List<Brand> brands() {
        return brands;
    }

    public List<Indication> indications() {
        return indications;
    }

    /** Every finding of the listing, for conduct on {@code conduct}. */
    public List<Finding> check(Listing l, LocalDate conduct) {
        List<Finding> out = new ArrayList<>();
        String text = l.text();
        String upper = hasAsciiLetter(text) ? text.toUpperCase(Locale.ROOT) : text;
        String category = l.category() == null || l.category().isBlank() ? "general" : l.category();
        returnsOf(l, text, category, conduct, out);
        brandsOf(l, text, upper, category, conduct, out);
        indicationsOf(l, text, conduct, out);
        priceTextOf(l, text, conduct, out);
        return out;
    }

    // ------------------------------------------------------------------------------------ prices written in text

    private void priceTextOf(Listing l, String text, LocalDate conduct, List<Finding> out) {
        Rule rule = rules.get(Check.PRICE_TEXT_RATIO);
        if (rule == null || priceText == null) {
            return;
        }
        double maxRatio = rule.parameters().getOrDefault("maxRatio", 0.1);
        String key = priceText.mustContain();
        // the expression runs only around each occurrence of the character every reference holds (价), or over the
        // whole text when the rule file names none
        for (int at = key.isEmpty() ? 0 : text.indexOf(key); at >= 0;
             at = key.isEmpty() ? -1 : text.indexOf(key, at + key.length())) {
            java.util.regex.Matcher ref = priceText.reference().matcher(text).region(
                    key.isEmpty() ? 0 : Math.max(0, at - 4), key.isEmpty() ? text.length() : Math.min(text.length(), at + 24));
            while (ref.find()) {
                if (implausible(l, text, ref, maxRatio, conduct, out)) {
                    return;
                }
            }
        }
    }

    /** A selling price near this reference below {@code maxRatio} of it: the finding is added. */
    private boolean implausible(Listing l, String text, java.util.regex.Matcher ref, double maxRatio,
                                LocalDate conduct, List<Finding> out) {
        double reference = Double.parseDouble(ref.group(2));
        int from = Math.max(0, ref.start() - priceText.window());
        int to = Math.min(text.length(), ref.end() + priceText.window());
        java.util.regex.Matcher sell = priceText.selling().matcher(text).region(from, to);
        while (sell.find()) {
            if (sell.start() < ref.end() && sell.end() > ref.start()) {
                continue; // the reference itself
            }
            double selling = Double.parseDouble(sell.group(2));
            if (reference > 0 && selling > 0 && selling < reference * maxRatio) {
                add(out, l, Check.PRICE_TEXT_RATIO, conduct, Math.min(ref.start(), sell.start()),
                        Math.max(ref.end(), sell.end()), String.format(Locale.ROOT,
                                "页面标示“%s”与“%s”，售价为所标原价的 %.1f%%。", ref.group(), sell.group(),
                                100 * selling / reference));
                return true;
            }
        }
        return false;
    }

    /**
     * The findings on a bare text of this product category (no price, no seller known), in the text scanner's form:
     * what the suite evaluations count beside the scanner's findings.
     */
    public List<cn.wangjian.engine.text.Finding> checkText(String category, String text, LocalDate conduct) {
        return check(new Listing(category, text, null, null, null, null), conduct).stream()
                .map(Finding::asTextFinding).toList();
    }

    // ------------------------------------------------------------------------------------------ the no-reason return

    private void returnsOf(Listing l, String text, String category, LocalDate conduct, List<Finding> out) {
        int[] excluded = first(text, returns.exclusions());
        if (excluded != null) {
            if (shows(text, category, returns.statutory()) != null) {
                return; // a statutory exclusion shown on the listing: lawful without a confirmation
            }
            Exclusion confirmable = shows(text, category, returns.confirmable());
            String said = text.substring(excluded[0], excluded[1]);
            if (confirmable != null) {
                if (first(text, returns.confirmations()) == null) {
                    add(out, l, Check.RETURN_CONFIRMATION_MISSING, conduct, excluded[0], excluded[1], "声明“" + said
                            + "”，商品属于" + confirmable.kind() + "，须经消费者在购买时确认，页面未见确认程序的说明。");
                }
                return;
            }
            add(out, l, Check.RETURN_EXCLUSION_UNFOUNDED, conduct, excluded[0], excluded[1],
                    categoryNames.getOrDefault(category, "商品") + "声明“" + said
                            + "”，页面未标明属于定制、鲜活易腐、数字化商品或报纸期刊等法定不适用情形。");
            return;
        }
        for (String anchor : returns.anchors()) {
            for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
                int from = at + anchor.length();
                int to = Math.min(text.length(), from + returns.window());
                for (int i = from; i < to; i++) {
                    if ("。！？!?\n".indexOf(text.charAt(i)) >= 0) {
                        to = i;
                        break;
                    }
                }
                String window = text.substring(from, to);
                for (String c : returns.conditions()) {
                    int k = window.indexOf(c);
                    if (k >= 0 && !negatedBefore(window, k)) {
                        int end = from + k + c.length();
                        add(out, l, Check.RETURN_CONDITIONS_ADDED, conduct, at, end,
                                "七日无理由退货附加条件“" + text.substring(at, end) + "”。");
                        return;
                    }
                }
            }
        }
    }

    /** 不收取手续费、免手续费、无折旧费: the condition's absence. */
    private static boolean negatedBefore(String window, int k) {
        for (int i = Math.max(0, k - 3); i < k; i++) {
            if ("不无免".indexOf(window.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Exclusion shows(String text, String category, List<Exclusion> kinds) {
        for (Exclusion e : kinds) {
            if (e.categories().contains(category) || first(text, e.words()) != null) {
                return e;
            }
        }
        return null;
    }

    // ----------------------------------------------------------------------------------------------------- brands

    private void brandsOf(Listing l, String text, String upper, String category, LocalDate conduct,
                          List<Finding> out) {
        for (Brand b : brands) {
            if (l.sellerCreditCode() != null && b.authorisedSellers().contains(l.sellerCreditCode())) {
                continue;
            }
            int[] at = brandAt(upper, b);
            if (at == null) {
                continue;
            }
            String name = text.substring(at[0], at[1]);
            int[] signal = first(upper, signals);
            if (signal != null) {
                int start = Math.min(at[0], signal[0]);
                int end = Math.max(at[1], signal[1]);
                add(out, l, Check.BRAND_SIGNAL, conduct, start, end, "品牌“" + b.brand() + "”（权利人 " + b.rightsHolder()
                        + "）与信号词“" + text.substring(signal[0], signal[1]) + "”同现，销售者不在授权名单中。");
                continue;
            }
            Long reference = b.referencePrices().get(category);
            Rule rule = rules.get(Check.BRAND_PRICE);
            if (reference == null || l.priceCents() == null || rule == null || first(text, accessoryWords) != null) {
                continue;
            }
            double ratio = rule.parameters().getOrDefault("maxRatio", 0.3);
            if (l.priceCents() > 0 && l.priceCents() < reference * ratio) {
                add(out, l, Check.BRAND_PRICE, conduct, at[0], at[1], String.format(Locale.ROOT,
                        "标有“%s”的商品售价 %s 元，不足品牌参考价 %s 元的 %.0f%%（权利人 %s）。", name,
                        yuan(l.priceCents()), yuan(reference), ratio * 100, b.rightsHolder()));
            }
        }
    }

    /** The first alias of the brand in the upper-cased text, on Latin word boundaries and not after 非/不是. */
    private static int[] brandAt(String upper, Brand b) {
        for (String alias : b.aliases()) {
            String a = alias.toUpperCase(Locale.ROOT);
            for (int at = upper.indexOf(a); at >= 0; at = upper.indexOf(a, at + 1)) {
                int end = at + a.length();
                boolean latin = isAsciiAlnum(a.charAt(0));
                if (latin && ((at > 0 && isAsciiAlnum(upper.charAt(at - 1)))
                        || (end < upper.length() && isAsciiAlnum(upper.charAt(end))))) {
                    continue;
                }
                if ((at > 0 && upper.charAt(at - 1) == '非') || upper.startsWith("不是", Math.max(0, at - 2))) {
                    continue;
                }
                return new int[] {at, end};
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------ geographical indications

    private void indicationsOf(Listing l, String text, LocalDate conduct, List<Finding> out) {
        if (l.sellerRegion() == null || l.sellerRegion().isBlank()) {
            return;
        }
        for (Indication gi : indications) {
            int at = text.indexOf(gi.name());
            if (at < 0 || (l.sellerCreditCode() != null && gi.authorisedUsers().contains(l.sellerCreditCode()))) {
                continue;
            }
            int end = at + gi.name().length();
            boolean inside = gi.regions().stream().anyMatch(l.sellerRegion()::startsWith);
            if (!inside) {
                add(out, l, Check.GI_OUTSIDE_ORIGIN, conduct, at, end, "使用地理标志产品名称“" + gi.name()
                        + "”，经营者登记地（" + l.sellerRegion() + "）不在产地范围（" + String.join("、", gi.regions())
                        + "）内，也不在授权使用者名单中。");
            } else if (!gi.authorisedUsers().isEmpty()) {
                add(out, l, Check.GI_USER_UNLISTED, conduct, at, end, "使用地理标志产品名称“" + gi.name()
                        + "”，经营者在产地范围内，但不在已登记的授权使用者名单中。");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private void add(List<Finding> out, Listing l, Check check, LocalDate conduct, int start, int end, String detail) {
        Rule rule = rules.get(check);
        if (rule == null) {
            return; // the rule file does not carry this check
        }
        int titleEnd = l.titleLength();
        boolean inTitle = start < titleEnd || l.description() == null;
        int offset = inTitle ? 0 : titleEnd + 1;
        String fieldText = inTitle ? (l.title() == null ? "" : l.title()) : l.description();
        int s = Math.max(0, Math.min(fieldText.length(), start - offset));
        int e = Math.max(s, Math.min(fieldText.length(), end - offset));
        String matched = l.text().substring(start, end);
        out.add(new Finding(rule, rule.lawOn(conduct), inTitle ? "title" : "description", s, e, matched,
                detail + rule.explanation()));
    }

    private static int[] first(String text, List<String> words) {
        int best = -1;
        int bestEnd = -1;
        for (String w : words) {
            int at = text.indexOf(w);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                bestEnd = at + w.length();
            }
        }
        return best < 0 ? null : new int[] {best, bestEnd};
    }

    private static boolean hasAsciiLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String yuan(long cents) {
        return cents % 100 == 0 ? Long.toString(cents / 100) : String.format(Locale.ROOT, "%.2f", cents / 100.0);
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** Thrown for a rule file that cannot be used; the message names the file, the entry and the field. */
    public static final class RulesException extends RuntimeException {
        public RulesException(String message) {
            super(message);
        }
    }

    static ListingChecks parse(InputStream in, String where, RuleCatalog catalog) {
        if (in == null) {
            throw new RulesException(where + ": not found");
        }
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new RulesException(where + ": not valid JSON: " + e.getMessage());
        }
        String version = required(root, "version", where);
        Map<Check, Rule> rules = new EnumMap<>(Check.class);
        int i = 0;
        for (JsonNode r : root.path("rules")) {
            String at = where + ": rules[" + i++ + "]";
            String id = required(r, "id", at);
            at = where + ": rule " + id;
            Check check;
            try {
                check = Check.valueOf(required(r, "check", at));
            } catch (IllegalArgumentException e) {
                throw new RulesException(at + ": field 'check': unknown check '" + r.path("check").asText() + "'");
            }
            List<LawReference> laws = new ArrayList<>();
            for (JsonNode law : r.path("laws")) {
                laws.add(new LawReference(required(law, "law", at), required(law, "article", at),
                        law.path("penaltyArticle").asText(null), date(law, "effectiveFrom", at, true),
                        date(law, "effectiveTo", at, false), law.path("verification").asText(null)));
            }
            if (laws.isEmpty()) {
                throw new RulesException(at + ": field 'laws' is required");
            }
            Map<String, Double> parameters = new LinkedHashMap<>();
            r.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asDouble()));
            Severity severity;
            try {
                severity = Severity.parse(required(r, "severity", at));
            } catch (IllegalArgumentException e) {
                throw new RulesException(at + ": field 'severity': " + e.getMessage());
            }
            if (rules.put(check, new Rule(id, check, required(r, "category", at), required(r, "title", at), severity,
                    laws, parameters, required(r, "explanation", at))) != null) {
                throw new RulesException(at + ": check " + check + " is given twice");
            }
        }
        JsonNode ret = root.path("returns");
        Returns returns = new Returns(list(ret, "exclusions"), list(ret, "anchors"),
                exclusions(ret.path("statutory"), where + ": returns.statutory", catalog),
                exclusions(ret.path("confirmable"), where + ": returns.confirmable", catalog),
                list(ret, "confirmations"), list(ret, "conditions"), ret.path("window").asInt(24));
        if (returns.window() < 1 || returns.window() > 200) {
            throw new RulesException(where + ": returns.window must be 1 to 200 characters");
        }
        List<Brand> brands = new ArrayList<>();
        i = 0;
        for (JsonNode b : root.path("brands")) {
            String at = where + ": brands[" + i++ + "]";
            List<String> aliases = list(b, "aliases");
            if (aliases.isEmpty() || aliases.stream().anyMatch(String::isBlank)) {
                throw new RulesException(at + ": field 'aliases' needs at least one non-blank alias");
            }
            Map<String, Long> prices = new LinkedHashMap<>();
            var fields = b.path("referencePrices").fields();
            while (fields.hasNext()) {
                var e = fields.next();
                if (!catalog.productCategories().containsKey(e.getKey())) {
                    throw new RulesException(at + ": field 'referencePrices': unknown product category '" + e.getKey() + "'");
                }
                if (!e.getValue().canConvertToLong() || e.getValue().asLong() <= 0) {
                    throw new RulesException(at + ": field 'referencePrices." + e.getKey()
                            + "' must be a positive whole number of cents");
                }
                prices.put(e.getKey(), e.getValue().asLong());
            }
            brands.add(new Brand(required(b, "brand", at), aliases, required(b, "rightsHolder", at), Map.copyOf(prices),
                    Set.copyOf(list(b, "authorisedSellers"))));
        }
        List<Indication> indications = new ArrayList<>();
        i = 0;
        for (JsonNode g : root.path("geographicalIndications")) {
            String at = where + ": geographicalIndications[" + i++ + "]";
            List<String> regions = list(g, "regions");
            if (regions.isEmpty() || regions.stream().anyMatch(r -> !r.matches("\\d{2,6}"))) {
                throw new RulesException(at + ": field 'regions' needs region-code prefixes of 2 to 6 digits");
            }
            indications.add(new Indication(required(g, "name", at), regions, Set.copyOf(list(g, "authorisedUsers"))));
        }
        String signalRule = root.path("counterfeitSignalsFrom").asText(""); // none named: no signal words
        PriceText priceText = null;
        JsonNode pt = root.path("priceText");
        if (!pt.isMissingNode()) {
            priceText = new PriceText(pattern(pt, "reference", where), pattern(pt, "selling", where),
                    pt.path("window").asInt(30), pt.path("mustContain").asText(""));
        }
        return new ListingChecks(version, rules, returns, List.copyOf(brands), list(root, "accessoryWords"),
                signalRule, signalsOf(catalog, signalRule), List.copyOf(indications), catalog.productCategories(),
                priceText);
    }

    /** A regular expression whose group 2 is an amount; one that matches the empty text is refused. */
    private static java.util.regex.Pattern pattern(JsonNode n, String field, String where) {
        String at = where + ": priceText." + field;
        String regex = required(n, field, where + ": priceText");
        java.util.regex.Pattern p;
        try {
            p = java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new RulesException(at + ": not a regular expression: " + e.getDescription());
        }
        if (p.matcher("").groupCount() < 2) {
            throw new RulesException(at + ": needs the amount as group 2");
        }
        if (p.matcher("").matches()) {
            throw new RulesException(at + ": matches the empty text");
        }
        return p;
    }

    private static List<Exclusion> exclusions(JsonNode n, String at, RuleCatalog catalog) {
        List<Exclusion> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : n) {
            String here = at + "[" + i++ + "]";
            Set<String> categories = Set.copyOf(list(e, "categories"));
            for (String c : categories) {
                if (!catalog.productCategories().containsKey(c)) {
                    throw new RulesException(here + ": field 'categories': unknown product category '" + c + "'");
                }
            }
            List<String> words = list(e, "words");
            if (words.isEmpty() && categories.isEmpty()) {
                throw new RulesException(here + ": needs 'words' or 'categories'");
            }
            out.add(new Exclusion(required(e, "kind", here), words, categories));
        }
        return List.copyOf(out);
    }

    private static String required(JsonNode n, String field, String at) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new RulesException(at + ": field '" + field + "' is required");
        }
        return v.asText();
    }

    private static LocalDate date(JsonNode n, String field, String at, boolean required) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                throw new RulesException(at + ": field '" + field + "' is required (the day the provision took effect)");
            }
            return null;
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new RulesException(at + ": field '" + field + "': '" + v.asText() + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static List<String> list(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
