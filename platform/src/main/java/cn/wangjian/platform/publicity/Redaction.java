package cn.wangjian.platform.publicity;

import java.util.regex.Pattern;

/**
 * What is removed before publication (行政处罚法 Art. 50; 公示规定 Art. 6; usual practice, enforcement-documents.md §3):
 * ID card numbers, mobile and fixed telephone numbers, bank card numbers and e-mail addresses become asterisks; a
 * natural person's name keeps its surname. The credit officer may redact more; what is published must be the
 * original with parts replaced by asterisks, nothing added or reworded (公示规定 Art. 7).
 */
final class Redaction {

    private static final Pattern[] PERSONAL = {
            Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])"),       // 居民身份证号码
            Pattern.compile("(?<!\\d)\\d{15,19}(?!\\d)"),                              // bank cards, old ID numbers
            Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)"),                            // mobile numbers
            Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)"),                     // fixed lines
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")};      // e-mail

    private Redaction() {
    }

    static String text(String original) {
        if (original == null) {
            return null;
        }
        String s = original;
        for (Pattern p : PERSONAL) {
            s = p.matcher(s).replaceAll(m -> "*".repeat(m.group().length()));
        }
        return s;
    }

    static String personName(String name) {
        return name.length() <= 1 ? "*" : name.charAt(0) + "*".repeat(name.length() - 1);
    }

    /** True when {@code published} is {@code original} with some characters replaced by '*', and nothing else. */
    static boolean onlyMasks(String original, String published) {
        if (published.length() != original.length()) {
            return false;
        }
        for (int i = 0; i < original.length(); i++) {
            if (published.charAt(i) != '*' && published.charAt(i) != original.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** What the automatic masks would still change in text the officer wrote: personal data left in. */
    static boolean leavesPersonalData(String published) {
        return !text(published).equals(published);
    }
}
