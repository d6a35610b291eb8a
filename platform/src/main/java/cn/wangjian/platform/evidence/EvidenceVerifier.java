package cn.wangjian.platform.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Checks the evidence chain (every record's hash, every link to the previous record, no gap in the sequence) and
 * every object a record names (present, and its bytes still hash to its name). Reports every problem found.
 */
public final class EvidenceVerifier {

    /** The outcome: how many records were checked and each problem with its record. */
    public record Result(long records, long objects, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }

        public String describe() {
            if (intact()) {
                return "证据链完整 (evidence chain intact): " + records + " 条记录，" + objects + " 个文件已核验";
            }
            StringBuilder b = new StringBuilder("证据链被破坏 (evidence chain BROKEN): " + problems.size() + " 处问题\n");
            problems.stream().limit(50).forEach(p -> b.append("  ").append(p).append('\n'));
            return b.toString().stripTrailing();
        }
    }

    private final DataSource dataSource;
    private final ObjectStore objects;

    private final cn.wangjian.platform.audit.ChainKey key;

    /** With the chain key of the data directory (or of {@code wangjian.chain.key} / {@code WANGJIAN_CHAIN_KEY}). */
    public EvidenceVerifier(DataSource dataSource, Path dataDir) {
        this(dataSource, dataDir, cn.wangjian.platform.audit.ChainKey.fromEnvironment(dataDir));
    }

    public EvidenceVerifier(DataSource dataSource, Path dataDir, cn.wangjian.platform.audit.ChainKey key) {
        this.key = key;
        this.dataSource = dataSource;
        this.objects = new ObjectStore(Evidence.objectsDirectory(dataDir));
    }

    public Result verify() {
        List<String> problems = new ArrayList<>();
        long records = 0;
        long checkedObjects = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM evidence_capture ORDER BY seq")) {
                ps.setFetchSize(1000);
                List<cn.wangjian.platform.audit.AuditAnchors.Anchor> anchors =
                        new cn.wangjian.platform.audit.AuditAnchors(key, "evidence").read();
                java.util.Map<Long, String> anchoredHashes = new java.util.HashMap<>();
                java.util.Set<Long> anchored = new java.util.HashSet<>();
                anchors.forEach(a -> anchored.add(a.seq()));
                long last = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    long expected = 1;
                    String prev = Evidence.GENESIS;
                    long legacy = key.legacyUpTo("evidence");
                    List<cn.wangjian.platform.audit.ChainKey.Rotation> rotations = key.rotations("evidence");
                    while (rs.next()) {
                        Capture e = Evidence.capture(rs);
                        records++;
                        if (e.seq() != expected) {
                            problems.add("第 " + expected + " 条记录缺失 (record " + expected + " missing)");
                        }
                        if (!e.prevHash().equals(prev)) {
                            problems.add("第 " + e.seq() + " 条：前一条记录的哈希不符 (previous-hash mismatch)");
                        }
                        String keyProblem = e.keyId() == null ? null
                                : key.keyProblem("evidence", e.seq(), e.keyId(), rotations);
                        if (e.keyId() == null && e.seq() > legacy) {
                            problems.add("第 " + e.seq() + " 条：记录未用密钥签名，而证据链自第 " + (legacy + 1)
                                    + " 条起均须签名，记录已被改写 (unsigned record where records must be signed)");
                        } else if (keyProblem != null) {
                            problems.add("第 " + e.seq() + " 条：" + keyProblem);
                        } else if (!e.computedHash(key).equals(e.recordHash())) {
                            problems.add("第 " + e.seq() + " 条：记录内容与其哈希不符，记录已被改动 (record altered)");
                        }
                        for (String[] o : new String[][] {{"内容", e.contentSha256()}, {"文本", e.textSha256()},
                                {"截图", e.screenshotSha256()}}) {
                            if (o[1] == null) {
                                continue;
                            }
                            checkedObjects++;
                            String problem = checkObject(o[1]);
                            if (problem != null) {
                                problems.add("第 " + e.seq() + " 条的" + o[0] + "文件 " + o[1] + "：" + problem);
                            }
                        }
                        if (anchored.contains(e.seq())) {
                            anchoredHashes.put(e.seq(), e.recordHash());
                        }
                        prev = e.recordHash();
                        expected = e.seq() + 1;
                        last = e.seq();
                    }
                }
                cn.wangjian.platform.audit.AuditAnchors.check(anchors, anchoredHashes, last)
                        .forEach(p -> problems.add("证据链" + p.reason()));
                new cn.wangjian.platform.audit.AuditAnchors(key, "evidence").stamps().problems()
                        .forEach(p -> problems.add("证据链" + p.reason()));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("无法读取证据记录 (cannot read the evidence records): " + e.getMessage(), e);
        }
        return new Result(records, checkedObjects, problems);
    }

    private String checkObject(String sha) {
        Path p = objects.path(sha);
        if (!Files.exists(p)) {
            return "文件缺失 (object missing)";
        }
        try {
            String actual = ObjectStore.hashOf(p);
            return actual.equals(sha) ? null : "内容已被改动，现哈希 " + actual + " (object altered)";
        } catch (IOException e) {
            return "无法读取 (unreadable): " + e.getMessage();
        }
    }
}
