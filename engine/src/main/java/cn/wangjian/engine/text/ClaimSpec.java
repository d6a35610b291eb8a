package cn.wangjian.engine.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a body word a claim ({@link RuleKind#CLAIM}): a change word within {@code window} characters of it in
 * the same clause (改善、提高、好多了 …); with a support in the same sentence — a time span (一个月、7天) or a testimonial
 * (喝了、亲测、我妈) — the finding has the rule's severity, without one {@code unsupported}.
 *
 * @param changes     change and outcome words
 * @param supports    regular expressions of time spans and testimonials; none may match the empty text
 * @param window      how far from the body word a change word is looked for, in characters
 * @param unsupported the severity of a claim without a support
 */
public record ClaimSpec(List<String> changes, List<Pattern> supports, int window, Severity unsupported) {

    private static final String CLAUSE_ENDS = "，。；！？,.;!?\n\r|/ 　";
    private static final String SENTENCE_ENDS = "。！？!?\n\r";
    /** How far a sentence is read each way for a support (a listing without full stops is one long sentence). */
    private static final int MAX_SENTENCE = 120;

    public ClaimSpec {
        changes = List.copyOf(changes);
        supports = List.copyOf(supports);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("claim: 'changes' is empty, the claim can never match");
        }
        for (Pattern p : supports) {
            if (p.matcher("").matches()) {
                throw new IllegalArgumentException("claim: support '" + p.pattern()
                        + "' matches the empty text (every claim would count as supported)");
            }
        }
        if (window < 1 || window > 40) {
            throw new IllegalArgumentException("claim: window must be 1 to 40 characters");
        }
    }

    /** The claim around a body word at [start, end): its span, or null when no change word is in its clause. */
    int[] claim(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < window && CLAUSE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < window && CLAUSE_ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        // only the clause is searched: a look through the whole text per body word would be quadratic in it
        String left = text.substring(from, start);
        String right = text.substring(end, to);
        int spanStart = start;
        int spanEnd = end;
        boolean found = false;
        for (String c : changes) {
            int before = left.indexOf(c);
            if (before >= 0 && !negated(left, before)) {
                spanStart = Math.min(spanStart, from + before);
                found = true;
            }
            int after = right.lastIndexOf(c);
            if (after >= 0 && !negated(right, after)) {
                spanEnd = Math.max(spanEnd, end + after + c.length());
                found = true;
            }
        }
        return found ? new int[] {spanStart, spanEnd} : null;
    }

    /** A change word right after 无、未、没 or 不 is its absence (症状无缓解、未改善), not a claim. */
    private static boolean negated(String clause, int at) {
        return at > 0 && "无未没不".indexOf(clause.charAt(at - 1)) >= 0;
    }

    /** Whether the sentence around [start, end) holds a time span or a testimonial. */
    boolean supported(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < MAX_SENTENCE && SENTENCE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < MAX_SENTENCE && SENTENCE_ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        String sentence = text.substring(from, to);
        for (Pattern p : supports) {
            if (p.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }
}
