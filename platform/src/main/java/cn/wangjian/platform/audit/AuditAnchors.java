package cn.wangjian.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A chain's head (the audit log's, the evidence register's), anchored outside the database:
 * {@code <data-dir>/audit-anchors.log} or {@code evidence-anchors.log}, one line appended
 * per checkpoint ({@code seq hash at mac}, the MAC by the chain key), a file to copy to a system the bureau trusts.
 * A verification then also finds the newest links deleted (the chain shorter than an anchor) or a tail re-signed
 * by someone who has the key (an anchored hash that no longer matches).
 */
public final class AuditAnchors {


    /** One checkpoint. */
    public record Anchor(long seq, String hash, Instant at, String mac) {
    }

    private final ChainKey key;
    private final String chain;

    /** The anchors of the audit log. */
    public AuditAnchors(ChainKey key) {
        this(key, "audit");
    }

    /** The anchors of a chain: {@code audit} or {@code evidence}. */
    public AuditAnchors(ChainKey key, String chain) {
        this.key = key;
        this.chain = chain;
    }

    private Path file() {
        return key.directory().resolve(chain + "-anchors.log");
    }

    private Path stampFile() {
        return key.directory().resolve(chain + "-anchors.tsr");
    }

    /**
     * Appends a checkpoint of the chain's head (nothing for an empty chain); with a timestamp authority configured,
     * also its RFC 3161 token (a failing authority is logged, the anchor stays).
     */
    public synchronized void append(long seq, String hash, Instant at) {
        String line = seq + " " + hash + " " + at + " " + key.mac("anchor", chain, Long.toString(seq), hash, at.toString());
        try {
            Files.writeString(file(), line + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入审计锚点 " + file() + " (cannot write the audit anchor)", e);
        }
        TimestampAuthority tsa = key.timestamps();
        if (tsa != null) {
            try {
                byte[] token = tsa.stamp(sha256(line));
                Files.writeString(stampFile(), seq + " " + at + " " + java.util.Base64.getEncoder().encodeToString(token)
                        + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.SYNC);
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(AuditAnchors.class).warn("时间戳机构未能为 {} 锚点（第 {} 条）加盖时间戳：{}", chain, seq,
                        e.getMessage());
            }
        }
    }

    private static byte[] sha256(String line) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time-stamps kept for the anchors: how many check out, the latest time, and the problems found. */
    public record Stamps(int verified, Instant latest, List<Problem> problems) {
    }

    /**
     * Checks every kept time-stamp against its anchor line: a line rewritten (even re-signed with the chain key) or
     * removed after it was stamped is reported.
     */
    public Stamps stamps() {
        if (!Files.exists(stampFile())) {
            return new Stamps(0, null, List.of());
        }
        TimestampAuthority tsa = key.timestamps() != null ? key.timestamps() : new TimestampAuthority(null, null);
        java.util.Map<String, String> lines = new java.util.HashMap<>();
        List<Problem> problems = new ArrayList<>();
        int verified = 0;
        Instant latest = null;
        try {
            if (Files.exists(file())) {
                for (String line : Files.readAllLines(file(), StandardCharsets.US_ASCII)) {
                    String[] f = line.strip().split(" ");
                    if (f.length == 4) {
                        lines.put(f[0] + " " + f[2], line.strip());
                    }
                }
            }
            for (String stamp : Files.readAllLines(stampFile(), StandardCharsets.US_ASCII)) {
                String[] f = stamp.strip().split(" ");
                if (f.length != 3) {
                    problems.add(new Problem(-1, "时间戳文件中有无法读取的一行 (unreadable time-stamp line)"));
                    continue;
                }
                long seq = Long.parseLong(f[0]);
                String anchor = lines.get(f[0] + " " + f[1]);
                if (anchor == null) {
                    problems.add(new Problem(seq, f[1] + " 加盖了时间戳的锚点已从锚点文件中删除 (stamped anchor removed)"));
                    continue;
                }
                TimestampAuthority.Verified v = tsa.verify(java.util.Base64.getDecoder().decode(f[2]), sha256(anchor));
                if (!v.matches()) {
                    problems.add(new Problem(seq, f[1] + " 的锚点：" + v.problem()));
                } else {
                    verified++;
                    latest = latest == null || v.time().isAfter(latest) ? v.time() : latest;
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(-1, "无法读取时间戳 " + stampFile() + ": " + e.getMessage()));
        }
        return new Stamps(verified, latest, problems);
    }

    /** The checkpoints, each checked against its MAC; a line that fails is returned with a null hash. */
    public List<Anchor> read() {
        if (!Files.exists(file())) {
            return List.of();
        }
        List<Anchor> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file(), StandardCharsets.US_ASCII)) {
                String[] f = line.strip().split(" ");
                if (f.length != 4) {
                    out.add(new Anchor(-1, null, null, line));
                    continue;
                }
                boolean ok = key.verifiesAny(f[3], "anchor", chain, f[0], f[1], f[2]);
                out.add(new Anchor(Long.parseLong(f[0]), ok ? f[1] : null, Instant.parse(f[2]), f[3]));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("无法读取审计锚点 " + file() + " (cannot read the audit anchors): " + e.getMessage(), e);
        }
        return out;
    }

    /** A problem an anchor shows, with the position it names. */
    public record Problem(long at, String reason) {
    }

    /**
     * The problems the anchors show against a chain of {@code last} links whose anchored links have these hashes:
     * an altered anchor line, the newest links deleted, or a link that differs from its anchor.
     */
    public static List<Problem> check(List<Anchor> anchors, java.util.Map<Long, String> anchoredHashes, long last) {
        List<Problem> out = new ArrayList<>();
        for (Anchor a : anchors) {
            if (a.hash() == null) {
                out.add(new Problem(a.seq(), "锚点文件中有签名不符的一行，锚点已被改动 (anchor line altered)"));
            } else if (a.seq() > last) {
                out.add(new Problem(last + 1, "锚点记录了第 " + a.seq() + " 条，而链上只有 " + last
                        + " 条：最新的记录已被删除 (newest links deleted)"));
            } else if (!a.hash().equals(anchoredHashes.get(a.seq()))) {
                out.add(new Problem(a.seq(), a.at() + " 的锚点与第 " + a.seq() + " 条记录的哈希不符，记录已被改写"
                        + " (link differs from its anchor)"));
            }
        }
        return out;
    }
}
