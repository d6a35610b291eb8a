package cn.wangjian.platform.audit;

import java.time.Instant;

/** One link of the audit chain, exactly as stored. */
public record AuditEntry(long seq, Instant at, String actor, String action, String entityType, String entityId,
                         String beforeJson, String afterJson, String prevHash, String hash, String keyId) {
}
