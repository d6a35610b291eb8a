package cn.wangjian.platform.notice;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.evidence.Capture;
import cn.wangjian.platform.evidence.Evidence;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.registry.Registry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data requests to platforms (配合执法): an officer asks a platform, for a clue or a case of the bureau, for data on
 * accounts, a shop or a set of orders, citing the legal basis and the scope, with a deadline. The platform's users
 * (that platform only) answer once, with files: each is fixed in the evidence store with its hash and attached to the
 * clue behind the request (the case's clue), so the answer is part of the file.
 */
@Service
public class DataRequests {

    static final int MAX_FILES = 10;
    static final long MAX_FILE_BYTES = 50L << 20;

    public enum SubjectKind {
        ACCOUNT("账号"), SHOP("店铺"), ORDERS("订单");

        private final String label;

        SubjectKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record NewRequest(String sourceKind, long sourceId, String platformCode, SubjectKind subjectKind,
                             String subject, String legalBasis, String scope, Integer dueDays) {
    }

    public record Answer(String answeredBy, Instant answeredAt, String note, boolean late) {
    }

    public record Request(long id, String requestNo, String platformCode, SubjectKind subjectKind, String subject,
                          String legalBasis, String scope, String sourceKind, long sourceId, String agencyCode,
                          String regionCode, String sentBy, Instant sentAt, Instant dueAt, Answer answer) {
        public boolean overdue(Instant now) {
            return answer == null && now.isAfter(dueAt);
        }
    }

    public record AnswerFile(int seq, String fileName, long sizeBytes, long evidenceSeq, String sha256) {
    }

    public record File(String name, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final PlatformNotices notices;
    private final ClueRegister clues;
    private final CaseFiles cases;
    private final Registry registry;
    private final Evidence evidence;
    private final AuditLog audit;
    private final Clock clock;

    private final NoticeNumbers numbers;

    DataRequests(JdbcClient jdbc, PlatformNotices notices, ClueRegister clues, CaseFiles cases, Registry registry,
                 Evidence evidence, AuditLog audit, NoticeNumbers numbers, Clock clock) {
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.notices = notices;
        this.clues = clues;
        this.cases = cases;
        this.registry = registry;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Request send(NewRequest n, CurrentUser officer) {
        if (officer.agencyCode() == null
                || !(officer.hasRole(Role.MONITORING_OFFICER) || officer.hasRole(Role.CASE_OFFICER))) {
            throw new NoticeRefusedException("只有监测或办案人员可以调取数据 (monitoring or case officers only)");
        }
        boolean visible = switch (n.sourceKind() == null ? "" : n.sourceKind()) {
            case "clue" -> clues.find(n.sourceId(), officer.dataScope()).isPresent();
            case "case" -> cases.find(n.sourceId(), officer.dataScope()).isPresent();
            default -> throw new NoticeRefusedException("字段 sourceKind：调取数据须为线索或案件 (a clue or a case)");
        };
        if (!visible) {
            throw new NoticeRefusedException("没有这个" + ("clue".equals(n.sourceKind()) ? "线索" : "案件") + " (no such "
                    + n.sourceKind() + "): " + n.sourceId());
        }
        String platform = Text.required(n.platformCode(), "platformCode", "平台", 60);
        if (registry.platformName(platform).isEmpty()) {
            throw new NoticeRefusedException("字段 platformCode：没有这个平台 (no such platform)");
        }
        if (n.subjectKind() == null) {
            throw new NoticeRefusedException("字段 subjectKind：请选择账号、店铺或订单 (account, shop or orders)");
        }
        String subject = Text.required(n.subject(), "subject", "调取对象", 4000);
        String basis = Text.required(n.legalBasis(), "legalBasis", "法律依据", 300);
        String scope = Text.required(n.scope(), "scope", "调取范围", 4000);
        if (n.dueDays() == null || n.dueDays() < 1 || n.dueDays() > 60) {
            throw new NoticeRefusedException("字段 dueDays：期限为 1 至 60 日 (1 to 60 days)");
        }
        Instant now = clock.instant();
        String no = numbers.next("DQ", officer, now);
        long id = jdbc.sql("""
                INSERT INTO platform_data_request (request_no, platform_code, subject_kind, subject, legal_basis, scope,
                    source_kind, source_id, agency_code, region_code, sent_by, sent_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(no, platform, n.subjectKind().name(), subject, basis, scope, n.sourceKind(), n.sourceId(),
                        officer.agencyCode(), officer.region().value(), officer.getUsername(), Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofDays(n.dueDays())))).query(Long.class).single();
        audit.record(officer.getUsername(), "data-request.sent", "platform_data_request", Long.toString(id), null,
                Map.of("no", no, "platform", platform, "subjectKind", n.subjectKind().name()));
        return find(id).orElseThrow();
    }

    /** The platform answers once, with files fixed as evidence; the request is then answered (late if past due). */
    @Transactional
    public Request answer(long id, String note, List<File> files, CurrentUser platformUser) {
        Request r = ofPlatform(id, platformUser)
                .orElseThrow(() -> new NoticeRefusedException("没有这份调取通知 (no such request): " + id));
        if (r.answer() != null) {
            throw new NoticeRefusedException("调取通知 " + r.requestNo() + " 已答复 (already answered)");
        }
        List<File> given = files == null ? List.of() : files.stream().filter(f -> f.content() != null
                && f.content().length > 0).toList();
        if (given.isEmpty()) {
            throw new NoticeRefusedException("字段 files：请附上调取的数据文件 (the data files are needed)");
        }
        if (given.size() > MAX_FILES || given.stream().anyMatch(f -> f.content().length > MAX_FILE_BYTES)) {
            throw new NoticeRefusedException("字段 files：至多 " + MAX_FILES + " 个文件，每个不超过 50 MB (too many or too big)");
        }
        String text = Text.optional(note, "note", "说明", 4000);
        Instant now = clock.instant();
        Long clueId = "clue".equals(r.sourceKind()) ? Long.valueOf(r.sourceId())
                : cases.find(r.sourceId(), DataScope.everything()).map(CaseFiles.CaseView::clueId).orElse(null);
        for (int i = 0; i < given.size(); i++) {
            File f = given.get(i);
            String name = Text.fileName(f.name());
            Capture c = evidence.record(new Evidence.NewCapture(Capture.Kind.PLATFORM_REPORT,
                    "data-request:" + r.requestNo() + "/" + name, now, null, null, "application/octet-stream",
                    f.content(), null, null, "调取通知 " + r.requestNo() + " 的答复：" + name, platformUser.getUsername(),
                    r.agencyCode(), r.regionCode()));
            jdbc.sql("""
                    INSERT INTO platform_data_request_file (request_id, seq, file_name, size_bytes, evidence_seq, sha256)
                    VALUES (?, ?, ?, ?, ?, ?)""").params(id, i + 1, name, f.content().length, c.seq(),
                    c.contentSha256()).update();
            if (clueId != null) {
                clues.attachEvidence(clueId, c.seq(), "平台答复调取通知 " + r.requestNo() + "：" + name,
                        platformUser.getUsername());
            }
        }
        jdbc.sql("UPDATE platform_data_request SET answered_by = ?, answered_at = ?, answer_note = ? WHERE id = ?")
                .params(platformUser.getUsername(), Timestamp.from(now), text, id).update();
        audit.record(platformUser.getUsername(), "data-request.answered", "platform_data_request", Long.toString(id),
                null, Map.of("files", given.size(), "late", now.isAfter(r.dueAt())));
        return find(id).orElseThrow();
    }

    public List<Request> list(DataScope scope, int limit) {
        return jdbc.sql(SELECT + " WHERE " + scope.sqlCondition("agency_code", "region_code")
                        + " ORDER BY sent_at DESC, id DESC LIMIT " + Math.max(1, Math.min(limit, 1000)))
                .params(scope.sqlParameters()).query((rs, i) -> request(rs)).list();
    }

    public Optional<Request> find(long id, DataScope scope) {
        Map<String, Object> p = new HashMap<>(scope.sqlParameters());
        p.put("id", id);
        return jdbc.sql(SELECT + " WHERE id = :id AND " + scope.sqlCondition("agency_code", "region_code")).params(p)
                .query((rs, i) -> request(rs)).optional();
    }

    public List<Request> ofPlatform(CurrentUser platformUser) {
        return notices.platformOf(platformUser).map(code -> jdbc.sql(SELECT + " WHERE platform_code = ?"
                + " ORDER BY sent_at DESC, id DESC LIMIT 1000").param(code).query((rs, i) -> request(rs)).list())
                .orElse(List.of());
    }

    public Optional<Request> ofPlatform(long id, CurrentUser platformUser) {
        return notices.platformOf(platformUser).flatMap(code -> jdbc.sql(SELECT + " WHERE id = ? AND platform_code = ?")
                .params(id, code).query((rs, i) -> request(rs)).optional());
    }

    public List<AnswerFile> files(long requestId) {
        return jdbc.sql("""
                SELECT seq, file_name, size_bytes, evidence_seq, sha256 FROM platform_data_request_file
                WHERE request_id = ? ORDER BY seq""").param(requestId)
                .query((rs, i) -> new AnswerFile(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5))).list();
    }

    private Optional<Request> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, i) -> request(rs)).optional();
    }

    private static final String SELECT = """
            SELECT id, request_no, platform_code, subject_kind, subject, legal_basis, scope, source_kind, source_id,
                   agency_code, region_code, sent_by, sent_at, due_at, answered_by, answered_at, answer_note
            FROM platform_data_request""";

    private static Request request(ResultSet rs) throws SQLException {
        Instant due = rs.getTimestamp("due_at").toInstant();
        Answer answer = rs.getTimestamp("answered_at") == null ? null : new Answer(rs.getString("answered_by"),
                rs.getTimestamp("answered_at").toInstant(), rs.getString("answer_note"),
                rs.getTimestamp("answered_at").toInstant().isAfter(due));
        return new Request(rs.getLong("id"), rs.getString("request_no"), rs.getString("platform_code"),
                SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject"), rs.getString("legal_basis"),
                rs.getString("scope"), rs.getString("source_kind"), rs.getLong("source_id"), rs.getString("agency_code"),
                rs.getString("region_code"), rs.getString("sent_by"), rs.getTimestamp("sent_at").toInstant(), due,
                answer);
    }
}
