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

    public Severity atMost(Severity cap) {
        return compareTo(cap) > 0 ? cap : this;
    }
}
