package cn.wangjian.engine.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of the catalog: what it looks for, where it applies, what exempts a match, and the law it cites.
 *
 * @param category      the finding category used for statistics (e.g. {@code absolute_term})
 * @param appliesTo     product categories the rule applies to; empty for all
 * @param exempt        product categories the rule never applies to (e.g. drugs for disease claims)
 * @param terms         for {@link RuleKind#TERMS} the terms; for {@link RuleKind#UNSOURCED_CLAIM} and
 *                      {@link RuleKind#NUMBER_FORMAT} the triggers
 * @param allowedWords  longer lawful words that override a term inside them (最佳食用期 over 最佳)
 * @param exceptFollowedBy a match followed by one of these within {@code window} characters is a safe harbour
 * @param exceptPrecededBy a match preceded by one of these within {@code window} characters is a safe harbour
 * @param required      the statement a {@link RuleKind#MISSING_STATEMENT} rule requires (its source markers count as
 *                      the same statement in other words); with terms, it is required only where one of them is
 * @param sourceMarkers words that show a figure's source ({@link RuleKind#UNSOURCED_CLAIM}), or that turn a
 *                      term's finding into a hint because the claim is stated with its source and scope
 * @param numberPattern the regular expression a number after a trigger must match ({@link RuleKind#NUMBER_FORMAT})
 * @param evasionWatch  whether pinyin, homophone and look-alike spellings of the terms are looked for
 * @param wordBoundaries whether a match must sit on Chinese word boundaries (checked with a dictionary and
 *                      HanLP's segmenter around the hit); off for plain lists whose every occurrence counts
 */
public record Rule(String id, String category, String title, Severity severity, RuleKind kind,
                   List<LawReference> laws, Set<String> appliesTo, Set<String> exempt, List<String> terms,
                   List<String> allowedWords, List<String> exceptFollowedBy, List<String> exceptPrecededBy,
                   int window, String required, List<String> sourceMarkers, String numberPattern,
                   boolean evasionWatch, boolean wordBoundaries, String explanation) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        laws = List.copyOf(laws);
        appliesTo = Set.copyOf(appliesTo);
        exempt = Set.copyOf(exempt);
        terms = List.copyOf(terms);
        allowedWords = List.copyOf(allowedWords);
        exceptFollowedBy = List.copyOf(exceptFollowedBy);
        exceptPrecededBy = List.copyOf(exceptPrecededBy);
        sourceMarkers = List.copyOf(sourceMarkers);
        if (laws.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " cites no law");
        }
        switch (kind) {
            case TERMS, UNSOURCED_CLAIM, CLAIM -> {
                if (terms.isEmpty()) {
                    throw new IllegalArgumentException("rule " + id + " has no terms");
                }
            }
            case MISSING_STATEMENT -> {
                // where the statement is required: texts of the 'appliesTo' categories, or texts with a trigger term
                if (required == null || required.isBlank() || (appliesTo.isEmpty() && terms.isEmpty())) {
                    throw new IllegalArgumentException("rule " + id + " needs 'required' and 'appliesTo' or trigger 'terms'");
                }
            }
            case NUMBER_FORMAT -> {
                if (terms.isEmpty() || numberPattern == null) {
                    throw new IllegalArgumentException("rule " + id + " needs trigger terms and 'numberPattern'");
                }
            }
        }
    }

    /** A copy with more terms and more allowed (overriding) words, duplicates left out. */
    public Rule withMoreWords(List<String> moreTerms, List<String> moreAllowed) {
        java.util.LinkedHashSet<String> t = new java.util.LinkedHashSet<>(terms);
        t.addAll(moreTerms);
        java.util.LinkedHashSet<String> a = new java.util.LinkedHashSet<>(allowedWords);
        a.addAll(moreAllowed);
        return new Rule(id, category, title, severity, kind, laws, appliesTo, exempt, List.copyOf(t), List.copyOf(a),
                exceptFollowedBy, exceptPrecededBy, window, required, sourceMarkers, numberPattern, evasionWatch,
                wordBoundaries, explanation);
    }

    /** Whether the rule applies to a listing of this product category (null: unknown, general goods). */
    public boolean appliesTo(String productCategory) {
        String c = productCategory == null || productCategory.isBlank() ? "general" : productCategory;
        return !exempt.contains(c) && (appliesTo.isEmpty() || appliesTo.contains(c));
    }

    /**
     * The provision in force on the day of the conduct; for a day outside every period, the provision whose
     * period is nearest (the earliest one for conduct before them all, the latest after).
     */
    public LawReference lawOn(LocalDate conduct) {
        LawReference nearest = laws.get(0);
        long best = Long.MAX_VALUE;
        long day = conduct.toEpochDay();
        for (LawReference l : laws) {
            if (l.appliesOn(conduct)) {
                return l;
            }
            long from = l.effectiveFrom().toEpochDay();
            long to = l.effectiveTo() == null ? Long.MAX_VALUE : l.effectiveTo().toEpochDay();
            long distance = day < from ? from - day : day - to;
            if (distance < best) {
                best = distance;
                nearest = l;
            }
        }
        return nearest;
    }
}
