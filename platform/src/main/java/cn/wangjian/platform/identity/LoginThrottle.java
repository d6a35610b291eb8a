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
 * Slows down password guessing: after {@code maxFailures} failed logins for one user name within the window that
 * account is locked until the window has passed; after {@code maxFailuresPerAddress} from one address, wrong
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
        return blocked("user:" + normalise(username), maxFailures, clock.instant());
    }

    /** How long the address must wait before a wrong password is again answered as wrong, if it is throttled. */
    Optional<Duration> addressThrottledFor(String address) {
        return address == null ? Optional.empty() : blocked("addr:" + address, maxFailuresPerAddress, clock.instant());
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        failures.add("user:" + normalise(username), now);
        if (address != null) {
            failures.add("addr:" + address, now);
        }
    }

    void succeeded(String username) {
        failures.clear("user:" + normalise(username));
    }

    private Optional<Duration> blocked(String key, int max, Instant now) {
        Window w = failures.since(key, now.minus(window));
        if (w.count() < max) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.latest().plus(window)));
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
