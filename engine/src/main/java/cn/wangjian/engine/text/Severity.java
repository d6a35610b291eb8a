package cn.wangjian.engine.text;

import java.util.Locale;

/** How serious a finding is; {@link #HINT} is for officers' attention only (suspected evasions, safe harbours). */
public enum Severity {
    HINT, LOW, MEDIUM, HIGH;

    public static Severity parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name officers read (提示、低、中、高). */
    public String chinese() {
        return switch (this) {
            case HINT -> "提示";
            case LOW -> "低";
            case MEDIUM -> "中";
            case HIGH -> "高";
        };
    }

    public Severity atMost(Severity cap) {
        return compareTo(cap) > 0 ? cap : this;
    }
}
