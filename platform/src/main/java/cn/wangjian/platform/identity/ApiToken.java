package cn.wangjian.platform.identity;

import java.time.Instant;
import java.util.Set;

/** An issued API token as lists show it: never the token itself, only its prefix. */
public record ApiToken(long id, String owner, String name, String prefix, Set<Role> roles, Set<ApiArea> areas,
                       Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy,
                       Instant lastUsedAt) {

    public enum State {
        ACTIVE("有效"), EXPIRED("已过期"), REVOKED("已吊销");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }

    /** A token just issued: the secret is in {@code token} and is never shown again. */
    public record Issued(ApiToken token, String secret) {
    }
}
