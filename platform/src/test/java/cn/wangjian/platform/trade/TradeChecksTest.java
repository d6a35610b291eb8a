package cn.wangjian.platform.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct readings of the usual forms agree with the JDK's parsers; anything else is left to them. */
class TradeChecksTest {

    @Test
    void the_usual_offset_time_reads_as_the_jdk_reads_it() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L));   // 1970 to 2100
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            String text = OffsetDateTime.ofInstant(at, offset).toString();
            if (text.length() == 25) {
                assertThat(TradeChecks.usualOffsetTime(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            }
        }
    }

    @Test
    void other_forms_and_impossible_dates_are_left_to_the_full_parser() {
        assertThat(TradeChecks.usualOffsetTime("2026-11-03T10:15:00Z")).isNull();
        assertThat(TradeChecks.usualOffsetTime("2026-11-03T10:15:00.5+08:00")).isNull();
        assertThat(TradeChecks.usualOffsetTime("2026-02-29T10:15:00+08:00")).isNull();   // not a leap year
        assertThat(TradeChecks.usualOffsetTime("2024-02-29T10:15:00+08:00")).isNotNull();
        assertThat(TradeChecks.usualOffsetTime("2026-13-03T10:15:00+08:00")).isNull();
        assertThat(TradeChecks.usualOffsetTime("2026-11-03T24:15:00+08:00")).isNull();
        assertThat(TradeChecks.usualOffsetTime("2026-11-03T10:15:00+19:00")).isNull();
        assertThat(TradeChecks.usualOffsetTime("2026-1a-03T10:15:00+08:00")).isNull();
    }

    @Test
    void a_hash_is_sixty_four_hexadecimal_digits_in_lower_case() {
        String h = "ab".repeat(32);
        assertThat(TradeChecks.hexHash(h)).isSameAs(h);
        assertThat(TradeChecks.hexHash(h.toUpperCase())).isEqualTo(h);
        assertThat(TradeChecks.hexHash(h.substring(1))).isNull();
        assertThat(TradeChecks.hexHash("g" + h.substring(1))).isNull();
        assertThat(TradeChecks.hexHash("13800138000")).isNull();
    }
}
