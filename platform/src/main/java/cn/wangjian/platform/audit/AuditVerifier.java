package cn.wangjian.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;

/** Walks the whole audit chain and reports the first broken link, if any. */
public final class AuditVerifier {

    static final RowMapper<AuditEntry> ROW_MAPPER = (rs, n) -> new AuditEntry(
            rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
            rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_json"),
            rs.getString("after_json"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("key_id"));

    /** The outcome: how many links were checked and, when broken, where and why. */
    public record Result(long checked, Long brokenAt, String reason) {
        public boolean intact() {
            return brokenAt == null;
        }

        public String describe() {
            return intact()
                    ? "审计链完整：已校验 " + checked + " 条记录 (audit chain intact: " + checked + " entries)"
                    : "审计链在第 " + brokenAt + " 条记录处断开：" + reason + " (audit chain broken at entry "
                    + brokenAt + ")";
        }
    }

    private final DataSource dataSource;
    private final ChainKey key;

    public AuditVerifier(DataSource dataSource, ChainKey key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    public Result verify() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // lets the driver stream with a cursor
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log ORDER BY seq")) {
                ps.setFetchSize(1000);
                Result chain;
                java.util.Map<Long, String> hashes = new java.util.HashMap<>();
                List<AuditAnchors.Anchor> anchors = new AuditAnchors(key).read();
                java.util.Set<Long> anchored = new java.util.HashSet<>();
                anchors.forEach(a -> anchored.add(a.seq()));
                long last;
                try (ResultSet rs = ps.executeQuery()) {
                    chain = walk(rs, key, anchored, hashes);
                }
                if (!chain.intact()) {
                    return chain;
                }
                last = chain.checked();
                List<AuditAnchors.Problem> problems = new java.util.ArrayList<>(AuditAnchors.check(anchors, hashes, last));
                problems.addAll(new AuditAnchors(key).stamps().problems());
                if (!problems.isEmpty()) {
                    return new Result(chain.checked(), problems.get(0).at(), problems.get(0).reason());
                }
                return chain;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("无法读取审计日志 (cannot read the audit log): " + e.getMessage(), e);
        }
    }

    private static Result walk(ResultSet rs, ChainKey key, java.util.Set<Long> anchored,
                               java.util.Map<Long, String> hashes) throws SQLException {
        long expectedSeq = 1;
        long legacy = key.legacyUpTo("audit");
        List<ChainKey.Rotation> rotations = key.rotations("audit");
        String prevHash = AuditChain.GENESIS;
        long checked = 0;
        int row = 0;
        while (rs.next()) {
            AuditEntry e = ROW_MAPPER.mapRow(rs, row++);
            if (e.seq() != expectedSeq) {
                return new Result(checked, expectedSeq, "缺少第 " + expectedSeq + " 条记录，下一条为第 " + e.seq()
                        + " 条 (entry missing)");
            }
            if (!e.prevHash().equals(prevHash)) {
                return new Result(checked, e.seq(), "前一条记录的哈希不符 (previous-hash mismatch)");
            }
            if (e.keyId() == null && e.seq() > legacy) {
                return new Result(checked, e.seq(), "记录未用密钥签名，而审计链自第 " + (legacy + 1)
                        + " 条起均须签名，记录已被改写 (unsigned link where links must be signed)");
            }
            String keyProblem = e.keyId() == null ? null : key.keyProblem("audit", e.seq(), e.keyId(), rotations);
            if (keyProblem != null) {
                return new Result(checked, e.seq(), keyProblem);
            }
            if (!AuditChain.hashOf(e, key).equals(e.hash())) {
                return new Result(checked, e.seq(), "记录内容与其哈希不符，内容已被改动 (content does not match its hash)");
            }
            if (anchored.contains(e.seq())) {
                hashes.put(e.seq(), e.hash());
            }
            prevHash = e.hash();
            expectedSeq++;
            checked++;
        }
        return new Result(checked, null, null);
    }
}
