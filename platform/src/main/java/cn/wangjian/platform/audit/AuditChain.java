package cn.wangjian.platform.audit;

/**
 * The hash of a link over the entry's fields and the previous link's hash: HMAC with the chain key for links that
 * name a key, plain SHA-256 ({@link ChainHash}) for the links written before the chain was keyed.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(ChainKey key, long seq, java.time.Instant at, String actor, String action, String entityType,
                       String entityId, String beforeJson, String afterJson, String prevHash) {
        String[] fields = {Long.toString(seq), at.toString(), actor, action, entityType, entityId, beforeJson,
                afterJson, prevHash};
        return key == null ? ChainHash.of(fields) : key.mac(fields);
    }

    static String hashOf(AuditEntry e, ChainKey key) {
        return hash(e.keyId() == null ? null : key.forId(e.keyId()), e.seq(), e.at(), e.actor(), e.action(), e.entityType(),
                e.entityId(), e.beforeJson(), e.afterJson(), e.prevHash());
    }
}
