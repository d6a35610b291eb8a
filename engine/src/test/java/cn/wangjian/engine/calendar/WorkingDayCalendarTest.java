package cn.wangjian.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.engine.cli.DeadlineCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDayCalendarTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.builtIn();

    @Test
    void the_2026_spring_festival_is_skipped_and_its_make_up_saturdays_count() {
        assertThat(CAL.isWorkday(LocalDate.of(2026, 2, 14))).as("Sat, make-up").isTrue();
        assertThat(CAL.isWorkday(LocalDate.of(2026, 2, 15))).isFalse();
        assertThat(CAL.isWorkday(LocalDate.of(2026, 2, 23))).as("Mon, still off").isFalse();
        assertThat(CAL.isWorkday(LocalDate.of(2026, 2, 24))).isTrue();
        assertThat(CAL.isWorkday(LocalDate.of(2026, 2, 28))).as("Sat, make-up").isTrue();
        assertThat(CAL.holidayName(LocalDate.of(2026, 2, 17))).isEqualTo("春节");
        // Fri 13 Feb + 15: 14 (make-up), 24–27, 28 (make-up), 2–6 Mar, 9–12 Mar
        assertThat(CAL.plusWorkingDays(LocalDate.of(2026, 2, 13), 15)).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(CAL.plusWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(CAL.plusWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        // a hearing request within 5 working days of a notice served on the eve of the holiday
        assertThat(CAL.plusWorkingDays(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(CAL.plusWorkingDays(LocalDate.of(2026, 2, 13), 0)).isEqualTo(LocalDate.of(2026, 2, 13));
    }

    @Test
    void national_day_2026_is_skipped_and_its_make_up_days_count() {
        assertThat(CAL.isWorkday(LocalDate.of(2026, 9, 20))).as("Sun, make-up").isTrue();
        assertThat(CAL.isWorkday(LocalDate.of(2026, 10, 10))).as("Sat, make-up").isTrue();
        for (int day = 1; day <= 7; day++) {
            assertThat(CAL.isWorkday(LocalDate.of(2026, 10, day))).isFalse();
        }
        assertThat(CAL.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(CAL.plusWorkingDays(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(CAL.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
        // 2017: National Day and Mid-Autumn together, 1–8 October, make-up Saturday 30 September
        assertThat(CAL.plusWorkingDays(LocalDate.of(2017, 9, 29), 2)).isEqualTo(LocalDate.of(2017, 10, 9));
    }

    @Test
    void a_year_without_data_is_refused_not_guessed() {
        assertThatThrownBy(() -> CAL.isWorkday(LocalDate.of(2027, 3, 1)))
                .isInstanceOf(WorkingDayCalendar.NoDataException.class).hasMessageContaining("2027");
        assertThatThrownBy(() -> CAL.plusWorkingDays(LocalDate.of(2026, 12, 25), 10))
                .isInstanceOf(WorkingDayCalendar.NoDataException.class).hasMessageContaining("2027");
        assertThatThrownBy(() -> CAL.isWorkday(LocalDate.of(2003, 5, 1)))
                .isInstanceOf(WorkingDayCalendar.NoDataException.class).hasMessageContaining("2004–2026");
    }

    @Property(tries = 300)
    void n_working_days_later_is_a_working_day_with_exactly_n_working_days_in_between(
            @ForAll @IntRange(min = 0, max = 8000) int offset, @ForAll @IntRange(min = 1, max = 60) int n) {
        LocalDate from = LocalDate.of(2004, 1, 1).plusDays(offset);
        LocalDate end = CAL.plusWorkingDays(from, n);
        assertThat(CAL.isWorkday(end)).isTrue();
        assertThat(CAL.workingDaysBetween(from, end)).isEqualTo(n);
        assertThat(CAL.workingDaysBetween(from, end.minusDays(1))).isEqualTo(n - 1);
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DeadlineCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void the_deadline_command_answers_officers_and_refuses_what_it_cannot_know(@TempDir Path tmp) throws Exception {
        String[] r = run("2026-02-13", "15");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).startsWith("2026-03-12（星期四）").contains("春节：2026-02-15 至 2026-02-23（9 天）")
                .contains("2026-02-14", "2026-02-28");
        r = run("--days", "90", "2026-02-13");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).startsWith("2026-05-14（星期四）");
        r = run("--days", "7", "2026-09-26");
        assertThat(r[1]).startsWith("2026-10-03").contains("休息日", "国庆节", "2026-10-08");
        r = run("2026-12-25", "10");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("2027");
        assertThat(run("2026-02-30", "3")[2]).contains("不是日期");
        assertThat(run("2026-02-13")[2]).contains("用法");
        // a newer holiday file from an administrator answers for its year
        Path file = tmp.resolve("holidays.json");
        Files.writeString(file, "{\"2027\":{\"off\":[\"2027-01-01\"],\"makeup_workdays\":[],\"names\":{\"2027-01-01\":\"元旦\"}}}");
        r = run("2026-12-30", "1", "--calendar", file.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("2");        // 2026 is not in that file
        r = run("2027-01-01", "1", "--calendar", file.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).startsWith("2027-01-04");
    }

    @Test
    void a_provisional_deadline_counts_a_year_without_data_on_weekends_alone_and_says_so() {
        Deadline exact = CAL.deadline(LocalDate.of(2026, 2, 13), 15);
        assertThat(exact).isEqualTo(Deadline.exact(LocalDate.of(2026, 3, 12)));
        assertThat(exact.note()).isNull();
        // 28 Dec 2026 + 5: 29, 30, 31 Dec on the 2026 data, then 2027 provisionally: 1 Jan (元旦, fixed by law) off,
        // Mon 4 and Tue 5 Jan
        Deadline d = CAL.deadline(LocalDate.of(2026, 12, 28), 5);
        assertThat(d.date()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(d.provisional()).isTrue();
        assertThat(d.provisionalYears()).containsExactly(2027);
        assertThat(d.note()).contains("暂定", "2027");
        // 劳动节 is 1–2 May from the 2025 revision of the 放假办法, and 国庆节 1–3 October; 春节 is not guessed
        assertThat(CAL.deadline(LocalDate.of(2027, 4, 30), 1).date()).isEqualTo(LocalDate.of(2027, 5, 3));
        assertThat(CAL.deadline(LocalDate.of(2027, 9, 30), 1).date()).isEqualTo(LocalDate.of(2027, 10, 4));
        assertThat(CAL.deadline(LocalDate.of(2027, 2, 5), 1).date()).isEqualTo(LocalDate.of(2027, 2, 8));
        // once the year is added, the same question has an exact answer
        WorkingDayCalendar with2027 = CAL.withYear(CalendarYear.of(2027, java.util.List.of(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 1, 4)), java.util.List.of(), java.util.Map.of(LocalDate.of(2027, 1, 1), "元旦",
                LocalDate.of(2027, 1, 4), "元旦")));
        assertThat(with2027.deadline(LocalDate.of(2026, 12, 28), 5)).isEqualTo(Deadline.exact(LocalDate.of(2027, 1, 6)));
        assertThat(with2027.plusWorkingDays(LocalDate.of(2026, 12, 28), 5)).isEqualTo(LocalDate.of(2027, 1, 6));
    }

    @Test
    void the_deadline_command_prints_a_provisional_date_only_when_asked_and_counts_from_today_on_the_clock() {
        String[] r = run("2026-12-28", "5");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--provisional");
        r = run("2026-12-28", "5", "--provisional");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).startsWith("2027-01-05（星期二）").contains("暂定");
        String before = System.getProperty(cn.wangjian.engine.time.Clocks.PROPERTY);
        System.setProperty(cn.wangjian.engine.time.Clocks.PROPERTY, "fixed:2026-02-13T09:00:00");
        try {
            assertThat(run("today", "15")[1]).startsWith("2026-03-12（星期四）");
        } finally {
            if (before == null) {
                System.clearProperty(cn.wangjian.engine.time.Clocks.PROPERTY);
            } else {
                System.setProperty(cn.wangjian.engine.time.Clocks.PROPERTY, before);
            }
        }
    }

    @Test
    void a_calendar_year_refuses_what_no_notice_says() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CalendarYear.of(2027,
                java.util.List.of(LocalDate.of(2027, 1, 1)), java.util.List.of(LocalDate.of(2027, 2, 17)),
                java.util.Map.of(LocalDate.of(2027, 1, 1), "元旦")))
                .hasMessageContaining("2027-02-17").hasMessageContaining("星期三");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CalendarYear.of(2027,
                java.util.List.of(LocalDate.of(2026, 12, 31)), java.util.List.of(),
                java.util.Map.of(LocalDate.of(2026, 12, 31), "元旦"))).hasMessageContaining("不在 2027 年内");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CalendarYear.of(2027, java.util.List.of(),
                java.util.List.of(), java.util.Map.of())).hasMessageContaining("没有任何放假日期");
    }
}
