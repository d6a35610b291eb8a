package cn.wangjian.platform.calendar;

import cn.wangjian.engine.calendar.CalendarYear;
import cn.wangjian.engine.calendar.Deadline;
import cn.wangjian.engine.calendar.HolidayNotice;
import cn.wangjian.engine.calendar.WorkingDayCalendar;
import cn.wangjian.platform.audit.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar in force: the engine's seed years (2004–2026) with every year stored from a State Council
 * notice on top, the newest version of a year winning. Storing a notice is all or nothing: it is parsed and checked
 * whole ({@link HolidayNotice}), a year already known is replaced only when the administrator confirms the
 * differences shown, and the new version, its audit entry and everything that reacts to {@link CalendarYearStored}
 * (provisional deadlines recomputed) commit together.
 */
@Service
public class WorkingDays {

    /** A stored version of a year. */
    public record StoredYear(int year, int version, CalendarYear arrangement, String noticeText, String note,
                             String createdBy, Instant createdAt) {
    }

    /** Where a year of the calendar in force comes from. */
    public record YearSource(int year, String source, Integer version, int daysOff, int makeUpDays) {
    }

    /** What a notice would store, before the administrator confirms it. */
    public record Preview(HolidayNotice.Parsed parsed, String currentSource, List<String> differences,
                          int nextVersion, List<Month> months) {
        public boolean replacesKnownYear() {
            return currentSource != null;
        }
    }

    /** A month of the preview: its weeks, Monday first, days outside the month null. */
    public record Month(int month, List<List<Day>> weeks) {
    }

    /** A day of the preview: off (with the festival), a make-up working day, a weekend, or a working day. */
    public record Day(LocalDate date, String kind, String festival) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(String stamp, WorkingDayCalendar calendar) {
    }

    WorkingDays(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The calendar in force (read again only when a version was stored, by this or another instance). */
    public WorkingDayCalendar calendar() {
        String stamp = jdbc.sql("SELECT coalesce(max(id), 0) || ':' || count(*) FROM calendar_year_version")
                .query(String.class).single();
        Cached c = cached;
        if (c != null && c.stamp().equals(stamp)) {
            return c.calendar();
        }
        WorkingDayCalendar calendar = WorkingDayCalendar.builtIn();
        for (StoredYear y : latestVersions()) {
            calendar = calendar.withYear(y.arrangement());
        }
        cached = new Cached(stamp, calendar);
        return calendar;
    }

    /** {@code n} working days after {@code from}, provisional (暂定) where a year has no data yet. */
    public Deadline deadline(LocalDate from, int n) {
        return calendar().deadline(from, n);
    }

    /** Today in China, on the platform's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The years of the calendar in force and where each comes from. */
    public List<YearSource> years() {
        WorkingDayCalendar calendar = calendar();
        Map<Integer, StoredYear> stored = new LinkedHashMap<>();
        latestVersions().forEach(y -> stored.put(y.year(), y));
        List<YearSource> out = new ArrayList<>();
        for (int year : calendar.years()) {
            CalendarYear y = calendar.year(year).orElseThrow();
            StoredYear s = stored.get(year);
            out.add(new YearSource(year, s == null ? "内置数据" : "国务院通知（第 " + s.version() + " 版，" + s.createdBy() + "）",
                    s == null ? null : s.version(), y.off().size(), y.makeUp().size()));
        }
        return out;
    }

    /**
     * The year the administrator should add now: from 1 November, next year when the calendar lacks it; from
     * 1 January, this year when it is still missing.
     */
    public Optional<Integer> missingYear() {
        LocalDate today = today();
        WorkingDayCalendar calendar = calendar();
        if (!calendar.years().contains(today.getYear())) {
            return Optional.of(today.getYear());
        }
        if (today.getMonthValue() >= 11 && !calendar.years().contains(today.getYear() + 1)) {
            return Optional.of(today.getYear() + 1);
        }
        return Optional.empty();
    }

    public List<StoredYear> versions(int year) {
        return jdbc.sql("SELECT * FROM calendar_year_version WHERE year = ? ORDER BY version DESC").param(year)
                .query((rs, n) -> stored(rs)).list();
    }

    /** Parses and checks a notice and shows what storing it would change; stores nothing. */
    public Preview preview(String noticeText, Integer year) {
        HolidayNotice.Parsed parsed = HolidayNotice.parse(noticeText, year);
        int y = parsed.year();
        Optional<CalendarYear> current = calendar().year(y);
        List<StoredYear> versions = versions(y);
        String source = current.isEmpty() ? null
                : versions.isEmpty() ? "内置数据" : "第 " + versions.get(0).version() + " 版";
        List<String> differences = current.map(c -> parsed.calendarYear().differencesFrom(c)).orElse(List.of());
        return new Preview(parsed, source, differences, versions.isEmpty() ? 1 : versions.get(0).version() + 1,
                months(parsed.calendarYear()));
    }

    /**
     * Stores a notice as the next version of its year. A year the calendar already has is replaced only with
     * {@code replace} (the administrator saw the differences); a notice that changes nothing is not stored.
     */
    @Transactional
    public StoredYear store(String noticeText, Integer year, boolean replace, String note, String actor) {
        Preview preview = preview(noticeText, year);
        if (preview.replacesKnownYear()) {
            if (preview.differences().isEmpty()) {
                throw new CalendarRefusedException(preview.parsed().year() + " 年的安排与现有的（" + preview.currentSource()
                        + "）相同，未保存 (nothing changes)", List.of());
            }
            if (!replace) {
                throw new CalendarRefusedException(preview.parsed().year() + " 年已有安排（" + preview.currentSource()
                        + "），新通知与之不同；确认差异后另存为第 " + preview.nextVersion() + " 版 (year already stored: confirm "
                        + "the differences)", preview.differences());
            }
        }
        CalendarYear y = preview.parsed().calendarYear();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO calendar_year_version (year, version, off_days, makeup_days, names, notice_text, note,
                                                   created_by, created_at) VALUES (?, ?, ?::date[], ?::date[], ?::jsonb, ?, ?, ?, ?)""")
                .params(y.year(), preview.nextVersion(), pgArray(y.off()), pgArray(y.makeUp()), json(y.names()), noticeText,
                        note == null || note.isBlank() ? null : note.strip(), actor, Timestamp.from(now)).update();
        audit.record(actor, "calendar.year-stored", "calendar-year", Integer.toString(y.year()),
                preview.currentSource() == null ? null : Map.of("source", preview.currentSource()),
                Map.of("version", preview.nextVersion(), "daysOff", y.off().size(), "makeUpDays", y.makeUp().size(),
                        "differences", preview.differences()));
        StoredYear stored = versions(y.year()).get(0);
        events.publishEvent(new CalendarYearStored(y.year(), stored.version(), calendar(), actor));
        return stored;
    }

    private List<StoredYear> latestVersions() {
        return jdbc.sql("""
                SELECT DISTINCT ON (year) * FROM calendar_year_version ORDER BY year, version DESC""")
                .query((rs, n) -> stored(rs)).list();
    }

    static List<Month> months(CalendarYear y) {
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(y.year(), m, 1);
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
                week.add(null);
            }
            for (LocalDate d = first; d.getMonthValue() == m; d = d.plusDays(1)) {
                String kind = y.off().contains(d) ? "off" : y.makeUp().contains(d) ? "makeup"
                        : d.getDayOfWeek().getValue() >= 6 ? "weekend" : "work";
                week.add(new Day(d, kind, y.names().get(d)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return months;
    }

    private static StoredYear stored(ResultSet rs) throws SQLException {
        int year = rs.getInt("year");
        Map<LocalDate, String> names = new TreeMap<>();
        try {
            Map<String, String> raw = JSON.readValue(rs.getString("names"), new TypeReference<Map<String, String>>() { });
            raw.forEach((k, v) -> names.put(LocalDate.parse(k), v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("节假日安排无法读取 (corrupt calendar year " + year + ")", e);
        }
        CalendarYear arrangement = CalendarYear.of(year, dates(rs.getArray("off_days")), dates(rs.getArray("makeup_days")),
                names);
        return new StoredYear(year, rs.getInt("version"), arrangement, rs.getString("notice_text"), rs.getString("note"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> ((java.sql.Date) o).toLocalDate()).toList();
    }

    private static String pgArray(java.util.Collection<LocalDate> dates) {
        return "{" + String.join(",", dates.stream().map(LocalDate::toString).toList()) + "}";
    }

    private static String json(Map<LocalDate, String> names) {
        Map<String, String> m = new TreeMap<>();
        names.forEach((k, v) -> m.put(k.toString(), v));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
