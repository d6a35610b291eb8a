package cn.wangjian.engine.registry;

import java.util.Objects;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet that excludes I, O, Z, S and V,
 * the last one a check character computed with weights 3^(i-1) mod 31.
 *
 * <p>A value of this type is always well formed: {@link #parse(String)} rejects anything else with a reason
 * that names the offending position.
 */
public record UnifiedSocialCreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final byte[] VALUE = new byte[128];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    public UnifiedSocialCreditCode {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidCodeException(problem);
        }
    }

    /** Parses a code after trimming surrounding whitespace; lower-case letters are accepted and upper-cased. */
    public static UnifiedSocialCreditCode parse(String text) {
        if (text == null) {
            throw new InvalidCodeException("统一社会信用代码为空 (credit code is missing)");
        }
        return new UnifiedSocialCreditCode(text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public static boolean isValid(String text) {
        return text != null && problem(text) == null;
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() < 17) {
            throw new IllegalArgumentException("need 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = valueOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not allowed: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - (sum % 31);
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** The 6-digit administrative division code of the registering authority (positions 3–8). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    /** Why a text is not a valid code, or {@code null} when it is. */
    static String problem(String text) {
        if (text.length() != 18) {
            return "统一社会信用代码应为18位，实际为" + text.length() + "位 (credit code must have 18 characters, has "
                    + text.length() + ")";
        }
        for (int i = 0; i < 18; i++) {
            char ch = text.charAt(i);
            if (valueOf(ch) < 0) {
                return "统一社会信用代码第" + (i + 1) + "位字符“" + ch + "”不允许（不得使用I、O、Z、S、V及小写字母）"
                        + " (character " + (i + 1) + " '" + ch + "' is not allowed)";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (text.charAt(i) > '9') {
                return "统一社会信用代码第3-8位应为行政区划代码数字 (positions 3-8 must be the division code digits)";
            }
        }
        char expected = checkCharacter(text);
        if (text.charAt(17) != expected) {
            return "统一社会信用代码校验位错误：应为" + expected + "，实际为" + text.charAt(17)
                    + " (check character must be " + expected + ", is " + text.charAt(17) + ")";
        }
        return null;
    }

    private static int valueOf(char ch) {
        return ch < 128 ? VALUE[ch] : -1;
    }

    @Override
    public String toString() {
        return value;
    }

    /** A code that is not well formed; the message is in Chinese and English. */
    public static final class InvalidCodeException extends IllegalArgumentException {
        public InvalidCodeException(String message) {
            super(message);
        }
    }
}
