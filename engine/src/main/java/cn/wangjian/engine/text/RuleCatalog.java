package cn.wangjian.engine.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A versioned set of rules, read from JSON files: one {@code catalog.json} naming the version, the product
 * categories and the rule files, and the rule files themselves. Every problem is reported with the file, the rule
 * and the field.
 */
public final class RuleCatalog {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
    private static final String BUILT_IN = "/cn/wangjian/engine/rules/";

    private final String version;
    private final Map<String, String> productCategories;
    private final List<Rule> rules;
    private final LawfulText lawfulText;
    private final Map<String, ClaimSpec> claims;
    private final List<CategoryCues> categoryCues;
    private final Map<String, String> ruleCategoryNames;

    /**
     * Words that show a page's product category when nobody gave it (a crawled ad page): each cue counts 1, each
     * strong cue (an approval-number marker such as 国药准字) {@value #STRONG}; the category with most weight wins.
     */
    public record CategoryCues(String category, List<String> cues, List<String> strongCues) {
        public static final int STRONG = 3;

        public CategoryCues {
            cues = List.copyOf(cues);
            strongCues = List.copyOf(strongCues);
            if (cues.isEmpty() && strongCues.isEmpty()) {
                throw new IllegalArgumentException("category cues of '" + category + "' are empty");
            }
        }
    }

    public RuleCatalog(String version, Map<String, String> productCategories, List<Rule> rules) {
        this(version, productCategories, rules, LawfulText.NONE, Map.of());
    }

    /** A catalog; every {@link RuleKind#CLAIM} rule needs its {@link ClaimSpec} in {@code claims}, by rule id. */
    public RuleCatalog(String version, Map<String, String> productCategories, List<Rule> rules,
                       LawfulText lawfulText, Map<String, ClaimSpec> claims) {
        this(version, productCategories, rules, lawfulText, claims, List.of(), Map.of());
    }

    /**
     * A catalog with the cues that infer a page's product category ({@link TextScanner#scanPage}) and the names
     * officers read for the finding categories.
     */
    public RuleCatalog(String version, Map<String, String> productCategories, List<Rule> rules,
                       LawfulText lawfulText, Map<String, ClaimSpec> claims, List<CategoryCues> categoryCues,
                       Map<String, String> ruleCategoryNames) {
        this.ruleCategoryNames = Map.copyOf(ruleCategoryNames);
        this.categoryCues = List.copyOf(categoryCues);
        Set<String> cued = new HashSet<>();
        for (CategoryCues c : this.categoryCues) {
            if (!productCategories.containsKey(c.category())) {
                throw new IllegalArgumentException("categoryCues: unknown product category '" + c.category() + "'");
            }
            if (!cued.add(c.category())) {
                throw new IllegalArgumentException("categoryCues: category '" + c.category() + "' given twice");
            }
        }
        this.lawfulText = java.util.Objects.requireNonNull(lawfulText, "lawfulText");
        this.claims = Map.copyOf(claims);
        for (Rule r : rules) {
            if (r.kind() == RuleKind.CLAIM && !this.claims.containsKey(r.id())) {
                throw new IllegalArgumentException("rule " + r.id() + " is a claim rule without its 'claim' part");
            }
        }
        this.version = version;
        this.productCategories = Map.copyOf(productCategories);
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("duplicate rule id " + r.id());
            }
            for (String c : concat(r.appliesTo(), r.exempt())) {
                if (!productCategories.containsKey(c)) {
                    throw new IllegalArgumentException("rule " + r.id() + ": unknown product category '" + c + "'");
                }
            }
        }
    }

    public String version() {
        return version;
    }

    public Map<String, String> productCategories() {
        return productCategories;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Where a rule's word is lawful text (titles, negations, composition statements). */
    public LawfulText lawfulText() {
        return lawfulText;
    }

    /** The claim part of each {@link RuleKind#CLAIM} rule, by rule id. */
    public Map<String, ClaimSpec> claims() {
        return claims;
    }

    /** The names officers read for finding categories ({@code ruleCategories} of catalog.json); may miss some. */
    public Map<String, String> ruleCategoryNames() {
        return ruleCategoryNames;
    }

    /** The cues that infer a page's product category, in order of precedence. */
    public List<CategoryCues> categoryCues() {
        return categoryCues;
    }

    /** The catalog shipped with the engine. */
    public static RuleCatalog builtIn() {
        return read(name -> RuleCatalog.class.getResourceAsStream(BUILT_IN + name), "classpath:" + BUILT_IN);
    }

    /** A catalog from a directory that holds {@code catalog.json} and the rule files it names. */
    public static RuleCatalog load(Path directory) {
        return read(name -> {
            Path file = directory.resolve(name);
            try {
                return Files.exists(file) ? Files.newInputStream(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, directory.toString());
    }

    /** A copy with more rules (used by benchmarks and by officers' additions). */
    public RuleCatalog with(String newVersion, List<Rule> more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new RuleCatalog(newVersion, productCategories, all, lawfulText, claims, categoryCues,
                ruleCategoryNames);
    }

    /**
     * A rule written in the catalog files' JSON form (used for officers' additions); the message of a
     * {@link CatalogException} names the source, the rule and the field.
     */
    public static Rule parseRule(JsonNode rule, String source) {
        return rule(rule, source);
    }

    /**
     * A copy with more terms and allowed words for existing rules (by rule id) and whole new rules; unknown rule
     * ids and duplicate new ids are rejected.
     */
    public RuleCatalog withAdditions(String newVersion, Map<String, List<String>> moreTerms,
                                     Map<String, List<String>> moreAllowed, List<Rule> newRules) {
        Set<String> ids = new java.util.HashSet<>();
        rules.forEach(r -> ids.add(r.id()));
        for (String id : concat(moreTerms.keySet(), moreAllowed.keySet())) {
            if (!ids.contains(id)) {
                throw new CatalogException("没有规则 " + id + " (no such rule)");
            }
        }
        List<Rule> all = new ArrayList<>();
        for (Rule r : rules) {
            List<String> t = moreTerms.getOrDefault(r.id(), List.of());
            List<String> a = moreAllowed.getOrDefault(r.id(), List.of());
            all.add(t.isEmpty() && a.isEmpty() ? r : r.withMoreWords(t, a));
        }
        for (Rule r : newRules) {
            if (!ids.add(r.id())) {
                throw new CatalogException("规则编号 " + r.id() + " 已存在 (duplicate rule id)");
            }
            all.add(r);
        }
        try {
            return new RuleCatalog(newVersion, productCategories, all, lawfulText, claims, categoryCues,
                ruleCategoryNames);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(e.getMessage());
        }
    }

    private interface Source {
        InputStream open(String name);
    }

    private static RuleCatalog read(Source source, String where) {
        JsonNode index = parse(source, "catalog.json", where);
        String version = text(index, "version", "catalog.json", null, true);
        Map<String, String> categories = new LinkedHashMap<>();
        index.path("productCategories").fields().forEachRemaining(e -> categories.put(e.getKey(), e.getValue().asText()));
        if (categories.isEmpty()) {
            throw new CatalogException(where + "/catalog.json: 'productCategories' is missing or empty");
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, ClaimSpec> claims = new LinkedHashMap<>();
        for (JsonNode f : index.path("files")) {
            String file = f.asText();
            JsonNode doc = parse(source, file, where);
            for (JsonNode r : doc.path("rules")) {
                Rule rule = rule(r, file);
                rules.add(rule);
                if (rule.kind() == RuleKind.CLAIM) {
                    claims.put(rule.id(), claim(r.path("claim"), file, rule.id()));
                }
            }
        }
        try {
            Map<String, String> names = new LinkedHashMap<>();
            index.path("ruleCategories").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
            return new RuleCatalog(version, categories, rules, lawfulText(index.path("lawfulText")), claims,
                    categoryCues(index.path("categoryCues")), names);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": " + e.getMessage());
        }
    }

    private static ClaimSpec claim(JsonNode n, String file, String id) {
        if (n.isMissingNode() || n.isNull()) {
            throw new CatalogException(file + ": rule " + id + ": field 'claim' is required for a claim rule");
        }
        List<java.util.regex.Pattern> supports = new ArrayList<>();
        for (String p : list(n, "supports")) {
            try {
                supports.add(java.util.regex.Pattern.compile(p));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new CatalogException(file + ": rule " + id + ": field 'claim.supports': '" + p
                        + "' is not a regular expression: " + e.getDescription());
            }
        }
        String unsupported = text(n, "unsupported", file, id, false);
        try {
            return new ClaimSpec(list(n, "changes"), supports, n.path("window").asInt(12),
                    unsupported == null ? Severity.MEDIUM : Severity.parse(unsupported));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(file + ": rule " + id + ": " + e.getMessage());
        }
    }

    private static List<CategoryCues> categoryCues(JsonNode n) {
        List<CategoryCues> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : n) {
            String category = c.path("category").asText("");
            if (category.isBlank()) {
                throw new CatalogException("catalog.json: categoryCues[" + i + "]: field 'category' is required");
            }
            try {
                out.add(new CategoryCues(category, list(c, "cues"), list(c, "strongCues")));
            } catch (IllegalArgumentException e) {
                throw new CatalogException("catalog.json: categoryCues[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        return out;
    }

    private static LawfulText lawfulText(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return LawfulText.NONE;
        }
        return new LawfulText(list(n, "titleMarks"), n.path("titleMaxLength").asInt(40), list(n, "negations"),
                n.path("negationWindow").asInt(12), Set.copyOf(list(n, "negatedCategories")),
                list(n, "statementMarkers"), Set.copyOf(list(n, "statementCategories")),
                list(n, "statementSuffixes"));
    }

    private static JsonNode parse(Source source, String name, String where) {
        try (InputStream in = source.open(name)) {
            if (in == null) {
                throw new CatalogException(where + "/" + name + ": file not found");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new CatalogException(where + "/" + name + ": not valid JSON: " + e.getMessage());
        }
    }

    private static Rule rule(JsonNode r, String file) {
        String id = text(r, "id", file, null, true);
        try {
            List<LawReference> laws = new ArrayList<>();
            for (JsonNode l : r.path("laws")) {
                laws.add(new LawReference(text(l, "law", file, id, true), text(l, "article", file, id, true),
                        text(l, "penaltyArticle", file, id, false), date(l, "effectiveFrom", file, id, true),
                        date(l, "effectiveTo", file, id, false),
                        text(l, "verification", file, id, false)));
            }
            String kind = text(r, "kind", file, id, false);
            String window = text(r, "window", file, id, false);
            return new Rule(id, text(r, "category", file, id, true), text(r, "title", file, id, true),
                    Severity.parse(text(r, "severity", file, id, true)),
                    kind == null ? RuleKind.TERMS : RuleKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
                    laws, Set.copyOf(list(r, "appliesTo")), Set.copyOf(list(r, "exempt")), list(r, "terms"),
                    list(r, "allowedWords"), list(r, "exceptFollowedBy"), list(r, "exceptPrecededBy"),
                    window == null ? 6 : Integer.parseInt(window), text(r, "required", file, id, false),
                    list(r, "sourceMarkers"), text(r, "numberPattern", file, id, false),
                    r.path("evasionWatch").asBoolean(true), r.path("wordBoundaries").asBoolean(true),
                    text(r, "explanation", file, id, true));
        } catch (CatalogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CatalogException(file + ": rule " + id + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String file, String rule, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                throw new CatalogException(file + (rule == null ? "" : ": rule " + rule) + ": field '" + field
                        + "' is required");
            }
            return null;
        }
        return v.asText();
    }

    private static LocalDate date(JsonNode node, String field, String file, String rule, boolean required) {
        String s = text(node, field, file, rule, required);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new CatalogException(file + ": rule " + rule + ": field '" + field + "' is not a date (YYYY-MM-DD): " + s);
        }
    }

    private static List<String> list(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : node.path(field)) {
            out.add(v.asText());
        }
        return out;
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A catalog that cannot be used; the message names the file, rule and field. */
    public static final class CatalogException extends RuntimeException {
        public CatalogException(String message) {
            super(message);
        }
    }
}
