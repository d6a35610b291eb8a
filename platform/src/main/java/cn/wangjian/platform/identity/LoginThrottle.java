package cn.wangjian.platform.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for one user name (within a day, with no
 * correct login between) that account is locked for the window after the latest failure; every further
 * {@code maxFailures} doubles the lock, up to a day (a growing delay: 15, 30, 60 … minutes); after {@code maxFailuresPerAddress} from one address, wrong
 * passwords from it are answered as throttled, but a correct login still succeeds — guessing with made-up names
 * from a shared address (or behind a proxy) cannot lock out everyone there (issue 13).
 * The platform keeps failures in the database ({@link JdbcLoginFailures}): they survive a restart and are shared
 * between instances.
 */
final class LoginThrottle {

    /** Where failures are kept: in memory (tests), or in the database so they survive restarts and are shared. */
    interface Failures {
        /** The failures of {@code key} after {@code since}: how many, and the latest. */
        Window since(String key, Instant since);

        void add(String key, Instant at);

        void clear(String key);
    }

    record Window(int count, Instant latest) {
    }

    /** How far back an account's failures count towards a growing lock (and how long they are kept). */
    static final Duration HORIZON = Duration.ofDays(1);

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Failures failures;

    LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration window, Clock clock) {
        this(maxFailures, maxFailuresPerAddress, window, clock, new InMemory());
    }

    LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration window, Clock clock, Failures failures) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.clock = clock;
        this.failures = failures;
    }

    /** How long the account must wait, if it is locked (even a correct password is refused). */
    Optional<Duration> blockedFor(String username) {
        Instant now = clock.instant();
        Window w = failures.since("user:" + normalise(username), now.minus(HORIZON));
        if (w.count() < maxFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(w.count() / maxFailures - 1, 16);
        Duration lock = window.multipliedBy(1L << doublings);
        if (lock.compareTo(HORIZON) > 0) {
            lock = HORIZON;
        }
        Instant until = w.latest().plus(lock);
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** How long the address must wait before a wrong password is again answered as wrong, if it is throttled. */
    Optional<Duration> addressThrottledFor(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Window w = failures.since("addr:" + address, now.minus(window));
        return w.count() < maxFailuresPerAddress ? Optional.empty()
                : Optional.of(Duration.between(now, w.latest().plus(window)));
    }

    void failed(String username, String address) {
        failures.add("user:" + normalise(username), clock.instant());
        failedFrom(address);
    }

    /** A wrong credential that names no account (an invalid API token): counts against the address only. */
    void failedFrom(String address) {
        if (address != null) {
            failures.add("addr:" + address, clock.instant());
        }
    }

    void succeeded(String username) {
        failures.clear("user:" + normalise(username));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Failures in memory, bounded per key. */
    static final class InMemory implements Failures {
        private final Map<String, Deque<Instant>> times = new ConcurrentHashMap<>();

        @Override
        public Window since(String key, Instant since) {
            Deque<Instant> t = times.get(key);
            if (t == null) {
                return new Window(0, null);
            }
            synchronized (t) {
                while (!t.isEmpty() && !t.peekFirst().isAfter(since)) {
                    t.removeFirst();
                }
                return new Window(t.size(), t.peekLast());
            }
        }

        @Override
        public void add(String key, Instant at) {
            Deque<Instant> t = times.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (t) {
                t.addLast(at);
                while (t.size() > 100) {
                    t.removeFirst();
                }
            }
        }

        @Override
        public void clear(String key) {
            times.remove(key);
        }
    }
}
