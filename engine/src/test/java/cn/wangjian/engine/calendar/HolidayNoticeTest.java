package cn.wangjian.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HolidayNoticeTest {

    static final WorkingDayCalendar SEED = WorkingDayCalendar.builtIn();

    private static String resource(String name) throws IOException {
        try (InputStream in = HolidayNoticeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Off days and make-up days exactly; each seed name within the item's title (中秋 in “中秋节、国庆节”). */
    private static void assertReproduces(HolidayNotice.Parsed parsed, CalendarYear seed) {
        assertThat(parsed.year()).isEqualTo(seed.year());
        assertThat(parsed.calendarYear().off()).as("days off of " + seed.year()).isEqualTo(seed.off());
        assertThat(parsed.calendarYear().makeUp()).as("make-up days of " + seed.year()).isEqualTo(seed.makeUp());
        seed.names().forEach((d, name) -> assertThat(parsed.calendarYear().names().get(d)).as(d.toString())
                .contains(name));
    }

    @ParameterizedTest
    @EnumSource(NoticeWriter.Style.class)
    void every_seed_year_written_as_a_notice_in_either_style_parses_back_to_the_seed(NoticeWriter.Style style) {
        assertThat(SEED.years()).hasSize(23);
        for (int year : SEED.years()) {
            CalendarYear seed = SEED.year(year).orElseThrow();
            String notice = NoticeWriter.write(seed, style);
            assertReproduces(HolidayNotice.parse(notice, null), seed);
            assertReproduces(HolidayNotice.parse(notice, year), seed);
        }
    }

    @Test
    void the_published_2017_and_2026_notices_parse_to_the_seed() throws IOException {
        HolidayNotice.Parsed y2017 = HolidayNotice.parse(resource("notice-2017.txt"), null);
        assertReproduces(y2017, SEED.year(2017).orElseThrow());
        // 补休 is a day off; 与周末连休 is kept as a remark
        assertThat(y2017.calendarYear().off()).contains(LocalDate.of(2017, 1, 2));
        assertThat(y2017.remarks()).containsExactly("劳动节：与周末连休");
        assertThat(y2017.calendarYear().names().get(LocalDate.of(2017, 10, 4))).isEqualTo("中秋节、国庆节");
        HolidayNotice.Parsed y2026 = HolidayNotice.parse(resource("notice-2026.txt"), 2026);
        assertReproduces(y2026, SEED.year(2026).orElseThrow());
        assertThat(y2026.holidays()).hasSize(7);
        assertThat(y2026.holidays().get(1)).isEqualTo(new HolidayNotice.Holiday("春节", LocalDate.of(2026, 2, 15),
                LocalDate.of(2026, 2, 23), 9));
    }

    @Test
    void full_width_digits_and_half_width_brackets_are_read() {
        String notice = "国务院办公厅关于２０２６年部分节假日安排的通知\n一、元旦: 1月1日(周四)至3日(周六)放假调休, 共3天。1月4日(周日)上班。\n";
        HolidayNotice.Parsed p = HolidayNotice.parse(notice, null);
        assertThat(p.calendarYear().off()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 1, 3));
        assertThat(p.calendarYear().makeUp()).containsExactly(LocalDate.of(2026, 1, 4));
    }

    private static HolidayNotice.Problem only(String notice, Integer year) {
        try {
            HolidayNotice.parse(notice, year);
        } catch (HolidayNotice.InvalidNoticeException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("accepted: " + notice);
    }

    private static final String TITLE = "国务院办公厅关于2027年部分节假日安排的通知\n\n";

    @Test
    void a_count_that_disagrees_with_the_dates_is_refused_naming_the_line() {
        HolidayNotice.Problem p = only(TITLE + "一、元旦：1月1日（周五）放假。\n二、春节：2月6日至12日放假调休，共8天。\n", null);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.text()).startsWith("二、春节");
        assertThat(p.reason()).contains("共 8 天", "7 天");
    }

    @Test
    void a_make_up_day_on_a_weekday_is_refused() {
        // 2027-02-17 is a Wednesday
        HolidayNotice.Problem p = only(TITLE + "一、春节：2月6日至12日放假调休，共7天。2月17日上班。\n", null);
        assertThat(p.reason()).contains("2027-02-17", "星期三", "weekday");
    }

    @Test
    void dates_outside_the_notice_year_and_another_year_than_asked_are_refused() {
        assertThat(only(TITLE + "一、元旦：1月1日放假。2026年12月26日（星期六）上班。\n", null).reason())
                .contains("2026-12-26", "2027");
        assertThat(only(TITLE + "一、元旦：1月1日放假。\n", 2028).reason()).contains("2027", "2028");
    }

    @Test
    void an_unreadable_line_is_named_with_its_text() {
        HolidayNotice.Problem p = only(TITLE + "一、元旦：1月1日放假。\n二、春节：正月初一前后放假若干天。\n", null);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.text()).isEqualTo("二、春节：正月初一前后放假若干天。");
        assertThat(only(TITLE + "一、元旦 1月1日放假\n", null).reason()).contains("冒号");
        assertThat(only(TITLE + "一、元旦：1月1日（周一）放假。\n", null).reason()).contains("星期五", "wrong weekday");
        assertThat(only(TITLE + "一、元旦：2月30日放假。\n", null).reason()).contains("不是有效日期");
        assertThat(only(TITLE + "一、元旦：1月1日放假。\n二、春节：1月1日放假。\n", null).reason()).contains("已在第 3 行");
        assertThatThrownBy(() -> HolidayNotice.parse("各省、自治区：\n一、元旦：1月1日放假。", null))
                .isInstanceOf(HolidayNotice.InvalidNoticeException.class).hasMessageContaining("年份");
        assertThatThrownBy(() -> HolidayNotice.parse(TITLE + "各部门要妥善安排好值班。\n", null))
                .hasMessageContaining("没有找到放假安排条目");
    }

    @Test
    void every_problem_of_a_notice_is_listed_at_once() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> HolidayNotice.parse(TITLE
                + "一、元旦：1月1日至3日放假，共2天。\n二、春节：2月17日上班。\n三、清明：看情况。\n", null),
                HolidayNotice.InvalidNoticeException.class);
        assertThat(e.problems()).extracting(HolidayNotice.Problem::line).containsExactly(3, 4, 5);
    }
}
