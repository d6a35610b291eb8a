package cn.wangjian.platform.monitoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schedules as officers choose them — daily at a time, weekly on a day at a time, every few hours during a key period
 * (双十一, 618) — written as the cron expression the scheduler reads (seconds minutes hours day month weekday, China
 * time), and read back as words. Cron typed by hand is the “高级” choice; a cron the pickers did not write reads as
 * itself.
 */
public final class Schedules {

    /** The pickers. */
    public enum Kind {
        MANUAL("仅手动运行"), DAILY("每日"), WEEKLY("每周"), KEY_PERIOD("重点时段（每隔几小时）"), ADVANCED("高级（cron 表达式）");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final String[] WEEKDAYS = {"", "一", "二", "三", "四", "五", "六", "日"};
    private static final Pattern DAILY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* \\*");
    private static final Pattern WEEKLY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* ([1-7])");
    private static final Pattern HOURS = Pattern.compile("0 0 \\*/(\\d{1,2}) \\* \\* \\*");

    private Schedules() {
    }

    /** A choice refused, naming the field. */
    public static final class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * The cron of a choice; null for manual runs. {@code time} is HH:mm, {@code weekday} 1 (Monday) to 7, {@code hours}
     * 1–12; {@code advanced} is used as typed for {@link Kind#ADVANCED}.
     */
    public static String cron(Kind kind, String time, Integer weekday, Integer hours, String advanced) {
        return switch (kind) {
            case MANUAL -> null;
            case ADVANCED -> advanced == null || advanced.isBlank() ? null : advanced.strip();
            case KEY_PERIOD -> {
                // a divisor of 24, so the interval holds across midnight (*/5 would run at 20:00 and again at 00:00)
                if (hours == null || hours < 1 || 24 % hours != 0 || hours > 12) {
                    throw new Refused("scheduleHours", "重点时段的间隔应为 1、2、3、4、6、8 或 12 小时");
                }
                yield "0 0 */" + hours + " * * *";
            }
            case DAILY, WEEKLY -> {
                Matcher m = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)").matcher(time == null ? "" : time.strip());
                if (!m.matches()) {
                    throw new Refused("scheduleTime", "运行时间应为 时:分（北京时间），如 02:00");
                }
                String base = "0 " + Integer.parseInt(m.group(2)) + " " + Integer.parseInt(m.group(1)) + " * * ";
                if (kind == Kind.DAILY) {
                    yield base + "*";
                }
                if (weekday == null || weekday < 1 || weekday > 7) {
                    throw new Refused("scheduleWeekday", "请选择每周运行的日子");
                }
                yield base + weekday;
            }
        };
    }

    /** The schedule in words: 每日 02:00, 每周一 02:00, 每 4 小时（整点）, 仅手动运行, or the cron itself. */
    public static String describe(String cron) {
        if (cron == null || cron.isBlank()) {
            return Kind.MANUAL.label();
        }
        Matcher m = DAILY.matcher(cron.strip());
        if (m.matches()) {
            return "每日 " + clock(m.group(2), m.group(1));
        }
        m = WEEKLY.matcher(cron.strip());
        if (m.matches()) {
            return "每周" + WEEKDAYS[Integer.parseInt(m.group(3))] + " " + clock(m.group(2), m.group(1));
        }
        m = HOURS.matcher(cron.strip());
        if (m.matches()) {
            return "每 " + Integer.parseInt(m.group(1)) + " 小时（整点）";
        }
        return "高级：" + cron.strip();
    }

    private static String clock(String hour, String minute) {
        return String.format("%02d:%02d", Integer.parseInt(hour), Integer.parseInt(minute));
    }
}
