package cn.wangjian.platform.casework;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The handling limit of a filed case (市场监督管理行政处罚程序规定: decide within 90 days of filing, once extendable by
 * 30 with the head's approval; hearings, testing, inspection, appraisal and public notice not counted). Calendar
 * days; the periods not counted push the due date back day for day.
 */
public record CaseClock(LocalDate filedOn, int limitDays, boolean extended, List<Paused> paused) {

    /** A period not counted, from {@code from} to {@code to} (inclusive; open while {@code to} is null). */
    public record Paused(LocalDate from, LocalDate to, String reason) {
        long days(LocalDate today) {
            LocalDate end = to == null ? today : to;
            return end.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, end) + 1;
        }
    }

    public static final int LIMIT_DAYS = 90;
    public static final int EXTENSION_DAYS = 30;

    public CaseClock {
        paused = List.copyOf(paused);
    }

    static CaseClock startingOn(LocalDate filedOn) {
        return new CaseClock(filedOn, LIMIT_DAYS, false, List.of());
    }

    /** The one extension of 30 days; a second is refused (a further one is a collective decision, not this). */
    CaseClock extend() {
        if (extended) {
            throw new CaseRuleException("办案期限已延长过 30 日，再延长须集体讨论决定 (already extended once)");
        }
        return new CaseClock(filedOn, limitDays + EXTENSION_DAYS, true, paused);
    }

    CaseClock pause(LocalDate from, String reason) {
        if (paused.stream().anyMatch(p -> p.to() == null)) {
            throw new CaseRuleException("已有未结束的不计入期间 (a pause is already open)");
        }
        List<Paused> p = new ArrayList<>(paused);
        p.add(new Paused(from, null, reason));
        return new CaseClock(filedOn, limitDays, extended, p);
    }

    CaseClock resume(LocalDate on) {
        List<Paused> p = new ArrayList<>();
        for (Paused x : paused) {
            if (x.to() == null) {
                if (on.isBefore(x.from())) {
                    throw new CaseRuleException("结束日期早于开始日期 (resume before pause)");
                }
                p.add(new Paused(x.from(), on, x.reason()));
            } else {
                p.add(x);
            }
        }
        return new CaseClock(filedOn, limitDays, extended, p);
    }

    /** The day the decision is due, as of {@code today} (an open pause counts up to today). */
    public LocalDate dueOn(LocalDate today) {
        long pausedDays = paused.stream().mapToLong(p -> p.days(today)).sum();
        return filedOn.plusDays(limitDays + pausedDays);
    }
}
