package cn.wangjian.platform.clue;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.Directory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing table by the division of duties: violation category → lead agency and assisting agencies. Data, in
 * versions: the newest is in force; the first is seeded from the 2017 plan; an administrator saves a new version
 * (checked: known agencies, unique codes) or an older one again.
 */
@Service
public class Routing {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One category of the table. */
    public record Category(String code, String label, String lead, List<String> assist, String basis,
                           List<String> ruleCategories) {
    }

    /** A version of the table. */
    public record Table(long version, String name, List<Category> categories, String document, String note,
                        String createdBy, Instant createdAt) {
        public Optional<Category> category(String code) {
            return categories.stream().filter(c -> c.code().equals(code)).findFirst();
        }

        /** The category whose rule categories include a finding's rule category. */
        public Optional<Category> forRuleCategory(String ruleCategory) {
            return categories.stream().filter(c -> c.ruleCategories().contains(ruleCategory)).findFirst();
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;

    private final java.time.Clock clock;

    Routing(JdbcClient jdbc, Directory directory, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    public Table current() {
        return latest().orElseGet(this::seed);
    }

    public List<Table> versions() {
        return jdbc.sql("SELECT * FROM routing_version ORDER BY id DESC").query((rs, n) -> table(rs)).list();
    }

    private Optional<Table> latest() {
        return jdbc.sql("SELECT * FROM routing_version ORDER BY id DESC LIMIT 1").query((rs, n) -> table(rs)).optional();
    }

    private static Table table(java.sql.ResultSet rs) throws java.sql.SQLException {
        return parse(rs.getLong("id"), rs.getString("document"), rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    @Transactional
    Table seed() {
        jdbc.sql("SELECT pg_advisory_xact_lock(7707)").query().singleRow();
        Optional<Table> raced = latest();
        if (raced.isPresent()) {
            return raced.get();
        }
        try (InputStream in = Routing.class.getResourceAsStream("routing-2017.json")) {
            return save(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "初始：2017 专项行动方案职责分工",
                    "system");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a new version after checking it; the message of a refusal names the category and field. */
    @Transactional
    public Table save(String document, String note, String actor) {
        Table checked = parse(0, document, note, actor, clock.instant());
        Set<String> codes = new HashSet<>();
        for (Category c : checked.categories()) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("类别 " + c.code() + " 重复 (duplicate category)");
            }
            for (String agency : concat(c.lead(), c.assist())) {
                if (directory.agency(agency).isEmpty()) {
                    throw new IllegalArgumentException("类别 " + c.code() + "：未知部门代码 " + agency + " (unknown agency)");
                }
            }
        }
        if (checked.categories().isEmpty()) {
            throw new IllegalArgumentException("路由表没有任何类别 (no categories)");
        }
        long id = jdbc.sql("INSERT INTO routing_version (document, note, created_by, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(document, note == null || note.isBlank() ? "修改职责分工" : note, actor, Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(actor, "routing.changed", "routing", Long.toString(id), null, java.util.Map.of("note", String.valueOf(note)));
        return latest().orElseThrow();
    }

    private static List<String> concat(String lead, List<String> assist) {
        List<String> all = new ArrayList<>(assist);
        all.add(0, lead);
        return all;
    }

    private static Table parse(long id, String document, String note, String createdBy, Instant at) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new IllegalArgumentException("路由表不是有效的 JSON (not valid JSON): " + e.getMessage());
        }
        List<Category> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.path("categories")) {
            i++;
            String code = c.path("code").asText("");
            String lead = c.path("lead").asText("");
            if (code.isBlank() || lead.isBlank() || c.path("label").asText("").isBlank()) {
                throw new IllegalArgumentException("第 " + i + " 个类别缺少 code、label 或 lead (category " + i
                        + " lacks code, label or lead)");
            }
            List<String> assist = new ArrayList<>();
            c.path("assist").forEach(a -> assist.add(a.asText()));
            List<String> rules = new ArrayList<>();
            c.path("ruleCategories").forEach(a -> rules.add(a.asText()));
            out.add(new Category(code, c.path("label").asText(), lead, assist, c.path("basis").asText(""), rules));
        }
        return new Table(id, root.path("version").asText(""), out, document, note, createdBy, at);
    }
}
