package cn.wangjian.platform.monitoring;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.clue.Clue;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.evidence.Capture;
import cn.wangjian.platform.evidence.Evidence;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.registry.Listings;
import cn.wangjian.platform.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings queue: filtered reads within the reader's data scope, and the officer's decisions. Confirming a
 * finding fixes its evidence in the evidence chain and registers a clue with that evidence attached; dismissing
 * keeps the finding with its reason, so each rule's false-positive rate is known.
 */
@Service
public class Findings {

    private final JdbcClient jdbc;
    private final Evidence evidence;
    private final ClueRegister clues;
    private final Listings listings;
    private final Registry registry;
    private final AuditLog audit;

    private final java.time.Clock clock;

    Findings(JdbcClient jdbc, Evidence evidence, ClueRegister clues, Listings listings, Registry registry,
             AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.clues = clues;
        this.listings = listings;
        this.registry = registry;
        this.audit = audit;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(DataScope scope, FindingFilter f) {
        StringBuilder sql = new StringBuilder(" WHERE " + scope.sqlCondition("owner_agency", "owner_region"));
        Map<String, Object> p = new LinkedHashMap<>(scope.sqlParameters());
        if (f.task() != null) {
            sql.append(" AND task_id = :task");
            p.put("task", f.task());
        }
        if (f.rule() != null) {
            sql.append(" AND rule = :rule");
            p.put("rule", f.rule());
        }
        if (f.category() != null) {
            sql.append(" AND (product_category = :category OR rule_category = :category)");
            p.put("category", f.category());
        }
        if (f.platform() != null) {
            sql.append(" AND platform_code = :platform");
            p.put("platform", f.platform());
        }
        if (f.region() != null) {
            sql.append(" AND region_code LIKE :region");
            p.put("region", f.region() + "%");
        }
        if (f.severity() != null) {
            sql.append(" AND severity = :severity");
            p.put("severity", f.severity());
        }
        if (f.status() != null) {
            sql.append(" AND status = :status");
            p.put("status", f.status());
        }
        if (f.assignee() != null) {
            sql.append(" AND assignee = :assignee");
            p.put("assignee", f.assignee());
        }
        if (f.detector() != null) {
            sql.append(" AND detector = :detector");
            p.put("detector", f.detector());
        }
        return new Where(sql.toString(), p);
    }

    public List<MonitoringFinding> queue(DataScope scope, FindingFilter filter, int limit, int offset) {
        Where w = where(scope, filter);
        return jdbc.sql("SELECT * FROM finding" + w.sql()
                        + " ORDER BY CASE severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END, id"
                        + " LIMIT :limit OFFSET :offset").params(w.params()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> finding(rs)).list();
    }

    public long count(DataScope scope, FindingFilter filter) {
        Where w = where(scope, filter);
        return jdbc.sql("SELECT count(*) FROM finding" + w.sql()).params(w.params()).query(Long.class).single();
    }

    public Optional<MonitoringFinding> find(long id, DataScope scope) {
        return jdbc.sql("SELECT * FROM finding WHERE id = ?").param(id).query((rs, n) -> finding(rs)).optional()
                .filter(f -> scope.covers(f.ownerAgency(), f.ownerRegion()));
    }

    /** What confirming produced. */
    public record Confirmed(long findingId, long clueId, String clueNo, long evidenceSeq) {
    }

    /**
     * Confirms a new finding: fixes the reported content it was found in as evidence (noting when the content has
     * changed since), registers a clue from the finding and attaches the evidence.
     */
    @Transactional
    public Confirmed confirm(long id, CurrentUser officer) {
        MonitoringFinding f = find(id, officer.dataScope()).orElseThrow(() -> new java.util.NoSuchElementException(
                "没有这条发现 (no such finding): " + id));
        if (!f.status().equals("NEW")) {
            throw new IllegalStateException("发现 " + id + " 已处理（" + f.statusLabel() + "）(already decided)");
        }
        byte[] content;
        String note;
        String operator = null;
        String subjectName = f.subject();
        if (f.source().equals("LISTING")) {
            String[] key = f.subject().split("/", 2);
            content = listings.content(key[0], key[1]).orElse("{}").getBytes(StandardCharsets.UTF_8);
            String now = cn.wangjian.platform.evidence.Evidence.sha256(content);
            note = "平台报送的商品信息 " + f.subject() + (now.equals(f.evidenceSha256()) ? ""
                    : "；发现时内容哈希为 " + f.evidenceSha256() + "，其后平台已更新该商品");
            var listing = listings.find(key[0], key[1]);
            if (listing.isPresent()) {
                operator = listing.get().operatorCreditCode();
                subjectName = listing.get().shopName();
            }
        } else {
            content = f.text().getBytes(StandardCharsets.UTF_8);
            note = "主体库交叉核验结果 " + f.subject();
            if (f.source().equals("SHOP")) {
                String[] key = f.subject().split("/", 2);
                var shop = registry.shop(key[0], key[1]);
                if (shop.isPresent()) {
                    operator = shop.get().operatorCreditCode();
                    subjectName = shop.get().shopName();
                }
            }
        }
        if (operator != null) {
            var enterprise = registry.enterprise(operator);
            if (enterprise.isPresent()) {
                subjectName = enterprise.get().name() + "（" + subjectName + "）";
            }
        }
        Capture capture = evidence.record(new Evidence.NewCapture(Capture.Kind.PLATFORM_REPORT, f.evidenceUrl(),
                f.evidenceTime(), null, null, "application/json", content, f.text(), null, note,
                officer.getUsername(), f.ownerAgency(), f.ownerRegion()));
        String description = describe(f) + "\n证据：第 " + capture.seq() + " 号，SHA-256 " + capture.contentSha256()
                + "，地址 " + f.evidenceUrl() + "，时间 " + java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss（北京时间）").withZone(java.time.ZoneId.of("Asia/Shanghai"))
                .format(f.evidenceTime());
        Clue clue = clues.register(new NewClue(truncate(f.title() + "：" + f.subject(), 200), ClueSource.MONITORING,
                truncate(subjectName, 200), validCode(operator), truncate(description, 20000)), officer);
        clues.attachEvidence(clue.id(), capture.seq(), "监测发现 " + f.id() + "（" + f.rule() + "）", officer.getUsername());
        jdbc.sql("""
                UPDATE finding SET status = 'CONFIRMED', decided_by = ?, decided_at = ?, clue_id = ?, evidence_seq = ?
                WHERE id = ?""").params(officer.getUsername(), Timestamp.from(clock.instant()), clue.id(), capture.seq(), id)
                .update();
        audit.record(officer.getUsername(), "monitoring.finding-confirmed", "finding", Long.toString(id), null,
                Map.of("clue", clue.clueNo(), "evidenceSeq", capture.seq()));
        return new Confirmed(id, clue.id(), clue.clueNo(), capture.seq());
    }

    /** Dismisses new findings with a reason; returns how many were dismissed. */
    @Transactional
    public int dismiss(List<Long> ids, String reason, CurrentUser officer) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("字段 reason：排除须说明理由 (a reason is required)");
        }
        int n = 0;
        for (long id : ids) {
            if (find(id, officer.dataScope()).filter(f -> f.status().equals("NEW")).isEmpty()) {
                continue;
            }
            n += jdbc.sql("""
                    UPDATE finding SET status = 'DISMISSED', decided_by = ?, decided_at = ?, dismiss_reason = ?
                    WHERE id = ? AND status = 'NEW'""")
                    .params(officer.getUsername(), Timestamp.from(clock.instant()), truncate(reason.strip(), 1000), id)
                    .update();
            audit.record(officer.getUsername(), "monitoring.finding-dismissed", "finding", Long.toString(id), null,
                    Map.of("reason", reason.strip()));
        }
        return n;
    }

    /** Assigns findings to an officer (by user name); returns how many. */
    @Transactional
    public int assign(List<Long> ids, String assignee, CurrentUser officer) {
        if (assignee == null || assignee.isBlank()) {
            throw new IllegalArgumentException("字段 assignee：请填写承办人用户名 (assignee is required)");
        }
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(assignee.strip()).query(Long.class)
                .single() == 0) {
            throw new IllegalArgumentException("字段 assignee：没有用户 " + assignee + " (no such user)");
        }
        int n = 0;
        for (long id : ids) {
            if (find(id, officer.dataScope()).isEmpty()) {
                continue;
            }
            n += jdbc.sql("UPDATE finding SET assignee = ? WHERE id = ?").params(assignee.strip(), id).update();
            audit.record(officer.getUsername(), "monitoring.finding-assigned", "finding", Long.toString(id), null,
                    Map.of("assignee", assignee.strip()));
        }
        return n;
    }

    /** Per rule: findings, confirmed, dismissed, and the false-positive rate among decided ones. */
    public record RuleStats(String rule, String title, long total, long confirmed, long dismissed) {
        public Double falsePositiveRate() {
            long decided = confirmed + dismissed;
            return decided == 0 ? null : (double) dismissed / decided;
        }
    }

    public List<RuleStats> ruleStats(DataScope scope) {
        Where w = where(scope, FindingFilter.none());
        return jdbc.sql("SELECT rule, min(title), count(*), count(*) FILTER (WHERE status = 'CONFIRMED'),"
                        + " count(*) FILTER (WHERE status = 'DISMISSED') FROM finding" + w.sql()
                        + " GROUP BY rule ORDER BY count(*) DESC").params(w.params())
                .query((rs, n) -> new RuleStats(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).list();
    }

    /** Counts grouped by one column (rule_category, platform_code, region prefix, day), for the dashboard. */
    public Map<String, Long> countBy(DataScope scope, String dimension) {
        String column = switch (dimension) {
            case "category" -> "rule_category";
            case "platform" -> "coalesce(platform_code, '（非平台）')";
            case "region" -> "coalesce(substr(region_code, 1, 2) || '0000', '（未知）')";
            case "day" -> "to_char(found_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')";
            case "severity" -> "severity";
            default -> throw new IllegalArgumentException("unknown dimension " + dimension);
        };
        Where w = where(scope, FindingFilter.none());
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + " AS k, count(*) FROM finding" + w.sql() + " GROUP BY k ORDER BY k")
                .params(w.params()).query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static String describe(MonitoringFinding f) {
        StringBuilder b = new StringBuilder();
        b.append("监测发现 ").append(f.id()).append("（任务 ").append(f.taskId()).append("，运行 ").append(f.runId())
                .append("）\n规则：").append(f.rule()).append(" ").append(f.title())
                .append("\n依据：").append(f.law()).append(f.article()).append(f.lawUnverified() ? "（条文待核实）" : "")
                .append("\n对象：").append(f.subject());
        if (f.matched() != null && f.spans().size() <= 1) {
            b.append("\n命中：“").append(f.matched()).append("”（规则词 ").append(f.term()).append("，字段 ")
                    .append(f.field()).append(" 第 ").append(f.start()).append("–").append(f.end()).append(" 字符）");
        } else if (f.spans().size() > 1) {
            b.append("\n命中 ").append(f.spans().size()).append(" 处（字段 ").append(f.field()).append("）：");
            String sep = "";
            for (MonitoringFinding.Span s : f.spans()) {
                b.append(sep).append("“").append(s.matched()).append("”（");
                if (s.term() != null) {
                    b.append("规则词 ").append(s.term()).append("，");
                }
                b.append("第 ").append(s.start()).append("–").append(s.end()).append(" 字符）");
                sep = "、";
            }
        }
        if (f.detail() != null) {
            b.append("\n说明：").append(f.detail());
        }
        return b.toString();
    }

    private static String validCode(String code) {
        if (code == null) {
            return null;
        }
        try {
            return cn.wangjian.engine.registry.UnifiedSocialCreditCode.parse(code).value();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static MonitoringFinding finding(ResultSet rs) throws SQLException {
        int start = rs.getInt("start_offset");
        Integer startOffset = rs.wasNull() ? null : start;
        int end = rs.getInt("end_offset");
        Integer endOffset = rs.wasNull() ? null : end;
        long clue = rs.getLong("clue_id");
        Long clueId = rs.wasNull() ? null : clue;
        long seq = rs.getLong("evidence_seq");
        Long evidenceSeq = rs.wasNull() ? null : seq;
        Timestamp decided = rs.getTimestamp("decided_at");
        return new MonitoringFinding(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("run_id"),
                rs.getString("detector"), rs.getString("source"), rs.getString("subject"),
                rs.getString("platform_code"), rs.getString("shop_id"), rs.getString("region_code"),
                rs.getString("product_category"), rs.getString("rule"), rs.getString("rule_category"),
                rs.getString("title"), rs.getString("law"), rs.getString("article"), rs.getBoolean("law_unverified"),
                rs.getString("severity"), rs.getDouble("confidence"), rs.getString("field"), rs.getString("text"),
                startOffset, endOffset, rs.getString("matched"), rs.getString("term"), rs.getString("detail"),
                rs.getString("evidence_url"), rs.getTimestamp("evidence_time").toInstant(),
                rs.getString("evidence_sha256"), rs.getTimestamp("found_at").toInstant(), rs.getString("status"),
                rs.getString("assignee"), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("dismiss_reason"), clueId, evidenceSeq, rs.getString("owner_agency"),
                rs.getString("owner_region"), spans(rs.getString("spans"), startOffset, endOffset,
                        rs.getString("matched"), rs.getString("term")));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final com.fasterxml.jackson.core.type.TypeReference<List<MonitoringFinding.Span>> SPANS =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    /** The spans kept with the finding; a finding written before they were kept has the one span of its offsets. */
    static List<MonitoringFinding.Span> spans(String json, Integer start, Integer end, String matched, String term) {
        if (json != null) {
            try {
                return JSON.readValue(json, SPANS);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("发现的命中位置无法读取 (unreadable spans): " + e.getOriginalMessage(), e);
            }
        }
        if (start == null || end == null) {
            return List.of();
        }
        return List.of(new MonitoringFinding.Span(start, end, matched, term, null, null, null));
    }
}
