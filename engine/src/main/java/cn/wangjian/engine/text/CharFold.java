package cn.wangjian.engine.text;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.Locale;

/**
 * How every UTF-16 code unit is read before matching, as two tables of 65,536 entries built once per JVM:
 * compatibility forms and full width (NFKC), case, traditional characters and numeral styles fold to one
 * character; white space of every kind, zero-width and format characters, controls and combining marks are
 * skipped; punctuation and symbols are "soft" (skipped unless a term needs them, as in 1:1 or NO.1); surrogates,
 * {@code <}, {@code &} and characters whose compatibility form is several characters take the slow path.
 */
final class CharFold {

    static final byte NORMAL = 0;
    static final byte SKIP = 1;
    static final byte SOFT = 2;
    static final byte SLOW = 3;

    /** The folded character of each code unit (itself when nothing folds). */
    static final char[] FOLD = new char[65536];
    /** {@link #NORMAL}, {@link #SKIP}, {@link #SOFT} or {@link #SLOW} for each code unit. */
    static final byte[] KIND = new byte[65536];
    /** For SLOW characters with a multi-character compatibility form: that form, folded. */
    static final String[] EXPANSION = new String[65536];

    /** Chinese numerals, including the financial forms, read as digits (第壹 = 第一 = 第1). */
    private static final String NUMERALS = "零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖貳參陸";
    private static final String DIGITS = "00123456789123456789236";

    static {
        for (int c = 0; c < 65536; c++) {
            classify((char) c);
        }
    }

    private CharFold() {
    }

    private static void classify(char c) {
        FOLD[c] = c;
        if (Character.isSurrogate(c) || c == '<' || c == '&') {
            KIND[c] = SLOW;
            return;
        }
        int type = Character.getType(c);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
                || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x3000) {
            KIND[c] = SKIP;
            return;
        }
        String folded = fold(String.valueOf(c));
        if (folded.isEmpty()) {
            KIND[c] = SKIP;
            return;
        }
        if (folded.length() > 1) {
            KIND[c] = SLOW;
            EXPANSION[c] = folded;
            return;
        }
        char f = folded.charAt(0);
        FOLD[c] = f;
        int ft = Character.getType(f);
        KIND[c] = Character.isLetterOrDigit(f) ? NORMAL
                : (ft == Character.SPACE_SEPARATOR || Character.isWhitespace(f)) ? SKIP : SOFT;
    }

    /** NFKC, lower case, simplified script, digits for numerals; skippable characters removed. */
    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || Character.getType(ch) == Character.FORMAT
                    || Character.getType(ch) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(foldChinese(ch));
        }
        return out.toString();
    }

    private static char foldChinese(char ch) {
        int numeral = NUMERALS.indexOf(ch);
        if (numeral >= 0) {
            return DIGITS.charAt(numeral);
        }
        if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN) {
            String simplified = HanLP.convertToSimplifiedChinese(String.valueOf(ch));
            if (simplified.length() == 1) {
                return simplified.charAt(0);
            }
        }
        return ch;
    }

    /** Folds a term of the catalog the way the scanner reads text: skipped characters dropped, symbols kept. */
    static String foldTerm(String term) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < term.length()) {
                out.append(fold(term.substring(i, i + 2)));
                i++;
                continue;
            }
            switch (KIND[c]) {
                case SKIP -> { }
                case SLOW -> out.append(EXPANSION[c] != null ? EXPANSION[c] : String.valueOf(c));
                default -> out.append(FOLD[c]);
            }
        }
        return out.toString();
    }

    /** Folds one supplementary code point (mathematical and other styled letters), or returns 0 to skip it. */
    static char foldCodePoint(int cp) {
        if (!Character.isLetterOrDigit(cp)) {
            return 0; // emoji and other symbols outside the BMP
        }
        String f = fold(new String(Character.toChars(cp)));
        return f.length() == 1 ? f.charAt(0) : 0;
    }
}
