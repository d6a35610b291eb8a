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
 * Kept in memory: a restart clears it, which costs an attacker a restart they cannot cause.
 */
final class LoginThrottle {

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.clock = clock;
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
        record("user:" + normalise(username), now);
        if (address != null) {
            record("addr:" + address, now);
        }
    }

    void succeeded(String username) {
        failures.remove("user:" + normalise(username));
    }

    private Optional<Duration> blocked(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekLast().plus(window)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            while (times.size() > 100) {
                times.removeFirst();
            }
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
