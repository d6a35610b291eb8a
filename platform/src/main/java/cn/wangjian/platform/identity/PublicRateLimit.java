package cn.wangjian.platform.identity;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How often one client address may use a public page (no login) per window: a fixed window per (purpose, address),
 * old windows dropped as the map grows. Behind a trusted proxy the address is the forwarded client's
 * ({@code server.forward-headers-strategy}).
 */
@Component
public class PublicRateLimit {

    private final Clock clock;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    PublicRateLimit(Clock clock) {
        this.clock = clock;
    }

    /** Counts one use; false when {@code address} has used {@code purpose} more than {@code max} times this window. */
    public boolean allow(String purpose, String address, int max, int windowSeconds) {
        long window = clock.instant().getEpochSecond() / windowSeconds;
        if (windows.size() > 20_000) {
            windows.entrySet().removeIf(e -> e.getValue()[0] != window);
        }
        long[] w = windows.compute(purpose + "\u0000" + address, (k, v) -> v == null || v[0] != window
                ? new long[] {window, 1} : new long[] {window, v[1] + 1});
        return w[1] <= max;
    }
}
