package cn.wangjian.engine.text;

import java.util.Map;

/** Reading listing text that carries HTML: tags are skipped, character references decoded. */
final class HtmlText {

    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("nbsp", 0xA0), Map.entry("amp", (int) '&'), Map.entry("lt", (int) '<'),
            Map.entry("gt", (int) '>'), Map.entry("quot", (int) '"'), Map.entry("apos", (int) '\''),
            Map.entry("middot", 0xB7), Map.entry("hellip", 0x2026), Map.entry("mdash", 0x2014),
            Map.entry("ndash", 0x2013), Map.entry("times", 0xD7), Map.entry("ensp", 0x2002),
            Map.entry("emsp", 0x2003), Map.entry("thinsp", 0x2009), Map.entry("zwj", 0x200D),
            Map.entry("zwnj", 0x200C), Map.entry("shy", 0xAD), Map.entry("copy", 0xA9), Map.entry("reg", 0xAE),
            Map.entry("trade", 0x2122), Map.entry("yen", 0xA5), Map.entry("bull", 0x2022),
            Map.entry("ldquo", 0x201C), Map.entry("rdquo", 0x201D), Map.entry("lsquo", 0x2018),
            Map.entry("rsquo", 0x2019), Map.entry("percnt", (int) '%'), Map.entry("colon", (int) ':'),
            Map.entry("period", (int) '.'), Map.entry("excl", (int) '!'), Map.entry("num", (int) '#'));

    private static final int MAX_TAG = 512;

    private HtmlText() {
    }

    /**
     * The offset after the tag that starts at {@code i} ({@code <b>}, {@code </span>}, {@code <!-- -->},
     * {@code <br/>}), or -1 when the {@code <} does not start a tag (as in "价格<100元").
     */
    static int tagEnd(String text, int i) {
        if (i + 1 >= text.length()) {
            return -1;
        }
        char n = text.charAt(i + 1);
        if (n == '!' && text.startsWith("<!--", i)) {
            int close = text.indexOf("-->", i + 4);
            return close < 0 || close - i > 4 * MAX_TAG ? -1 : close + 3;
        }
        if (!(n == '/' || n == '!' || n == '?' || (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z'))) {
            return -1;
        }
        int limit = Math.min(text.length(), i + MAX_TAG);
        for (int k = i + 1; k < limit; k++) {
            char c = text.charAt(k);
            if (c == '>') {
                return k + 1;
            }
            if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Decodes the character reference at {@code i} ({@code &#26368;}, {@code &#x6700;}, {@code &nbsp;}) into
     * {@code out[0]} (the code point) and {@code out[1]} (the offset after it).
     */
    static boolean entity(String text, int i, int[] out) {
        int semi = -1;
        int limit = Math.min(text.length(), i + 12);
        for (int k = i + 1; k < limit; k++) {
            char c = text.charAt(k);
            if (c == ';') {
                semi = k;
                break;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#') || c > 127) {
                return false;
            }
        }
        if (semi < 0 || semi == i + 1) {
            return false;
        }
        String body = text.substring(i + 1, semi);
        int cp;
        try {
            if (body.startsWith("#x") || body.startsWith("#X")) {
                cp = Integer.parseInt(body.substring(2), 16);
            } else if (body.startsWith("#")) {
                cp = Integer.parseInt(body.substring(1));
            } else {
                Integer named = NAMED.get(body);
                if (named == null) {
                    return false;
                }
                cp = named;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        out[0] = cp;
        out[1] = semi + 1;
        return true;
    }
}
