package cn.wangjian.engine.text;

/**
 * One violation found in a text. {@code start} and {@code end} are UTF-16 offsets into the original text
 * (end exclusive), {@code matched} is the original text there, {@code term} the rule term it stands for.
 */
public record Finding(String rule, String category, String law, String article, Severity severity, int start,
                      int end, String matched, String term, double confidence, MatchKind kind, String explanation) {

    /** How the text matched the term. */
    public enum MatchKind {
        /** The term itself, after normalisation of width, case, script, spacing and inserted symbols. */
        EXACT,
        /** The term written partly or wholly in pinyin. */
        PINYIN,
        /** Characters that sound like the term's (suspected evasion). */
        HOMOPHONE,
        /** Characters that look like the term's (suspected evasion). */
        LOOKALIKE,
        /** A rule about what the text lacks or how a number is written, not a term. */
        STRUCTURE;

        /** How officers read it. */
        public String chinese() {
            return switch (this) {
                case EXACT -> "原词";
                case PINYIN -> "拼音变体";
                case HOMOPHONE -> "同音变体";
                case LOOKALIKE -> "形近变体";
                case STRUCTURE -> "结构判断";
            };
        }
    }
}
