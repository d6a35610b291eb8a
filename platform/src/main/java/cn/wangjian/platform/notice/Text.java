package cn.wangjian.platform.notice;

/** The notice area's checks of typed text: required or optional, trimmed, within a length, naming the field. */
final class Text {

    private Text() {
    }

    static String required(String value, String field, String label, int max) {
        String v = optional(value, field, label, max);
        if (v == null) {
            throw new NoticeRefusedException("字段 " + field + "：请填写" + label + " (" + field + " is required)");
        }
        return v;
    }

    static String optional(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new NoticeRefusedException("字段 " + field + "：" + label + "不超过 " + max + " 字 (too long)");
        }
        return v;
    }

    /** A file name as given, without control characters or path separators, at most 100 characters. */
    static String fileName(String name) {
        String n = name == null || name.isBlank() ? "数据文件" : name.strip().replaceAll("[\\p{Cntrl}/\\\\]", "_");
        return n.length() > 100 ? n.substring(0, 100) : n;
    }
}
