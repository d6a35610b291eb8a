package cn.wangjian.platform.registry;

import java.time.Instant;

/**
 * Listings were reported (a file import or a platform's report through the API) and committed: every listing
 * reported at or after {@code since} is among them (others reported at the same time may be too).
 */
public record ListingsReported(Instant since, int listings) {
}
