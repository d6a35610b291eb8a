package cn.wangjian.platform.audit;

/** The hash of a link: {@link ChainHash} over the entry's fields and the previous link's hash. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(long seq, java.time.Instant at, String actor, String action, String entityType,
                       String entityId, String beforeJson, String afterJson, String prevHash) {
        return ChainHash.of(Long.toString(seq), at.toString(), actor, action, entityType, entityId, beforeJson,
                afterJson, prevHash);
    }

    static String hashOf(AuditEntry e) {
        return hash(e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), e.beforeJson(),
                e.afterJson(), e.prevHash());
    }
}
