package cn.wangjian.platform.clue;

import cn.wangjian.engine.registry.TextEncoding;
import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports complaints and reports (12315-style exports: complaint number, time, complainant and contact,
 * respondent, content) as clues of the importing bureau, all or nothing, every bad row named by line and field.
 * A complaint number already imported is skipped (re-sent exports do not duplicate); like every clue, one about a
 * respondent the bureau already has clues on is linked to them ({@link ClueRegister}). The complainant's name and phone are kept apart and masked for
 * everyone but the owning bureau's case officers.
 */
@Service
public class ComplaintImport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final List<String> REQUIRED = List.of("complaint_no", "received_at", "respondent", "content");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss]")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** The outcome: imported, skipped as already imported, linked, or every rejected line with its reason. */
    public record Report(int rows, int imported, int skipped, int linked, List<String> rejected) {
        public boolean committed() {
            return rejected.isEmpty();
        }
    }

    private record Row(String complaintNo, Instant receivedAt, String name, String phone, String respondent,
                       String creditCode, String content, ClueSource source) {
    }

    private final JdbcClient jdbc;
    private final ClueRegister clues;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    ComplaintImport(JdbcClient jdbc, ClueRegister clues, TransactionTemplate tx, AuditLog audit) {
        this.jdbc = jdbc;
        this.clues = clues;
        this.tx = tx;
        this.audit = audit;
    }

    public Report importFile(String fileName, byte[] content, CurrentUser officer) {
        String text;
        try {
            text = TextEncoding.decode(content, TextEncoding.detect(content));
        } catch (TextEncoding.MisfitException e) {
            return new Report(0, 0, 0, 0, List.of("第 " + e.line() + " 行：" + e.getMessage()));
        } catch (CharacterCodingException e) {
            return new Report(0, 0, 0, 0, List.of("无法解码文件 (cannot decode): " + e.getMessage()));
        }
        List<Map<String, String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        boolean json = (fileName != null && fileName.endsWith(".jsonl")) || text.stripLeading().startsWith("{");
        if (json) {
            String[] ls = text.split("\n", -1);
            for (int i = 0; i < ls.length; i++) {
                if (ls[i].isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = new ObjectMapper().readTree(ls[i]);
                    Map<String, String> m = new HashMap<>();
                    n.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
                    records.add(m);
                    lines.add(i + 1L);
                } catch (IOException e) {
                    rejected.add("第 " + (i + 1) + " 行：不是有效的 JSON 对象 (not a JSON object)");
                }
            }
        } else {
            try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setHeader()
                    .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get())) {
                for (String r : REQUIRED) {
                    if (!p.getHeaderMap().containsKey(r)) {
                        return new Report(0, 0, 0, 0, List.of("第 1 行：表头缺少列 " + r + " (header lacks " + r + ")"));
                    }
                }
                for (CSVRecord r : p) {
                    records.add(r.toMap());
                    lines.add(r.getRecordNumber() + 1);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                return new Report(0, 0, 0, 0, List.of("CSV 格式错误（文件可能被截断）(malformed CSV): " + e.getMessage()));
            }
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                Row row = row(records.get(i));
                if (!seen.add(row.complaintNo())) {
                    throw new IllegalArgumentException("字段 complaint_no：文件中重复 " + row.complaintNo() + " (duplicate)");
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                rejected.add("第 " + lines.get(i) + " 行：" + e.getMessage());
            }
        }
        if (!rejected.isEmpty()) {
            return new Report(records.size() + rejected.size(), 0, 0, 0, rejected);
        }
        int[] counts = new int[3];
        tx.executeWithoutResult(status -> {
            for (Row r : rows) {
                if (jdbc.sql("SELECT count(*) FROM clue_complaint WHERE complaint_no = ?").param(r.complaintNo())
                        .query(Long.class).single() > 0) {
                    counts[1]++;
                    continue;
                }
                String title = (r.source() == ClueSource.REPORT ? "举报：" : "投诉：") + truncate(r.content(), 60);
                Clue clue = clues.register(new NewClue(title, r.source(), r.respondent(), r.creditCode(),
                        "投诉举报编号 " + r.complaintNo() + "，受理时间 " + r.receivedAt().atZone(CHINA).toLocalDateTime()
                                + "\n" + r.content()), officer);
                jdbc.sql("""
                        INSERT INTO clue_complaint (clue_id, complaint_no, received_at, complainant_name, complainant_phone)
                        VALUES (?, ?, ?, ?, ?)""").params(clue.id(), r.complaintNo(), Timestamp.from(r.receivedAt()),
                        r.name(), r.phone()).update();
                counts[0]++;
                counts[2] += clues.related(clue.id()).isEmpty() ? 0 : 1;
            }
            audit.record(officer.getUsername(), "clue.complaints-imported", "clue-import", fileName, null,
                    Map.of("imported", counts[0], "skipped", counts[1], "linked", counts[2]));
        });
        return new Report(rows.size(), counts[0], counts[1], counts[2], List.of());
    }

    private static Row row(Map<String, String> f) {
        String no = required(f, "complaint_no");
        Instant at = time(required(f, "received_at"));
        String respondent = required(f, "respondent");
        String content = required(f, "content");
        String code = blank(f.get("respondent_credit_code"));
        if (code != null) {
            try {
                code = UnifiedSocialCreditCode.parse(code).value();
            } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
                throw new IllegalArgumentException("字段 respondent_credit_code：" + e.getMessage());
            }
        }
        String phone = blank(f.get("complainant_phone"));
        if (phone != null && !phone.matches("[0-9+\\-() ]{5,20}")) {
            throw new IllegalArgumentException("字段 complainant_phone：不是电话号码 (not a phone number)");
        }
        String kind = blank(f.get("kind"));
        ClueSource source = kind == null || kind.equalsIgnoreCase("complaint") || kind.equals("投诉") ? ClueSource.COMPLAINT
                : kind.equalsIgnoreCase("report") || kind.equals("举报") ? ClueSource.REPORT : null;
        if (source == null) {
            throw new IllegalArgumentException("字段 kind：应为 complaint（投诉）或 report（举报），而非 " + kind);
        }
        if (content.length() > 19_000) {
            throw new IllegalArgumentException("字段 content：超过 19000 字 (too long)");
        }
        return new Row(no, at, blank(f.get("complainant_name")), phone, truncate(respondent, 200), code, content,
                source);
    }

    private static Instant time(String s) {
        try {
            return LocalDateTime.parse(s, LOCAL_TIME).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("字段 received_at：不是时间（YYYY-MM-DD HH:MM[:SS]）：" + s + " (not a time)");
            }
        }
    }

    private static String required(Map<String, String> f, String name) {
        String v = blank(f.get(name));
        if (v == null) {
            throw new IllegalArgumentException("字段 " + name + " 不能为空 (required)");
        }
        return v;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The complainant of a clue: in full for the owning bureau's case officers (audited), masked for others. */
    public Optional<String[]> complainant(Clue clue, CurrentUser reader) {
        return jdbc.sql("SELECT complaint_no, complainant_name, complainant_phone FROM clue_complaint WHERE clue_id = ?")
                .param(clue.id()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional().map(c -> {
                    boolean full = reader.hasRole(cn.wangjian.platform.identity.Role.CASE_OFFICER)
                            && clue.agencyCode().equals(reader.agencyCode()) && clue.regionCode().equals(reader.region().value());
                    if (full) {
                        audit.record(reader.getUsername(), "clue.complainant-viewed", "clue", Long.toString(clue.id()),
                                null, Map.of("complaint", c[0]));
                        return c;
                    }
                    return new String[] {c[0], mask(c[1], 1), maskPhone(c[2])};
                });
    }

    static String mask(String name, int keep) {
        if (name == null) {
            return null;
        }
        return name.length() <= keep ? "*" : name.substring(0, keep) + "*".repeat(name.length() - keep);
    }

    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
