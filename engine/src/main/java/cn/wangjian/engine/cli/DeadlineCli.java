package cn.wangjian.engine.cli;

import cn.wangjian.engine.calendar.Deadline;
import cn.wangjian.engine.calendar.WorkingDayCalendar;
import cn.wangjian.engine.time.Clocks;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code deadline FROM N}: the date N working days after FROM (FROM itself not counted), with the holidays and
 * make-up working days on the way; {@code deadline --days N FROM}: N calendar days after FROM. {@code --calendar
 * FILE} uses another holiday file. A year without holiday data is refused, never guessed (exit 2), unless
 * {@code --provisional} asks for the date counted on weekends alone, marked 暂定. FROM may be {@code today} (the
 * machine's date in China, or the {@code wangjian.clock} / {@code WANGJIAN_CLOCK} clock).
 */
public final class DeadlineCli {

    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private DeadlineCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Integer calendarDays = null;
        Path calendarFile = null;
        boolean provisional = false;
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--days" -> calendarDays = Integer.parseInt(value(args, ++i));
                    case "--calendar" -> calendarFile = Path.of(value(args, ++i));
                    case "--provisional" -> provisional = true;
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("未知参数 (unknown option): " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (calendarDays == null ? positional.size() != 2 : positional.size() != 1) {
                throw new IllegalArgumentException("用法 (usage): deadline FROM N | deadline --days N FROM"
                        + "  [--calendar FILE] [--provisional]（日期格式 YYYY-MM-DD，或 today）");
            }
            LocalDate from = date(positional.get(0));
            WorkingDayCalendar calendar = calendarFile == null ? WorkingDayCalendar.builtIn()
                    : WorkingDayCalendar.load(calendarFile);
            if (calendarDays != null) {
                if (calendarDays < 0) {
                    throw new IllegalArgumentException("天数不能为负 (negative days): " + calendarDays);
                }
                LocalDate end = from.plusDays(calendarDays);
                out.println(end + "（" + weekday(end) + "）：" + from + " 之后第 " + calendarDays + " 日（日历日，不含当日）");
                try {
                    if (!calendar.isWorkday(end)) {
                        out.println("  注意：该日为休息日" + (calendar.holidayName(end) == null ? ""
                                : "（" + calendar.holidayName(end) + "）") + "，其后第一个工作日为 " + calendar.onOrAfter(end)
                                + "；期间末日逢法定休假日是否顺延，依所适用的规定（民法典第二百零三条，待核实）");
                    }
                } catch (WorkingDayCalendar.NoDataException e) {
                    out.println("  注意：" + e.getMessage());
                }
                return 0;
            }
            int n = Integer.parseInt(positional.get(1));
            LocalDate end;
            try {
                end = calendar.plusWorkingDays(from, n);
            } catch (WorkingDayCalendar.NoDataException e) {
                if (!provisional) {
                    throw e;
                }
                Deadline d = calendar.deadline(from, n);
                out.println(d.date() + "（" + weekday(d.date()) + "）：" + from + " 之后第 " + n + " 个工作日（不含当日），暂定");
                out.println("  " + d.note());
                return 0;
            }
            out.println(end + "（" + weekday(end) + "）：" + from + " 之后第 " + n + " 个工作日（不含当日）");
            Map<String, List<LocalDate>> holidays = new LinkedHashMap<>();
            List<LocalDate> makeUp = new ArrayList<>();
            for (LocalDate d = from.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
                String name = calendar.holidayName(d);
                if (name != null) {
                    holidays.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
                }
                if (calendar.isMakeUpWorkday(d)) {
                    makeUp.add(d);
                }
            }
            holidays.forEach((name, days) -> out.println("  跳过 " + name + "：" + days.get(0)
                    + (days.size() > 1 ? " 至 " + days.get(days.size() - 1) : "") + "（" + days.size() + " 天）"));
            if (!makeUp.isEmpty()) {
                out.println("  调休上班计入：" + makeUp.stream().map(LocalDate::toString).toList());
            }
            return 0;
        } catch (WorkingDayCalendar.NoDataException e) {
            err.println("错误：" + e.getMessage() + "；加 --provisional 可暂定推算（周末和元旦、劳动节、国庆节）");
            return 2;
        } catch (NumberFormatException e) {
            err.println("错误：天数应为整数 (the number of days must be an integer): " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("错误：" + e.getMessage());
            return 2;
        }
    }

    private static LocalDate date(String s) {
        if (s.equals("today")) {
            return LocalDate.now(Clocks.fromEnvironment());
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("不是日期（YYYY-MM-DD）：" + s + " (not a date)");
        }
    }

    private static String weekday(LocalDate d) {
        return WEEKDAYS[d.getDayOfWeek().getValue() - 1];
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " 缺少值 (needs a value)");
        }
        return args[i];
    }
}
