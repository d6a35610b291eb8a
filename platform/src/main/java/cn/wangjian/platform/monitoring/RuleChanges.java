package cn.wangjian.platform.monitoring;

import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.TextScanner;
import cn.wangjian.platform.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers' changes to the text rules. Each change writes a new version holding all additions on top of the
 * built-in catalog; the scanner is rebuilt from it and swapped in at once (scans in flight finish on the old one),
 * without a restart. A change that does not build (unknown rule, bad field, duplicate id) is refused with the
 * reason, and nothing is written. Rollback writes a new version equal to an older one. Every change is audited.
 */
@Service
public class RuleChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A version as listed. */
    public record Version(long id, String note, Long basedOn, String createdBy, Instant createdAt, String additions) {
    }

    private final JdbcClient jdbc;
    private final Detectors detectors;
    private final AuditLog audit;

    private final java.time.Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    RuleChanges(JdbcClient jdbc, Detectors detectors, AuditLog audit, java.time.Clock clock,
                org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
        this.detectors = detectors;
        this.audit = audit;
    }

    /** On start (after the migrations): the newest version is in force. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationStartedEvent.class)
    void applyLatest() {
        latest().ifPresent(v -> detectors.replace(build(v.id(), parse(v.additions()))));
    }

    public List<Version> versions() {
        return jdbc.sql("SELECT * FROM rule_catalog_version ORDER BY id DESC").query((rs, n) -> {
            long based = rs.getLong("based_on");
            return new Version(rs.getLong("id"), rs.getString("note"), rs.wasNull() ? null : based,
                    rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("additions"));
        }).list();
    }

    /** The version in force now (id 0 and no additions when officers have changed nothing). */
    public RuleVersionInForce inForce() {
        return latest().map(v -> new RuleVersionInForce(v.id(), v.additions()))
                .orElseGet(() -> new RuleVersionInForce(0, "{}"));
    }

    Optional<Version> latest() {
        List<Version> all = versions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Adds terms ({@code allowed} false) or allowed words ({@code allowed} true) to an existing rule. */
    @Transactional
    public Version addWords(String ruleId, List<String> words, boolean allowed, String note, String actor) {
        List<String> clean = words.stream().map(String::strip).filter(w -> !w.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("字段 words：请填写至少一个词 (at least one word)");
        }
        for (String w : clean) {
            if (w.length() > 50) {
                throw new IllegalArgumentException("字段 words：词条不能超过50字：" + w);
            }
        }
        ObjectNode additions = current();
        ObjectNode byRule = (ObjectNode) additions.with(allowed ? "allowedWords" : "terms");
        ArrayNode list = byRule.withArray(ruleId);
        clean.forEach(list::add);
        return save(additions, note == null || note.isBlank()
                ? (allowed ? "为 " + ruleId + " 增加例外词 " : "为 " + ruleId + " 增加词条 ") + clean : note, null, actor);
    }

    /** Adds a whole rule, written like the catalog files' rules (JSON). */
    @Transactional
    public Version addRule(String ruleJson, String note, String actor) {
        JsonNode rule;
        try {
            rule = JSON.readTree(ruleJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("规则不是有效的 JSON (not valid JSON): " + e.getOriginalMessage());
        }
        if (rule == null || !rule.isObject()) {
            throw new IllegalArgumentException("规则应为一个 JSON 对象 (a rule is a JSON object)");
        }
        ObjectNode additions = current();
        additions.withArray("rules").add(rule);
        return save(additions, note == null || note.isBlank() ? "新增规则 " + rule.path("id").asText() : note, null,
                actor);
    }

    /** Puts an older version back in force, as a new version. */
    @Transactional
    public Version rollBack(long toVersion, String actor) {
        Version v = versions().stream().filter(x -> x.id() == toVersion).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("没有版本 " + toVersion + " (no such version)"));
        return save(parse(v.additions()), "回滚到版本 " + toVersion, toVersion, actor);
    }

    /** Back to the built-in catalog alone, as a new version with no additions. */
    @Transactional
    public Version rollBackToBuiltIn(String actor) {
        return save(JSON.createObjectNode(), "回滚到内置规则库", null, actor);
    }

    private ObjectNode current() {
        return latest().map(v -> parse(v.additions())).orElseGet(JSON::createObjectNode);
    }

    private Version save(ObjectNode additions, String note, Long basedOn, String actor) {
        long next = jdbc.sql("SELECT coalesce(max(id), 0) + 1 FROM rule_catalog_version").query(Long.class).single();
        RuleCatalog catalog = build(next, additions);          // throws before anything is written
        TextScanner checked = TextScanner.build(catalog);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO rule_catalog_version (additions, note, based_on, created_by, created_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(additions.toString(), note, basedOn, actor, Timestamp.from(now)).query(Long.class).single();
        RuleCatalog applied = id == next ? catalog : build(id, additions);
        TextScanner ready = id == next ? checked : TextScanner.build(applied);
        audit.record(actor, "rules.changed", "rule-catalog", Long.toString(id), null,
                Map.of("note", note, "additions", additions.toString(), "version", applied.version()));
        // swap after the transaction commits, so a rolled-back change never reaches the scanner
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        detectors.use(ready);
                        events.publishEvent(new RuleVersionInForce(id, additions.toString()));
                    }
                });
        return new Version(id, note, basedOn, actor, now, additions.toString());
    }

    private static RuleCatalog build(long version, ObjectNode additions) {
        try {
            return cn.wangjian.engine.text.OfficerRules.catalog(version, additions);
        } catch (RuleCatalog.CatalogException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("规则版本内容损坏 (corrupt rule version)", e);
        }
    }
}
