package cn.wangjian.engine.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a year of the seed data as a State Council notice in one of the two published styles, so the parser is
 * tested on notices the project did not copy: {@link Style#Y2017} (星期 on make-up days only, ranges across months
 * written out) and {@link Style#Y2026} (周 on every date). Test code: the dates are facts from cn-holidays.json, the
 * wording follows the two published notices.
 */
final class NoticeWriter {

    enum Style { Y2017, Y2026 }

    private static final String NUMERALS = "一二三四五六七八九十";
    private static final String[] SHORT = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private NoticeWriter() {
    }

    static String write(CalendarYear y, Style style) {
        // runs of consecutive days off, each an item; make-up days go to the nearest run
        List<List<LocalDate>> runs = new ArrayList<>();
        for (LocalDate d : y.off()) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).get(runs.get(runs.size() - 1).size() - 1).plusDays(1).equals(d)) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(d);
        }
        List<List<LocalDate>> makeUps = new ArrayList<>();
        runs.forEach(r -> makeUps.add(new ArrayList<>()));
        for (LocalDate m : y.makeUp()) {
            int best = 0;
            long bestDistance = Long.MAX_VALUE;
            for (int i = 0; i < runs.size(); i++) {
                long distance = Math.min(Math.abs(m.toEpochDay() - runs.get(i).get(0).toEpochDay()),
                        Math.abs(m.toEpochDay() - runs.get(i).get(runs.get(i).size() - 1).toEpochDay()));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            makeUps.get(best).add(m);
        }
        StringBuilder b = new StringBuilder();
        b.append("国务院办公厅关于").append(y.year()).append("年部分节假日安排的通知\n");
        if (style == Style.Y2017) {
            b.append("国办发明电〔").append(y.year() - 1).append("〕17号\n");
        }
        b.append("\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n");
        b.append("经国务院批准，现将").append(y.year()).append("年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n\n");
        for (int i = 0; i < runs.size(); i++) {
            List<LocalDate> run = runs.get(i);
            Set<String> names = new LinkedHashSet<>();
            run.forEach(d -> names.add(festival(y.names().get(d))));
            b.append(numeral(i + 1)).append("、").append(String.join("、", names)).append("：");
            LocalDate first = run.get(0);
            LocalDate last = run.get(run.size() - 1);
            b.append(date(first, style, true));
            if (run.size() == 1) {
                b.append("放假");
            } else {
                b.append("至").append(date(last, style, last.getMonth() != first.getMonth()));
                b.append("放假调休，共").append(run.size()).append("天");
            }
            b.append("。");
            List<LocalDate> work = makeUps.get(i);
            if (!work.isEmpty()) {
                List<String> ds = new ArrayList<>();
                for (LocalDate m : work) {
                    ds.add(m.getMonthValue() + "月" + m.getDayOfMonth() + "日（" + (style == Style.Y2017
                            ? CalendarYear.weekday(m) : SHORT[m.getDayOfWeek().getValue() - 1]) + "）");
                }
                b.append(String.join("、", ds)).append("上班。");
            }
            b.append("\n\n");
        }
        b.append("节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，"
                + "确保人民群众祥和平安度过节日假期。\n\n国务院办公厅\n").append(y.year() - 1).append("年11月4日\n");
        return b.toString();
    }

    private static String date(LocalDate d, Style style, boolean withMonth) {
        String s = (withMonth ? d.getMonthValue() + "月" : "") + d.getDayOfMonth() + "日";
        return style == Style.Y2026 ? s + "（" + SHORT[d.getDayOfWeek().getValue() - 1] + "）" : s;
    }

    static String festival(String seedName) {
        return seedName.endsWith("节") || seedName.endsWith("日") ? seedName : seedName + "节";
    }

    private static String numeral(int n) {
        return n <= 10 ? String.valueOf(NUMERALS.charAt(n - 1)) : "十" + NUMERALS.charAt(n - 11);
    }
}
