package cn.wangjian.platform.evidence;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence transfer between agencies (证据移转) with a chain of custody: the sender's package is fixed by its
 * SHA-256; the receiver's bureau takes it in only if that hash, and every object and record inside, still verify.
 * A refusal is kept with its reasons.
 */
@Service
public class EvidenceTransfers {

    /** A transfer as listed. */
    public record Transfer(long id, String packageSha256, String seqs, String fromAgency, String fromRegion,
                           String toAgency, String toRegion, String note, String sentBy, Instant sentAt, String status,
                           String receivedBy, Instant receivedAt, String problems, String importedSeqs) {
        public String statusLabel() {
            return switch (status) {
                case "RECEIVED" -> "已接收（核验通过）";
                case "REFUSED" -> "拒收（核验未通过）";
                default -> "待接收";
            };
        }
    }

    private final JdbcClient jdbc;
    private final EvidencePackages packages;
    private final Evidence evidence;
    private final Directory directory;
    private final AuditLog audit;

    private final java.time.Clock clock;

    EvidenceTransfers(JdbcClient jdbc, EvidencePackages packages, Evidence evidence, Directory directory,
                      AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.packages = packages;
        this.evidence = evidence;
        this.directory = directory;
        this.audit = audit;
    }

    /** Packs the captures the sender may see and hands them to another bureau. */
    @Transactional
    public Transfer send(List<Long> seqs, String toAgency, String toRegion, String note, CurrentUser sender) {
        if (directory.agency(toAgency).isEmpty()) {
            throw new IllegalArgumentException("字段 toAgency：未知部门代码 " + toAgency + " (unknown agency)");
        }
        if (directory.region(toRegion).isEmpty()) {
            throw new IllegalArgumentException("字段 toRegion：未知行政区划代码 " + toRegion + " (unknown region)");
        }
        List<Long> visible = seqs.stream().filter(s -> evidence.find(s, sender.dataScope()).isPresent()).toList();
        if (visible.isEmpty()) {
            throw new NoSuchElementException("没有可移交的证据 (no evidence to transfer)");
        }
        byte[] zip = packages.export(visible, sender.dataScope(), sender.getUsername());
        String sha = evidence.objects().put(zip);
        long id = jdbc.sql("""
                INSERT INTO evidence_transfer (package_sha256, seqs, from_agency, from_region, to_agency, to_region, note,
                    sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(sha, visible.stream().map(String::valueOf).collect(Collectors.joining(",")),
                        sender.agencyCode(), sender.region().value(), toAgency, toRegion, note, sender.getUsername(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(sender.getUsername(), "evidence.transferred", "evidence-transfer", Long.toString(id), null,
                Map.of("package", sha, "to", toAgency + "/" + toRegion, "seqs", visible.toString()));
        return find(id).orElseThrow();
    }

    /** Verifies and takes in a transfer addressed to the receiver's bureau; refused (and kept) when anything fails. */
    @Transactional
    public Transfer receive(long id, CurrentUser receiver) {
        Transfer t = find(id).filter(x -> receiver.dataScope().covers(x.toAgency(), x.toRegion()))
                .orElseThrow(() -> new NoSuchElementException("没有这次移交 (no such transfer): " + id));
        if (!t.status().equals("SENT")) {
            throw new IllegalStateException("该移交已处理：" + t.statusLabel() + " (already handled)");
        }
        Optional<byte[]> zip = evidence.objects().get(t.packageSha256());
        String problems = null;
        EvidencePackages.ImportReport report = null;
        if (zip.isEmpty()) {
            problems = "证据包文件缺失 (package missing)";
        } else if (!ObjectStore.sha256(zip.get()).equals(t.packageSha256())) {
            problems = "证据包在移交途中被改动：现哈希 " + ObjectStore.sha256(zip.get()) + "，移交时为 " + t.packageSha256()
                    + " (package altered in transit)";
        } else {
            report = packages.verifyAndImport(zip.get(), receiver.getUsername(), receiver.agencyCode(),
                    receiver.region().value());
            if (!report.imported()) {
                problems = String.join("；", report.problems());
            }
        }
        String status = problems == null ? "RECEIVED" : "REFUSED";
        jdbc.sql("""
                UPDATE evidence_transfer SET status = ?, received_by = ?, received_at = ?, problems = ?, imported_seqs = ?
                WHERE id = ?""").params(status, receiver.getUsername(), Timestamp.from(clock.instant()), problems,
                report == null || !report.imported() ? null
                        : report.newSeqs().stream().map(String::valueOf).collect(Collectors.joining(",")), id).update();
        audit.record(receiver.getUsername(), problems == null ? "evidence.received" : "evidence.refused",
                "evidence-transfer", Long.toString(id), null, Map.of("problems", problems == null ? "" : problems));
        return find(id).orElseThrow();
    }

    /** Transfers the user's bureau sent or is to receive. */
    public List<Transfer> ofBureau(CurrentUser user) {
        DataScope scope = user.dataScope();
        return jdbc.sql("SELECT * FROM evidence_transfer WHERE " + scope.sqlCondition("to_agency", "to_region")
                        + " OR " + scope.sqlCondition("from_agency", "from_region") + " ORDER BY id DESC LIMIT 200")
                .params(scope.sqlParameters()).query((rs, n) -> map(rs)).list();
    }

    Optional<Transfer> find(long id) {
        return jdbc.sql("SELECT * FROM evidence_transfer WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    private static Transfer map(ResultSet rs) throws SQLException {
        Timestamp received = rs.getTimestamp("received_at");
        return new Transfer(rs.getLong("id"), rs.getString("package_sha256"), rs.getString("seqs"),
                rs.getString("from_agency"), rs.getString("from_region"), rs.getString("to_agency"),
                rs.getString("to_region"), rs.getString("note"), rs.getString("sent_by"),
                rs.getTimestamp("sent_at").toInstant(), rs.getString("status"), rs.getString("received_by"),
                received == null ? null : received.toInstant(), rs.getString("problems"), rs.getString("imported_seqs"));
    }
}
