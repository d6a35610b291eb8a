package cn.wangjian.platform;

import cn.wangjian.engine.time.Clocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The platform's clock in tests: by default the machine's (so the suite runs on the day it runs), or the clock of
 * the system property {@code wangjian.test.clock} (a {@link Clocks} spec; the date-independence runs fix it at a
 * year-end instant and in a year without holiday data). A test may move it and must put it back ({@link #reset}).
 */
public final class TestClock extends Clock {

    private final Clock initial;
    private volatile Clock current;

    TestClock() {
        this.initial = Clocks.of(System.getProperty("wangjian.test.clock"), Clock.systemUTC());
        this.current = initial;
    }

    /** Stands still at this moment in China time. */
    public void fixAt(LocalDateTime chinaTime) {
        current = Clock.fixed(chinaTime.atZone(Clocks.CHINA).toInstant(), Clocks.CHINA);
    }

    /** Runs on from this moment in China time (ticking, unlike {@link #fixAt}). */
    public void runFrom(LocalDateTime chinaTime) {
        Instant target = chinaTime.atZone(Clocks.CHINA).toInstant();
        current = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target));
    }

    /** Back to the clock the run started with. */
    public void reset() {
        current = initial;
    }

    public LocalDate today() {
        return LocalDate.now(current);
    }

    public Instant minus(Duration d) {
        return instant().minus(d);
    }

    @Override
    public ZoneId getZone() {
        return Clocks.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }
}
