package cn.wangjian.engine.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Mainland China's working days from data: the State Council's statutory holidays (off) and make-up working days
 * per year ({@code cn-holidays.json}, vendored from shared/reference, 2004–2026; later years come from the notice,
 * {@link HolidayNotice}, and are added with {@link #withYear}). A day is a working day when it is
 * a make-up working day, or a Monday to Friday that is not a holiday. A year without data is never guessed: asking
 * about it throws {@link NoDataException} naming the year.
 */
public final class WorkingDayCalendar {

    /** A question about a year the calendar has no data for. */
    public static final class NoDataException extends RuntimeException {
        private final int year;

        NoDataException(int year, Set<Integer> years) {
            super("没有 " + year + " 年的法定节假日数据（国务院办公厅通知通常于上一年11月发布），不推算期限；已有年份 "
                    + (years.isEmpty() ? "无" : Collections.min(years) + "–" + Collections.max(years))
                    + " (no holiday data for " + year + ")");
            this.year = year;
        }

        public int year() {
            return year;
        }
    }

    private final Map<Integer, CalendarYear> byYear;
    private final Set<LocalDate> off;
    private final Set<LocalDate> makeUp;
    private final Map<LocalDate, String> names;
    private final Set<Integer> years;

    private WorkingDayCalendar(Map<Integer, CalendarYear> byYear) {
        this.byYear = Map.copyOf(byYear);
        Set<LocalDate> o = new HashSet<>();
        Set<LocalDate> m = new HashSet<>();
        Map<LocalDate, String> n = new HashMap<>();
        for (CalendarYear y : byYear.values()) {
            o.addAll(y.off());
            m.addAll(y.makeUp());
            n.putAll(y.names());
        }
        this.off = Set.copyOf(o);
        this.makeUp = Set.copyOf(m);
        this.names = Map.copyOf(n);
        this.years = Collections.unmodifiableSet(new TreeSet<>(byYear.keySet()));
    }

    /** A calendar of exactly these years. */
    public static WorkingDayCalendar of(Collection<CalendarYear> years) {
        Map<Integer, CalendarYear> m = new HashMap<>();
        for (CalendarYear y : years) {
            if (m.put(y.year(), y) != null) {
                throw new IllegalArgumentException(y.year() + " 年重复 (year given twice)");
            }
        }
        return new WorkingDayCalendar(m);
    }

    /** This calendar with {@code year} added, or in place of the one it had for that year. */
    public WorkingDayCalendar withYear(CalendarYear year) {
        Map<Integer, CalendarYear> m = new HashMap<>(byYear);
        m.put(year.year(), year);
        return new WorkingDayCalendar(m);
    }

    /** The arrangement of one year, if the calendar has it. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(byYear.get(year));
    }

    private static volatile WorkingDayCalendar builtIn;

    /** The calendar shipped with the engine. */
    public static WorkingDayCalendar builtIn() {
        WorkingDayCalendar c = builtIn;
        if (c == null) {
            try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("cn-holidays.json")) {
                c = read(new ObjectMapper().readTree(in), "classpath:cn-holidays.json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = c;
        }
        return c;
    }

    /** A calendar from a file of the same form (a newer year's notice added by an administrator). */
    public static WorkingDayCalendar load(Path file) {
        try {
            return read(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + "：无法读取节假日数据 (cannot read): " + e.getMessage());
        }
    }

    static WorkingDayCalendar read(JsonNode root, String source) {
        Map<Integer, CalendarYear> years = new HashMap<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            int year;
            try {
                year = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(source + "：键 " + e.getKey() + " 不是年份 (not a year)");
            }
            JsonNode y = e.getValue();
            if (!y.path("off").isArray() || y.path("off").isEmpty()) {
                continue;      // every year has statutory days off: an empty year ("not yet published") has no data
            }
            Set<LocalDate> off = new TreeSet<>();
            Set<LocalDate> makeUp = new TreeSet<>();
            Map<LocalDate, String> names = new TreeMap<>();
            for (JsonNode d : y.path("off")) {
                off.add(date(d.asText(), source, year, "off"));
            }
            for (JsonNode d : y.path("makeup_workdays")) {
                makeUp.add(date(d.asText(), source, year, "makeup_workdays"));
            }
            y.path("names").fields().forEachRemaining(n -> names.put(date(n.getKey(), source, year, "names"),
                    n.getValue().asText()));
            try {
                years.put(year, CalendarYear.of(year, off, makeUp, names));
            } catch (CalendarYear.InvalidYearException ex) {
                throw new IllegalArgumentException(source + "：" + ex.getMessage());
            }
        }
        return new WorkingDayCalendar(years);
    }

    private static LocalDate date(String s, String source, int year, String field) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + "：" + year + " 年的 " + field + " 中 " + s + " 不是日期 (not a date)");
        }
    }

    /** The years with data. */
    public Set<Integer> years() {
        return years;
    }

    public boolean isWorkday(LocalDate d) {
        requireData(d.getYear());
        if (makeUp.contains(d)) {
            return true;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !off.contains(d);
    }

    /** The holiday's name for a statutory day off, else null. */
    public String holidayName(LocalDate d) {
        return names.get(d);
    }

    public boolean isMakeUpWorkday(LocalDate d) {
        return makeUp.contains(d);
    }

    /**
     * The day {@code n} working days after {@code from}, the day itself not counted (行政处罚法 Art. 85: the
     * periods of the law in working days exclude statutory holidays); {@code n} 0 is {@code from}.
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("工作日数不能为负 (negative working days): " + n);
        }
        LocalDate d = from;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkday(d)) {
                counted++;
            }
        }
        return d;
    }

    /** How many working days lie after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkday(d)) {
                n++;
            }
        }
        return n;
    }

    /** The first working day on or after {@code d}. */
    public LocalDate onOrAfter(LocalDate d) {
        LocalDate x = d;
        while (!isWorkday(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    /**
     * The day {@code n} working days after {@code from}, like {@link #plusWorkingDays}, but a year without data is
     * counted provisionally — weekends and the holidays whose dates the law fixes ({@link FixedStatutoryDays}:
     * 元旦, 劳动节, 国庆节) are off, nothing else — and the result marked provisional (暂定) with the years it went
     * through (decision 0017).
     */
    public Deadline deadline(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("工作日数不能为负 (negative working days): " + n);
        }
        TreeSet<Integer> guessed = new TreeSet<>();
        LocalDate d = from;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            boolean workday;
            if (years.contains(d.getYear())) {
                workday = isWorkday(d);
            } else {
                guessed.add(d.getYear());
                workday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                        && FixedStatutoryDays.builtIn().nameOf(d).isEmpty();
            }
            if (workday) {
                counted++;
            }
        }
        return new Deadline(d, guessed);
    }

    private void requireData(int year) {
        if (!years.contains(year)) {
            throw new NoDataException(year, years);
        }
    }
}
