package cn.wangjian.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of a link of a hash chain (the audit log, the evidence register): SHA-256 over length-prefixed fields,
 * a null field marked apart from an empty one, so no two different field lists hash alike by concatenation; keyed
 * links use HMAC-SHA256 over the same encoding ({@link ChainKey}).
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
        encode(fields, sha::update, sha::update);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** HMAC-SHA256 with {@code key} over the same encoding (links written since the chain was keyed). */
    static String keyed(byte[] key, String... fields) {
        javax.crypto.Mac mac;
        try {
            mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        encode(fields, mac::update, mac::update);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static void encode(String[] fields, java.util.function.Consumer<Byte> one,
                               java.util.function.Consumer<byte[]> many) {
        for (String field : fields) {
            if (field == null) {
                one.accept((byte) 0);
                continue;
            }
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            one.accept((byte) 1);
            many.accept(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            one.accept((byte) ':');
            many.accept(bytes);
        }
    }
}
