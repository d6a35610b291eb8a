package cn.wangjian.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash of a link: SHA-256 over the length-prefixed fields and the previous link's hash. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(long seq, java.time.Instant at, String actor, String action, String entityType,
                       String entityId, String beforeJson, String afterJson, String prevHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String field : new String[] {Long.toString(seq), at.toString(), actor, action, entityType, entityId,
                beforeJson, afterJson, prevHash}) {
            if (field == null) {
                sha.update((byte) 0);
                continue;
            }
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha.update((byte) 1);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String hashOf(AuditEntry e) {
        return hash(e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), e.beforeJson(),
                e.afterJson(), e.prevHash());
    }
}
