package cn.wangjian.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key of the audit chain's links (HMAC-SHA256), held outside the database: given by configuration
 * ({@code wangjian.chain.key} / {@code WANGJIAN_CHAIN_KEY}, 64 hex characters), or else the file
 * {@code <data-dir>/chain-key}, created owner-only on first use. Whoever can write the database but not read the key
 * cannot recompute a rewritten tail so that it verifies. Its id (the first 12 hex characters of its SHA-256) is
 * stored with each link.
 */
public final class ChainKey {

    public static final String FILE = "chain-key";

    public static final String LEGACY_FILE = "chain-legacy.properties";

    private final byte[] key;
    private final String id;
    private Path dataDir;

    private ChainKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("审计链密钥至少 32 字节（64 个十六进制字符）(chain key too short)");
        }
        this.key = key.clone();
        try {
            this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From configuration when given, else the data directory's key file (created when missing). */
    public static ChainKey load(Path dataDir, String configuredHex) {
        if (configuredHex != null && !configuredHex.isBlank()) {
            try {
                ChainKey k = new ChainKey(HexFormat.of().parseHex(configuredHex.strip()));
                k.dataDir = dataDir;
                return k;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("wangjian.chain.key 应为十六进制 (hex): " + e.getMessage());
            }
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                cn.wangjian.platform.database.OwnerOnlyFile.createIfAbsent(file, HexFormat.of().formatHex(fresh) + "\n");
            }
            ChainKey k = new ChainKey(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip()));
            k.dataDir = dataDir;
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取审计链密钥 " + file + " (cannot read the chain key)", e);
        }
    }

    /**
     * How many links of a chain ({@code audit}, {@code evidence}) were written before it was keyed: those may be
     * plain SHA-256; every later link must be signed. Kept beside the key, outside the database, so that rewriting
     * the whole chain as "old" links is caught too. 0 when not recorded (a chain keyed from its start).
     */
    public long legacyUpTo(String chain) {
        Path file = dataDir.resolve(LEGACY_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
        return Long.parseLong(p.getProperty(chain, "0"));
    }

    /** Records, once, how many unsigned links a chain had when it was first keyed. */
    public synchronized void recordLegacy(String chain, long upTo) {
        Path file = dataDir.resolve(LEGACY_FILE);
        java.util.Properties p = new java.util.Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                    p.load(in);
                }
            }
            if (p.containsKey(chain)) {
                return;
            }
            p.setProperty(chain, Long.toString(upTo));
            java.io.StringWriter text = new java.io.StringWriter();
            p.store(text, "links written before each chain was keyed");
            cn.wangjian.platform.database.OwnerOnlyFile.replace(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + file, e);
        }
    }

    /** The directory the key's companions (legacy counts, anchors) live in. */
    Path directory() {
        return dataDir;
    }

    /** The key's id, stored with each link it signs. */
    public String id() {
        return id;
    }

    /** HMAC-SHA256 of the fields, encoded as {@link ChainHash} encodes them. */
    public String mac(String... fields) {
        return ChainHash.keyed(key, fields);
    }
}
