package cn.wangjian.platform.calendar;

import cn.wangjian.engine.calendar.CalendarYear;
import cn.wangjian.engine.calendar.HolidayNotice;
import java.io.PrintStream;

import org.springframework.stereotype.Component;

/**
 * The launcher's {@code calendar} command: {@code calendar import NOTICE.txt [--year Y] [--replace] [--dry-run]}
 * parses a State Council notice, prints what it says as a month view, and stores it as the next version of its year
 * (a year already known only with {@code --replace}, after the differences are printed); {@code calendar list}.
 */
@Component
public class CalendarCommand {

    private final WorkingDays workingDays;

    CalendarCommand(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** 0 stored (or previewed with dry-run), 1 refused, with every reason on {@code err}. */
    public int importNotice(String text, Integer year, boolean replace, boolean dryRun, String actor, PrintStream out,
                            PrintStream err) {
        WorkingDays.Preview preview;
        try {
            preview = workingDays.preview(text, year);
        } catch (HolidayNotice.InvalidNoticeException e) {
            err.println("错误：通知无法采用，未保存任何内容 (notice refused, nothing stored)：");
            e.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        HolidayNotice.Parsed p = preview.parsed();
        out.println(p.year() + " 年：放假 " + p.calendarYear().off().size() + " 天，调休上班 " + p.calendarYear().makeUp().size()
                + " 天");
        for (HolidayNotice.Holiday h : p.holidays()) {
            out.println("  第 " + h.line() + " 行  " + h.name() + "  " + h.from() + (h.days() > 1 ? " 至 " + h.to() : "")
                    + "（" + h.days() + " 天）");
        }
        for (HolidayNotice.MakeUpDay m : p.makeUpDays()) {
            out.println("  第 " + m.line() + " 行  " + m.festival() + "  " + m.date() + "（" + CalendarYear.weekday(m.date())
                    + "）上班");
        }
        printMonths(p.calendarYear(), out);
        if (preview.replacesKnownYear()) {
            out.println(p.year() + " 年已有安排（" + preview.currentSource() + "）；差异：" + (preview.differences().isEmpty()
                    ? "无" : ""));
            preview.differences().forEach(d -> out.println("  " + d));
        }
        if (dryRun) {
            out.println("（--dry-run：未保存）");
            return 0;
        }
        try {
            WorkingDays.StoredYear stored = workingDays.store(text, year, replace, null, actor);
            out.println("已保存 " + stored.year() + " 年节假日安排（第 " + stored.version() + " 版）；暂定期限已重算");
            return 0;
        } catch (CalendarRefusedException e) {
            err.println("错误：" + e.getMessage() + (preview.differences().isEmpty() ? "" : "；确认后加 --replace"));
            return 1;
        }
    }

    public int list(PrintStream out) {
        for (WorkingDays.YearSource y : workingDays.years()) {
            out.println(y.year() + "  " + y.source() + "  放假 " + y.daysOff() + " 天  调休上班 " + y.makeUpDays() + " 天");
        }
        workingDays.missingYear().ifPresent(y -> out.println("注意：尚未录入 " + y + " 年的节假日安排"));
        return 0;
    }

    /** The months with days off or make-up days, as text: 休 off, 班 make-up working day. */
    static void printMonths(CalendarYear y, PrintStream out) {
        for (WorkingDays.Month m : WorkingDays.months(y)) {
            boolean any = m.weeks().stream().flatMap(java.util.List::stream)
                    .anyMatch(d -> d != null && (d.kind().equals("off") || d.kind().equals("makeup")));
            if (!any) {
                continue;
            }
            out.println();
            out.println("  " + y.year() + " 年 " + m.month() + " 月");
            out.println("               " + " 一   二   三   四   五   六   日");
            for (var week : m.weeks()) {
                StringBuilder b = new StringBuilder("               ");
                for (WorkingDays.Day d : week) {
                    if (d == null) {
                        b.append("     ");
                    } else {
                        String mark = d.kind().equals("off") ? "休" : d.kind().equals("makeup") ? "班" : "  ";
                        b.append(String.format("%3d", d.date().getDayOfMonth())).append(mark.equals("  ") ? "  " : mark);
                    }
                }
                out.println(b.toString().stripTrailing());
            }
        }
        out.println();
    }

}
