package cn.wangjian.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One year's arrangement of the State Council notice: the statutory days off (with the festival's name, 补休 days
 * included) and the make-up working days (调休上班). Checked where it is made: every date lies in its year, a day
 * is not both off and a make-up day, a make-up day falls on a Saturday or Sunday, every day off has a name, and a
 * year has at least one day off (a year without days off is "not yet published", not a year).
 */
public record CalendarYear(int year, NavigableSet<LocalDate> off, NavigableSet<LocalDate> makeUp,
                           SortedMap<LocalDate, String> names) {

    /** A year the notice does not allow, with every reason. */
    public static final class InvalidYearException extends IllegalArgumentException {
        private final List<String> problems;

        InvalidYearException(int year, List<String> problems) {
            super(year + " 年节假日安排有误 (invalid holiday year): " + String.join("；", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public CalendarYear {
        List<String> problems = new ArrayList<>();
        if (year < 1949 || year > 2200) {
            problems.add("年份 " + year + " 不合理");
        }
        if (off == null || off.isEmpty()) {
            problems.add("没有任何放假日期（尚未发布的年份不是一份安排）");
            off = new TreeSet<>();
        }
        makeUp = makeUp == null ? new TreeSet<>() : makeUp;
        names = names == null ? new TreeMap<>() : names;
        for (LocalDate d : off) {
            if (d.getYear() != year) {
                problems.add("放假日期 " + d + " 不在 " + year + " 年内");
            }
            String n = names.get(d);
            if (n == null || n.isBlank()) {
                problems.add("放假日期 " + d + " 没有节日名称");
            }
        }
        for (LocalDate d : makeUp) {
            if (d.getYear() != year) {
                problems.add("调休上班日期 " + d + " 不在 " + year + " 年内");
            }
            if (off.contains(d)) {
                problems.add(d + " 既是放假日又是调休上班日");
            }
            DayOfWeek w = d.getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                problems.add("调休上班日期 " + d + " 是" + weekday(d) + "，本来就是工作日");
            }
        }
        for (LocalDate d : names.keySet()) {
            if (!off.contains(d)) {
                problems.add("节日名称给了非放假日期 " + d);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidYearException(year, problems);
        }
        off = Collections.unmodifiableNavigableSet(new TreeSet<>(off));
        makeUp = Collections.unmodifiableNavigableSet(new TreeSet<>(makeUp));
        names = Collections.unmodifiableSortedMap(new TreeMap<>(names));
    }

    public static CalendarYear of(int year, java.util.Collection<LocalDate> off, java.util.Collection<LocalDate> makeUp,
                                  Map<LocalDate, String> names) {
        return new CalendarYear(year, new TreeSet<>(off), new TreeSet<>(makeUp), new TreeMap<>(names));
    }

    /** The changes from {@code before} to this year, in words, one line each (empty when the same). */
    public List<String> differencesFrom(CalendarYear before) {
        List<String> lines = new ArrayList<>();
        for (LocalDate d : off) {
            if (!before.off().contains(d)) {
                lines.add("新增放假 " + d + "（" + names.get(d) + "）");
            } else if (!names.get(d).equals(before.names().get(d))) {
                lines.add(d + " 节日名称由“" + before.names().get(d) + "”改为“" + names.get(d) + "”");
            }
        }
        for (LocalDate d : before.off()) {
            if (!off.contains(d)) {
                lines.add("取消放假 " + d + "（原为" + before.names().get(d) + "）");
            }
        }
        for (LocalDate d : makeUp) {
            if (!before.makeUp().contains(d)) {
                lines.add("新增调休上班 " + d + "（" + weekday(d) + "）");
            }
        }
        for (LocalDate d : before.makeUp()) {
            if (!makeUp.contains(d)) {
                lines.add("取消调休上班 " + d);
            }
        }
        return lines;
    }

    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    /** 星期一 … 星期日. */
    public static String weekday(LocalDate d) {
        return WEEKDAYS[d.getDayOfWeek().getValue() - 1];
    }
}
