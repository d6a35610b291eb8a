package cn.wangjian.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClocksTest {

    static final Clock MACHINE = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_spec_sets_the_clock_in_china_time() {
        assertThat(Clocks.of("", MACHINE).instant()).isEqualTo(MACHINE.instant());
        assertThat(Clocks.of(null, MACHINE).getZone()).isEqualTo(Clocks.CHINA);
        Clock fixed = Clocks.of("fixed:2026-12-31T23:59:30", MACHINE);
        assertThat(fixed.instant()).isEqualTo(Instant.parse("2026-12-31T15:59:30Z"));
        assertThat(LocalDate.now(fixed)).isEqualTo("2026-12-31");
        // a start moment runs on with the machine: here the machine stands still, so it is the moment itself
        assertThat(Clocks.of("2027-03-15", MACHINE).instant()).isEqualTo(Instant.parse("2027-03-14T16:00:00Z"));
        assertThat(Clocks.of("2027-03-15T10:00:00+08:00", MACHINE).instant()).isEqualTo(Instant.parse("2027-03-15T02:00:00Z"));
        assertThat(Clocks.of("offset:P30D", MACHINE).instant()).isEqualTo(MACHINE.instant().plus(Duration.ofDays(30)));
        assertThat(Clocks.of("offset:-PT2H", MACHINE).instant()).isEqualTo(MACHINE.instant().minus(Duration.ofHours(2)));
    }

    @Test
    void a_running_clock_started_at_a_moment_ticks_on() throws InterruptedException {
        Clock c = Clocks.of("2027-03-15T10:00:00", Clock.systemUTC());
        Instant a = c.instant();
        Thread.sleep(20);
        assertThat(c.instant()).isAfter(a);
        assertThat(Duration.between(Instant.parse("2027-03-15T02:00:00Z"), a).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_bad_spec_is_refused_with_the_forms_expected() {
        assertThatThrownBy(() -> Clocks.of("next tuesday", MACHINE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed:2027-03-15T10:00:00");
        assertThatThrownBy(() -> Clocks.of("offset:30 days", MACHINE)).hasMessageContaining("offset:P30D");
    }
}
