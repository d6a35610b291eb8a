package cn.wangjian.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of a link of a hash chain (the audit log, the evidence register): SHA-256 over length-prefixed fields,
 * a null field marked apart from an empty one, so no two different field lists hash alike by concatenation.
 */
public final class ChainHash {

    private ChainHash() {
    }

    public static String of(String... fields) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String field : fields) {
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
}
