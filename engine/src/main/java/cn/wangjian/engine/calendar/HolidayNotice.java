package cn.wangjian.engine.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the State Council's notice of next year's holidays (国务院办公厅关于20XX年部分节假日安排的通知) into a
 * {@link CalendarYear}. Both published styles are read: 2017's (星期一 in brackets on make-up days, ranges such as
 * 1月27日至2月2日 across months, 补休 days) and 2026's (周四 and lunar dates in the brackets of every date). Each
 * numbered item (一、元旦：…) names a festival; its clauses say which days are off (放假, 放假调休, 补休) and which
 * weekend days are worked (上班); 共N天 is checked against the range before it, a weekday in brackets against the
 * date. Nothing is guessed: every line that cannot be read, every date outside the notice's year, every make-up day
 * that is not a weekend day is a {@link Problem} naming the line and its text, and the notice is refused whole.
 */
public final class HolidayNotice {

    /** Days off under one item of the notice, {@code from} to {@code to} inclusive. */
    public record Holiday(String name, LocalDate from, LocalDate to, int line) {
        public int days() {
            return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        }
    }

    /** A make-up working day and the line that says so. */
    public record MakeUpDay(LocalDate date, String festival, int line) {
    }

    /** What a notice says, and the year it makes. */
    public record Parsed(int year, List<Holiday> holidays, List<MakeUpDay> makeUpDays, List<String> remarks,
                         CalendarYear calendarYear) {
    }

    /** A line that cannot be taken, and why. Line 0 is the notice as a whole. */
    public record Problem(int line, String text, String reason) {
        @Override
        public String toString() {
            return (line > 0 ? "第 " + line + " 行" : "通知") + (text == null || text.isEmpty() ? "" : "“" + text + "”")
                    + "：" + reason;
        }
    }

    /** A notice refused, with every problem found. */
    public static final class InvalidNoticeException extends IllegalArgumentException {
        private final List<Problem> problems;

        InvalidNoticeException(List<Problem> problems) {
            super("节假日通知无法采用 (notice refused): " + String.join("；", problems.stream().map(Problem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private static final Pattern TITLE_YEAR = Pattern.compile("关于(\\d{4})年部分节假日安排的通知");
    private static final Pattern PREAMBLE_YEAR = Pattern.compile("现将(\\d{4})年");
    private static final Pattern ITEM = Pattern.compile("^([一二三四五六七八九十]+)、(.*)$");
    private static final Pattern DATE = Pattern.compile("(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?");
    private static final Pattern COUNT = Pattern.compile("共(\\d+)天");
    private static final Pattern WEEKDAY = Pattern.compile("^(?:星期|周)([一二三四五六日天])$");
    private static final String WEEKDAY_CHARS = "一二三四五六日";

    private HolidayNotice() {
    }

    /**
     * Parses a notice. {@code year} is the year the administrator says it is for, or null to take it from the
     * title; when both are there they must agree.
     */
    public static Parsed parse(String text, Integer year) {
        List<Problem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new InvalidNoticeException(List.of(new Problem(0, "", "通知内容为空 (empty notice)")));
        }
        String[] lines = normalise(text).split("\n", -1);
        Integer noticeYear = null;
        for (String line : lines) {
            Matcher m = TITLE_YEAR.matcher(line);
            if (m.find()) {
                noticeYear = Integer.parseInt(m.group(1));
                break;
            }
        }
        if (noticeYear == null) {
            for (String line : lines) {
                Matcher m = PREAMBLE_YEAR.matcher(line);
                if (m.find()) {
                    noticeYear = Integer.parseInt(m.group(1));
                    break;
                }
            }
        }
        if (year != null && noticeYear != null && !year.equals(noticeYear)) {
            problems.add(new Problem(0, "", "通知是 " + noticeYear + " 年的，而指定的年份是 " + year
                    + " (the notice is for another year)"));
        }
        int y = year != null ? year : noticeYear != null ? noticeYear : 0;
        if (y == 0) {
            throw new InvalidNoticeException(List.of(new Problem(0, "",
                    "找不到通知的年份（标题“国务院办公厅关于20XX年部分节假日安排的通知”），请指定年份 (no year)")));
        }

        List<Holiday> holidays = new ArrayList<>();
        List<MakeUpDay> makeUps = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        Map<LocalDate, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            Matcher item = ITEM.matcher(line);
            if (!item.matches()) {
                continue;           // title, number, addressees, preamble, closing paragraphs, signature
            }
            String rest = item.group(2);
            int colon = rest.indexOf('：');
            if (colon <= 0) {
                problems.add(new Problem(lineNo, line, "条目应为“序号、节日：安排”，找不到节日名称后的冒号 (no festival name)"));
                continue;
            }
            String festival = rest.substring(0, colon).strip();
            String body = rest.substring(colon + 1);
            int before = problems.size();
            readItem(y, festival, body, lineNo, line, holidays, makeUps, remarks, problems);
            if (problems.size() > before) {
                continue;
            }
            int line0 = lineNo;
            if (holidays.stream().noneMatch(h -> h.line() == line0) && makeUps.stream().noneMatch(m -> m.line() == line0)) {
                problems.add(new Problem(lineNo, line, "条目中没有读到放假或上班的日期 (no dates in the item)"));
                continue;
            }
            for (Holiday h : holidays) {
                if (h.line() != lineNo) {
                    continue;
                }
                for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                    Integer other = seen.putIfAbsent(d, lineNo);
                    if (other != null) {
                        problems.add(new Problem(lineNo, line, d + " 已在第 " + other + " 行出现 (date given twice)"));
                    }
                }
            }
            for (MakeUpDay m : makeUps) {
                if (m.line() == lineNo) {
                    Integer other = seen.putIfAbsent(m.date(), lineNo);
                    if (other != null) {
                        problems.add(new Problem(lineNo, line, m.date() + " 已在第 " + other + " 行出现 (date given twice)"));
                    }
                }
            }
        }
        if (holidays.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "", "没有找到放假安排条目（如“一、元旦：1月1日放假”）(no holiday items)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidNoticeException(problems);
        }
        Map<LocalDate, String> names = new TreeMap<>();
        for (Holiday h : holidays) {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                names.put(d, h.name());
            }
        }
        CalendarYear calendarYear;
        try {
            calendarYear = CalendarYear.of(y, names.keySet(), makeUps.stream().map(MakeUpDay::date).toList(), names);
        } catch (CalendarYear.InvalidYearException e) {
            throw new InvalidNoticeException(e.problems().stream().map(p -> new Problem(0, "", p)).toList());
        }
        return new Parsed(y, List.copyOf(holidays), List.copyOf(makeUps), List.copyOf(remarks), calendarYear);
    }

    private record DateToken(int start, int end, LocalDate date) {
    }

    private static void readItem(int year, String festival, String body, int lineNo, String line,
                                 List<Holiday> holidays, List<MakeUpDay> makeUps, List<String> remarks,
                                 List<Problem> problems) {
        for (String sentence : body.split("。")) {
            List<Holiday> lastOff = List.of();
            for (String clause : sentence.split("[，；]")) {
                if (clause.isBlank()) {
                    continue;
                }
                List<DateToken> tokens = new ArrayList<>();
                Matcher m = DATE.matcher(clause);
                Integer month = null;
                boolean bad = false;
                while (m.find()) {
                    if (m.group(2) != null) {
                        month = Integer.parseInt(m.group(2));
                    } else if (month == null) {
                        problems.add(new Problem(lineNo, line, "“" + m.group() + "”没有月份 (date without a month)"));
                        bad = true;
                        break;
                    }
                    int dateYear = m.group(1) == null ? year : Integer.parseInt(m.group(1));
                    LocalDate d;
                    try {
                        d = LocalDate.of(dateYear, month, Integer.parseInt(m.group(3)));
                    } catch (DateTimeException e) {
                        problems.add(new Problem(lineNo, line, "“" + m.group() + "”不是有效日期 (not a date)"));
                        bad = true;
                        break;
                    }
                    if (dateYear != year) {
                        problems.add(new Problem(lineNo, line, d + " 不在通知的 " + year + " 年内 (date outside the notice's year)"));
                        bad = true;
                        break;
                    }
                    if (m.group(4) != null && !checkBracket(d, m.group(4), lineNo, line, problems)) {
                        bad = true;
                        break;
                    }
                    tokens.add(new DateToken(m.start(), m.end(), d));
                }
                if (bad) {
                    return;
                }
                if (tokens.isEmpty()) {
                    Matcher count = COUNT.matcher(clause);
                    if (count.find()) {
                        int n = Integer.parseInt(count.group(1));
                        int days = lastOff.stream().mapToInt(Holiday::days).sum();
                        if (lastOff.isEmpty()) {
                            problems.add(new Problem(lineNo, line, "“" + clause + "”前没有放假日期 (a count without dates)"));
                            return;
                        }
                        if (days != n) {
                            problems.add(new Problem(lineNo, line, "写明共 " + n + " 天，而所列日期 " + lastOff.get(0).from()
                                    + " 至 " + lastOff.get(lastOff.size() - 1).to() + " 是 " + days
                                    + " 天 (the count disagrees with the dates)"));
                            return;
                        }
                    } else if (clause.contains("放假") || clause.contains("上班") || clause.contains("补休")
                            || clause.matches(".*\\d.*")) {
                        problems.add(new Problem(lineNo, line, "“" + clause + "”无法识别日期 (cannot read)"));
                        return;
                    } else {
                        remarks.add(festival + "：" + clause.strip());
                    }
                    continue;
                }
                // what joins the dates, and what the clause says of them
                List<LocalDate[]> ranges = new ArrayList<>();
                LocalDate[] open = {tokens.get(0).date(), tokens.get(0).date()};
                for (int t = 1; t < tokens.size(); t++) {
                    String joint = clause.substring(tokens.get(t - 1).end(), tokens.get(t).start()).strip();
                    if (joint.equals("至") || joint.equals("—") || joint.equals("-") || joint.equals("～")) {
                        open[1] = tokens.get(t).date();
                        if (open[1].isBefore(open[0])) {
                            problems.add(new Problem(lineNo, line, open[0] + " 至 " + open[1] + " 结束早于开始 (range ends before it starts)"));
                            return;
                        }
                    } else if (joint.equals("、") || joint.equals("和") || joint.equals("及")) {
                        ranges.add(open);
                        open = new LocalDate[] {tokens.get(t).date(), tokens.get(t).date()};
                    } else {
                        problems.add(new Problem(lineNo, line, "“" + clause + "”中日期之间的“" + joint + "”无法识别 (cannot read)"));
                        return;
                    }
                }
                ranges.add(open);
                String lead = clause.substring(0, tokens.get(0).start()).strip();
                String tail = clause.substring(tokens.get(tokens.size() - 1).end()).strip();
                if (!lead.isEmpty()) {
                    problems.add(new Problem(lineNo, line, "“" + clause + "”开头的“" + lead + "”无法识别 (cannot read)"));
                    return;
                }
                Matcher count = COUNT.matcher(tail);
                String word = count.replaceAll("").strip();
                if (word.equals("上班")) {
                    for (LocalDate[] r : ranges) {
                        for (LocalDate d = r[0]; !d.isAfter(r[1]); d = d.plusDays(1)) {
                            java.time.DayOfWeek w = d.getDayOfWeek();
                            if (w != java.time.DayOfWeek.SATURDAY && w != java.time.DayOfWeek.SUNDAY) {
                                problems.add(new Problem(lineNo, line, "调休上班日 " + d + " 是" + CalendarYear.weekday(d)
                                        + "，本来就是工作日 (a make-up day on a weekday)"));
                                return;
                            }
                            makeUps.add(new MakeUpDay(d, festival, lineNo));
                        }
                    }
                } else if (word.equals("放假") || word.equals("放假调休") || word.equals("补休") || word.equals("调休")
                        || word.equals("休息") || word.equals("放假休息")) {
                    List<Holiday> these = new ArrayList<>();
                    for (LocalDate[] r : ranges) {
                        these.add(new Holiday(festival, r[0], r[1], lineNo));
                    }
                    holidays.addAll(these);
                    lastOff = these;
                    if (count.find(0)) {
                        int n = Integer.parseInt(count.group(1));
                        int days = these.stream().mapToInt(Holiday::days).sum();
                        if (n != days) {
                            problems.add(new Problem(lineNo, line, "写明共 " + n + " 天，而所列日期是 " + days
                                    + " 天 (the count disagrees with the dates)"));
                            return;
                        }
                    }
                } else {
                    problems.add(new Problem(lineNo, line, "“" + clause + "”：日期后的“" + tail
                            + "”既不是放假也不是上班 (cannot read)"));
                    return;
                }
            }
        }
    }

    /** A weekday in brackets must be the date's; lunar dates (农历…) are not checked. */
    private static boolean checkBracket(LocalDate d, String bracket, int lineNo, String line, List<Problem> problems) {
        for (String part : bracket.split("[、，,]")) {
            String p = part.strip();
            Matcher w = WEEKDAY.matcher(p);
            if (w.matches()) {
                String c = w.group(1).equals("天") ? "日" : w.group(1);
                int expected = WEEKDAY_CHARS.indexOf(c) + 1;
                if (d.getDayOfWeek().getValue() != expected) {
                    problems.add(new Problem(lineNo, line, d + " 标为“" + p + "”，实为" + CalendarYear.weekday(d)
                            + " (wrong weekday)"));
                    return false;
                }
            } else if (!(p.startsWith("农历") || p.contains("除夕") || p.contains("初") || p.contains("腊月")
                    || p.contains("正月") || p.isEmpty())) {
                problems.add(new Problem(lineNo, line, "括号中的“" + p + "”无法识别 (cannot read)"));
                return false;
            }
        }
        return true;
    }

    /** Full-width digits and punctuation folded, spaces dropped, line ends unified. */
    static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == '(') {
                c = '（';
            } else if (c == ')') {
                c = '）';
            } else if (c == ':') {
                c = '：';
            } else if (c == ',') {
                c = '，';
            } else if (c == ';') {
                c = '；';
            } else if (c == '\r' || c == '\uFEFF' || c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0') {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

}
