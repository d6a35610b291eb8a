package cn.wangjian.engine.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A date counted in working days, and whether it is provisional (暂定): counted through a year whose holiday
 * arrangement the calendar does not have yet (weekends and the fixed-date statutory holidays only), to be
 * recomputed when the year is stored.
 */
public record Deadline(LocalDate date, SortedSet<Integer> provisionalYears) {

    public Deadline {
        provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
    }

    public static Deadline exact(LocalDate date) {
        return new Deadline(date, new TreeSet<>());
    }

    public boolean provisional() {
        return !provisionalYears.isEmpty();
    }

    /** Why it is provisional, in Chinese (null when exact). */
    public String note() {
        if (!provisional()) {
            return null;
        }
        String years = provisionalYears.stream().map(String::valueOf).collect(Collectors.joining("、"));
        return "暂定：" + years + " 年法定节假日安排尚未录入，期限按周末和法定固定日期的节日（元旦、劳动节、国庆节）推算，"
                + "春节、清明、端午、中秋和调休未计入，录入后自动重算 (provisional: no holiday data for " + years + ")";
    }
}
