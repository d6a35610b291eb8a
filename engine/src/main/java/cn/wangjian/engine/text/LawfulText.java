package cn.wangjian.engine.text;

import java.util.List;
import java.util.Set;

/**
 * Text in which a rule's word is lawful, so that a match there is at most a hint: the titles of works between
 * paired marks (《…》, 〈…〉), clauses that negate what follows (本品不能代替药物、不具有疾病治疗功能) for the rule
 * categories a negation defuses, and composition or standard statements (成分：棉100%) for the categories they
 * defuse. Read from {@code catalog.json} ({@code "lawfulText"}); the catalog's data, not code.
 *
 * @param titleMarks        pairs of opening and closing marks, each two characters ("《》")
 * @param titleMaxLength    the longest title looked for (characters between the marks)
 * @param negations         words that negate the rest of their clause
 * @param negationWindow    how far back in the clause a negation is looked for (characters)
 * @param negatedCategories rule categories a negation defuses (medical_claim, health_food_claim, …)
 * @param statementMarkers  words that open a composition, material or standard statement (成分, 材质, 执行标准)
 * @param statementCategories rule categories such a statement defuses (unsourced_claim: 棉100% is not a statistic)
 * @param statementSuffixes units right after a figure that make it a statement (40%vol, 47.3%（重量/重量）)
 */
public record LawfulText(List<String> titleMarks, int titleMaxLength, List<String> negations, int negationWindow,
                         Set<String> negatedCategories, List<String> statementMarkers,
                         Set<String> statementCategories, List<String> statementSuffixes) {

    public static final LawfulText NONE = new LawfulText(List.of(), 0, List.of(), 0, Set.of(), List.of(), Set.of(),
            List.of());

    private static final String CLAUSE_ENDS = "，。；！？,.;!?\n\r|/";

    public LawfulText {
        titleMarks = List.copyOf(titleMarks);
        negations = List.copyOf(negations);
        negatedCategories = Set.copyOf(negatedCategories);
        statementMarkers = List.copyOf(statementMarkers);
        statementCategories = Set.copyOf(statementCategories);
        statementSuffixes = List.copyOf(statementSuffixes);
        for (String m : titleMarks) {
            if (m.length() != 2) {
                throw new IllegalArgumentException("lawfulText.titleMarks: '" + m + "' is not an opening and a closing mark");
            }
        }
        if (titleMaxLength < 0 || negationWindow < 0) {
            throw new IllegalArgumentException("lawfulText: lengths must not be negative");
        }
    }

    /** Why the match [start, end) of a rule of {@code category} is lawful text, or null when it is not. */
    String why(String text, int start, int end, String category) {
        if (insideTitle(text, start, end)) {
            return "title";
        }
        if (negatedCategories.contains(category) && negated(text, start)) {
            return "negation";
        }
        if (statementCategories.contains(category) && (inStatement(text, start) || followedByUnit(text, end))) {
            return "statement";
        }
        return null;
    }

    private boolean insideTitle(String text, int start, int end) {
        for (String pair : titleMarks) {
            char open = pair.charAt(0);
            char close = pair.charAt(1);
            int o = -1;
            for (int i = start - 1; i >= 0 && start - i <= titleMaxLength; i--) {
                char c = text.charAt(i);
                if (c == open) {
                    o = i;
                    break;
                }
                if (c == close || c == '\n') {
                    break;
                }
            }
            if (o < 0) {
                continue;
            }
            for (int i = end; i < text.length() && i - o <= titleMaxLength + 1; i++) {
                char c = text.charAt(i);
                if (c == close) {
                    return true;
                }
                if (c == open || c == '\n') {
                    break;
                }
            }
        }
        return false;
    }

    /** The clause before {@code start}, at most {@code window} characters, back to the nearest clause end. */
    private static String clauseBefore(String text, int start, int window) {
        int from = start;
        while (from > 0 && start - from < window && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        return text.substring(from, start);
    }

    private boolean negated(String text, int start) {
        // 不 or 非 right before the word (不保本、非治疗) negates it
        if (start > 0 && "不非".indexOf(text.charAt(start - 1)) >= 0) {
            return true;
        }
        String before = clauseBefore(text, start, negationWindow);
        for (String n : negations) {
            if (before.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private boolean followedByUnit(String text, int end) {
        for (String u : statementSuffixes) {
            if (text.regionMatches(true, end, u, 0, u.length())) {
                return true;
            }
        }
        return false;
    }

    private boolean inStatement(String text, int start) {
        String before = clauseBefore(text, start, 24);
        for (String m : statementMarkers) {
            if (before.contains(m)) {
                return true;
            }
        }
        return false;
    }
}
