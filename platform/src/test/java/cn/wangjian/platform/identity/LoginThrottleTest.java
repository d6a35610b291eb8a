package cn.wangjian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void blocks_a_user_after_the_limit_until_the_window_passes() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedFor("Alice")).isEmpty();
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.blockedFor(" ALICE ")).hasValue(Duration.ofMinutes(15));
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("alice")).hasValue(Duration.ofMinutes(5));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(throttle.blockedFor("alice")).isEmpty();
    }

    @Test
    void blocks_an_address_that_sprays_many_user_names() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.2");
        }
        // the address is throttled (wrong passwords from it are answered as throttled), no account is locked
        assertThat(throttle.addressThrottledFor("10.0.0.2")).isPresent();
        assertThat(throttle.addressThrottledFor("10.0.0.3")).isEmpty();
        assertThat(throttle.blockedFor("someone-else")).isEmpty();
    }

    @Test
    void a_success_clears_the_users_failures() {
        throttle.failed("bob", "10.0.0.4");
        throttle.failed("bob", "10.0.0.4");
        throttle.succeeded("bob");
        throttle.failed("bob", "10.0.0.4");
        throttle.failed("bob", "10.0.0.4");
        assertThat(throttle.blockedFor("bob")).isEmpty();
    }

    @Test
    void each_further_round_of_failures_doubles_the_lock_up_to_a_day() {
        java.util.List<Duration> locks = new java.util.ArrayList<>();
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < 3; i++) {
                throttle.failed("carol", "10.0.0.5");
            }
            Duration lock = throttle.blockedFor("carol").orElseThrow();
            locks.add(lock);
            // the guesser waits the lock out, then tries again
            clock.now = clock.now.plus(lock);
            assertThat(throttle.blockedFor("carol")).isEmpty();
        }
        assertThat(locks.subList(0, 4)).containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30),
                Duration.ofMinutes(60), Duration.ofMinutes(120));
        assertThat(locks).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofDays(1)));
        // a day without failures starts again at the first lock
        clock.now = clock.now.plus(Duration.ofDays(1));
        for (int i = 0; i < 3; i++) {
            throttle.failed("carol", "10.0.0.5");
        }
        assertThat(throttle.blockedFor("carol")).hasValue(Duration.ofMinutes(15));
    }
}
