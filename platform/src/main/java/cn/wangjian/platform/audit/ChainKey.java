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
import java.util.List;

/**
 * The key of the audit chain's links (HMAC-SHA256), held outside the database: given by configuration
 * ({@code wangjian.chain.key} / {@code WANGJIAN_CHAIN_KEY}, 64 hex characters), or else the file
 * {@code <data-dir>/chain-key}, created owner-only on first use. Whoever can write the database but not read the key
 * cannot recompute a rewritten tail so that it verifies. Its id (the first 12 hex characters of its SHA-256) is
 * stored with each link.
 * <p>
 * Rotation ({@code ./wangjian chain-key rotate}, or a new configured key with the old one in
 * {@code wangjian.chain.retired-keys} / {@code WANGJIAN_CHAIN_RETIRED_KEYS}): the old key moves to the owner-only
 * {@code <data-dir>/chain-keys-retired} and still verifies the links it signed; at the next start each chain whose
 * newest link is signed by a retired key records the rotation — a line in {@code <data-dir>/chain-key-rotations.log}
 * signed by both keys, and an audit entry — and from then on a link signed by the retired key after that point is
 * reported as broken.
 */
public final class ChainKey {

    public static final String FILE = "chain-key";

    public static final String LEGACY_FILE = "chain-legacy.properties";

    public static final String RETIRED_FILE = "chain-keys-retired";

    public static final String ROTATIONS_FILE = "chain-key-rotations.log";

    private final byte[] key;
    private final String id;
    private Path dataDir;
    /** Retired keys by id (this key's own view has none; the current key's has all). */
    private final java.util.Map<String, ChainKey> retired = new java.util.LinkedHashMap<>();

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
        return load(dataDir, configuredHex, "");
    }

    /**
     * As configured for a command run outside the server: {@code wangjian.chain.key} / {@code WANGJIAN_CHAIN_KEY}
     * and {@code wangjian.chain.retired-keys} / {@code WANGJIAN_CHAIN_RETIRED_KEYS} (system property, then
     * environment), else the data directory's files.
     */
    public static ChainKey fromEnvironment(Path dataDir) {
        return load(dataDir, setting("wangjian.chain.key", "WANGJIAN_CHAIN_KEY"),
                setting("wangjian.chain.retired-keys", "WANGJIAN_CHAIN_RETIRED_KEYS"))
                .withTimestamps(TimestampAuthority.configured(setting("wangjian.chain.tsa-url", "WANGJIAN_TSA_URL"),
                        setting("wangjian.chain.tsa-certificate", "WANGJIAN_TSA_CERTIFICATE")));
    }

    private static String setting(String property, String variable) {
        return System.getProperty(property, System.getenv().getOrDefault(variable, ""));
    }

    /** The same, with retired keys given by configuration too (comma-separated hex) besides the retired-keys file. */
    public static ChainKey load(Path dataDir, String configuredHex, String retiredHex) {
        ChainKey k;
        if (configuredHex != null && !configuredHex.isBlank()) {
            k = new ChainKey(parse(configuredHex, "wangjian.chain.key"));
        } else {
            Path file = dataDir.resolve(FILE);
            try {
                if (!Files.exists(file)) {
                    cn.wangjian.platform.database.OwnerOnlyFile.createIfAbsent(file, fresh() + "\n");
                }
                k = new ChainKey(parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取审计链密钥 " + file + " (cannot read the chain key)", e);
            }
        }
        k.dataDir = dataDir;
        List<String> retiredKeys = new java.util.ArrayList<>();
        Path retiredFile = dataDir.resolve(RETIRED_FILE);
        try {
            if (Files.exists(retiredFile)) {
                retiredKeys.addAll(Files.readAllLines(retiredFile, StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取已退役的审计链密钥 " + retiredFile, e);
        }
        if (retiredHex != null) {
            retiredKeys.addAll(List.of(retiredHex.split(",")));
        }
        for (String hex : retiredKeys) {
            if (!hex.isBlank()) {
                ChainKey old = new ChainKey(parse(hex, "wangjian.chain.retired-keys / " + RETIRED_FILE));
                old.dataDir = dataDir;
                if (!old.id.equals(k.id)) {
                    k.retired.put(old.id, old);
                }
            }
        }
        return k;
    }

    private static byte[] parse(String hex, String where) {
        try {
            return HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " 应为十六进制 (hex): " + e.getMessage());
        }
    }

    private static String fresh() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return HexFormat.of().formatHex(fresh);
    }

    private TimestampAuthority timestamps;

    /** The timestamp authority the anchors are also sent to, if one is configured. */
    public TimestampAuthority timestamps() {
        return timestamps;
    }

    /** Sends every anchor of the chains to this authority as well (null: none). */
    public ChainKey withTimestamps(TimestampAuthority authority) {
        this.timestamps = authority;
        return this;
    }

    /** The ids before and after a rotation. */
    public record Rotated(String from, String to) {
    }

    /**
     * Replaces the data directory's key with a new one and keeps the old one, owner-only, among the retired keys
     * (it still verifies what it signed). The platform signs with the new key from its next start, and records the
     * rotation then.
     */
    public static Rotated rotate(Path dataDir) {
        ChainKey old = load(dataDir, null);
        Path retiredFile = dataDir.resolve(RETIRED_FILE);
        try {
            String kept = Files.exists(retiredFile) ? Files.readString(retiredFile, StandardCharsets.US_ASCII) : "";
            if (!kept.isEmpty() && !kept.endsWith("\n")) {
                kept += "\n";
            }
            // the old key is kept before the new one replaces it: a crash between the two leaves both usable
            cn.wangjian.platform.database.OwnerOnlyFile.replace(retiredFile, kept + HexFormat.of().formatHex(old.key) + "\n");
            String next = fresh();
            cn.wangjian.platform.database.OwnerOnlyFile.replace(dataDir.resolve(FILE), next + "\n");
            return new Rotated(old.id, new ChainKey(HexFormat.of().parseHex(next)).id);
        } catch (IOException e) {
            throw new UncheckedIOException("无法轮换审计链密钥 (cannot rotate the chain key): " + e.getMessage(), e);
        }
    }

    /** A recorded rotation of one chain: links after {@code afterSeq} must not be signed by {@code from}. */
    public record Rotation(String chain, long afterSeq, String from, String to, java.time.Instant at, boolean authentic) {
    }

    /**
     * At start: if the chain's newest link is signed by a retired key, the key has been rotated since — records
     * the rotation (once) and returns it, so that the caller can write it to the audit log.
     */
    public synchronized java.util.Optional<Rotation> noteRotation(String chain, long newestSeq, String newestKeyId,
                                                                  java.time.Instant at) {
        if (newestKeyId == null || newestKeyId.equals(id) || !retired.containsKey(newestKeyId)) {
            return java.util.Optional.empty();
        }
        ChainKey from = retired.get(newestKeyId);
        String body = String.join(" ", chain, Long.toString(newestSeq), from.id, id, at.toString());
        String line = body + " " + from.mac("rotation", body) + " " + mac("rotation", body) + "\n";
        try {
            Files.writeString(dataDir.resolve(ROTATIONS_FILE), line, StandardCharsets.US_ASCII,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND,
                    java.nio.file.StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("无法记录密钥轮换 " + dataDir.resolve(ROTATIONS_FILE), e);
        }
        return java.util.Optional.of(new Rotation(chain, newestSeq, from.id, id, at, true));
    }

    /** The recorded rotations of a chain, each checked against both of its signatures. */
    public List<Rotation> rotations(String chain) {
        Path file = dataDir.resolve(ROTATIONS_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Rotation> out = new java.util.ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] f = line.strip().split(" ");
                if (f.length != 7) {
                    out.add(new Rotation(chain, -1, null, null, null, false));
                    continue;
                }
                if (!f[0].equals(chain)) {
                    continue;
                }
                String body = String.join(" ", f[0], f[1], f[2], f[3], f[4]);
                ChainKey from = forId(f[2]);
                ChainKey to = forId(f[3]);
                boolean ok = from != null && to != null && from.mac("rotation", body).equals(f[5])
                        && to.mac("rotation", body).equals(f[6]);
                out.add(new Rotation(chain, Long.parseLong(f[1]), f[2], f[3], java.time.Instant.parse(f[4]), ok));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("无法读取密钥轮换记录 " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Whether the current key or a retired one gives this MAC (anchors written before a rotation). */
    boolean verifiesAny(String mac, String... fields) {
        if (mac(fields).equals(mac)) {
            return true;
        }
        for (ChainKey old : retired.values()) {
            if (old.mac(fields).equals(mac)) {
                return true;
            }
        }
        return false;
    }

    /** The key with this id: this one or a retired one; null when the platform does not know it. */
    public ChainKey forId(String keyId) {
        return id.equals(keyId) ? this : retired.get(keyId);
    }

    /**
     * Why link {@code seq} of {@code chain}, signed by {@code keyId}, cannot be right as far as keys go (an unknown
     * key, a retired key used after its rotation, an altered rotation record), or null.
     */
    public String keyProblem(String chain, long seq, String keyId, List<Rotation> rotations) {
        if (forId(keyId) == null) {
            return "签名密钥 " + keyId + " 不是本平台的密钥（当前 " + id + "，或已退役的）(signed with an unknown key)";
        }
        for (Rotation r : rotations) {
            if (!r.authentic()) {
                return "密钥轮换记录 " + ROTATIONS_FILE + " 中有签名不符的一行 (rotation record altered)";
            }
            if (keyId.equals(r.from()) && seq > r.afterSeq()) {
                return "第 " + seq + " 条用已于 " + r.at() + " 退役的密钥 " + keyId + " 签名，而该链自第 "
                        + (r.afterSeq() + 1) + " 条起使用新密钥 (signed with a retired key after its rotation)";
            }
        }
        return null;
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
