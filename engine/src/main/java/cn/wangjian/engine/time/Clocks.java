package cn.wangjian.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The one source of "now" for the platform and every command: the machine's clock in China time, or, for training,
 * demonstrations and acceptance checks, a clock set by a spec ({@code wangjian.clock} system property or
 * {@code WANGJIAN_CLOCK}):
 * <ul>
 *   <li>{@code 2027-03-15T10:00:00} or {@code 2027-03-15} (China time; an offset such as {@code +08:00} may
 *       follow): starts at that moment and runs on;</li>
 *   <li>{@code fixed:2027-03-15T10:00:00}: stands still at that moment;</li>
 *   <li>{@code offset:P30D}, {@code offset:-PT2H}: the machine's clock moved by an ISO-8601 duration.</li>
 * </ul>
 * Engine functions never read a clock; they take the date. Only the edges (commands, the platform) make one here.
 */
public final class Clocks {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String PROPERTY = "wangjian.clock";
    public static final String ENVIRONMENT = "WANGJIAN_CLOCK";

    private Clocks() {
    }

    /** The clock of a spec; blank is the machine's. Bad specs are refused with the form expected. */
    public static Clock of(String spec, Clock machine) {
        Clock base = machine.withZone(CHINA);
        if (spec == null || spec.isBlank()) {
            return base;
        }
        String s = spec.strip();
        try {
            if (s.startsWith("fixed:")) {
                return Clock.fixed(instant(s.substring(6)), CHINA);
            }
            if (s.startsWith("offset:")) {
                return Clock.offset(base, Duration.parse(s.substring(7)));
            }
            Instant start = instant(s.startsWith("start:") ? s.substring(6) : s);
            return Clock.offset(base, Duration.between(base.instant(), start));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("时钟设置无法识别 (bad clock): " + spec + "；应为 2027-03-15T10:00:00、"
                    + "fixed:2027-03-15T10:00:00 或 offset:P30D");
        }
    }

    /** The clock the environment asks for: the system property, else the environment variable, else the machine's. */
    public static Clock fromEnvironment() {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank()) {
            spec = System.getenv(ENVIRONMENT);
        }
        return of(spec, Clock.systemUTC());
    }

    static Instant instant(String s) {
        String t = s.strip();
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(CHINA).toInstant();
        }
        if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
            return OffsetDateTime.parse(t).toInstant();
        }
        return LocalDateTime.parse(t).atZone(CHINA).toInstant();
    }
}
