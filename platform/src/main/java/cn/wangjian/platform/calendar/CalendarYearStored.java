package cn.wangjian.platform.calendar;

import cn.wangjian.engine.calendar.WorkingDayCalendar;

/**
 * A year's holiday arrangement was stored (published in the transaction that stores it, so what reacts commits or
 * rolls back with it): {@code calendar} is the calendar now in force, {@code actor} who stored it.
 */
public record CalendarYearStored(int year, int version, WorkingDayCalendar calendar, String actor) {

    /** How the version is named in timelines. */
    public String label() {
        return year + " 年节假日安排（第 " + version + " 版）";
    }
}
