package cn.wangjian.platform.registry;

import cn.wangjian.engine.registry.TextEncoding;
import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports registry files the way regulators get them: CSV with a header row or JSON Lines, UTF-8 or GB18030
 * (detected, or chosen), all-or-nothing by default or, when asked, the good rows with every rejected row reported by
 * line and reason. A re-sent row updates its record (by credit code, platform code, or platform and shop id); the
 * writing is one transaction, so a crash leaves nothing half-written.
 */
@Service
public class RegistryImporter {

    /** All rows or none, or the good rows only. */
    public enum Mode {
        ALL_OR_NOTHING, PARTIAL;

        /** The API's {@code mode} parameter: {@code all} or {@code partial}. */
        static Mode ofParameter(String mode) {
            return switch (mode) {
                case "all" -> ALL_OR_NOTHING;
                case "partial" -> PARTIAL;
                default -> throw new IllegalArgumentException("mode 应为 all 或 partial (mode must be all or partial)");
            };
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batchJdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    private final java.time.Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    RegistryImporter(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batchJdbc, TransactionTemplate tx,
                     AuditLog audit, java.time.Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.tx = tx;
        this.audit = audit;
    }

    private record Row(long line, Map<String, String> fields) {
        String get(String name) {
            String v = fields.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** A row checked and ready to write. */
    record Valid(long line, String key, Object[] values) {
    }

    public ImportReport importFile(ImportKind kind, String fileName, byte[] content, Charset chosen, Mode mode,
                                   String actor) {
        return importFile(kind, fileName, content, chosen, mode, actor, null);
    }

    /**
     * A platform's own report of its shops (平台报送): the rows need no platform column, and a row naming another
     * platform is rejected. Idempotent by (platform, shop id), like every shop import.
     */
    public ImportReport reportShops(String platformCode, String fileName, byte[] content, Charset chosen, Mode mode,
                                    String actor) {
        return importFile(ImportKind.SHOPS, fileName, content, chosen, mode, actor, platformCode);
    }

    /** A platform's own report of its listings; idempotent by (platform, listing id). */
    public ImportReport reportListings(String platformCode, String fileName, byte[] content, Charset chosen,
                                       Mode mode, String actor) {
        return importFile(ImportKind.LISTINGS, fileName, content, chosen, mode, actor, platformCode);
    }

    private ImportReport importFile(ImportKind kind, String fileName, byte[] content, Charset chosen, Mode mode,
                                    String actor, String reportingPlatform) {
        Charset cs = chosen == null ? TextEncoding.detect(content) : chosen;
        String text;
        try {
            text = TextEncoding.decode(content, cs);
        } catch (TextEncoding.MisfitException e) {
            return new ImportReport(kind, cs.name(), mode.name(), 0, 0,
                    List.of(new ImportReport.Rejected(e.line(), e.getMessage())), false);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
        return importReader(kind, fileName, new java.io.BufferedReader(new StringReader(text)), cs, mode, actor,
                reportingPlatform);
    }

    /**
     * Imports a file read as a stream (the launcher's {@code import} command): a file of any size is never held in
     * memory, neither as bytes nor as rows.
     */
    public ImportReport importFile(ImportKind kind, java.nio.file.Path file, Charset chosen, Mode mode, String actor)
            throws java.io.IOException {
        Charset cs = chosen == null ? TextEncoding.detect(file) : chosen;
        java.io.BufferedReader reader;
        try {
            reader = TextEncoding.reader(file, cs);
        } catch (TextEncoding.MisfitException e) {
            return new ImportReport(kind, cs.name(), mode.name(), 0, 0,
                    List.of(new ImportReport.Rejected(e.line(), e.getMessage())), false);
        }
        try (reader) {
            return importReader(kind, file.getFileName().toString(), reader, cs, mode, actor, null);
        }
    }

    private ImportReport importReader(ImportKind kind, String fileName, java.io.BufferedReader text, Charset cs,
                                      Mode mode, String actor, String reportingPlatform) {
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Set<String> platforms = kind == ImportKind.SHOPS || kind == ImportKind.LISTINGS ? new HashSet<>(jdbc.sql(
                "SELECT code FROM platform").query(String.class).list()) : Set.of();
        Set<String> regions = kind == ImportKind.ENTERPRISES ? new HashSet<>(jdbc.sql("SELECT code FROM region")
                .query(String.class).list()) : Set.of();
        Set<String> shops = new HashSet<>();
        if (kind == ImportKind.LISTINGS) {
            jdbc.sql("SELECT platform_code, shop_id FROM shop").query(rs -> {
                shops.add(rs.getString(1) + "\u0000" + rs.getString(2));
            });
        }
        Known known = new Known(platforms, regions, shops);
        String source = fileName == null ? "upload" : fileName;
        // rows are parsed, checked and written a batch at a time inside one transaction, so a large file never sits
        // in memory as rows; all-or-nothing rolls the transaction back at the end if any row was rejected; the import
        // record and its audit entry commit with the rows, so nothing is half-written after a crash
        List<ImportReport.Rejected> unreadable = new ArrayList<>();
        long[] counts = new long[2];              // rows read, rows written
        java.time.Instant started = clock.instant();
        boolean committed = Boolean.TRUE.equals(tx.execute(status -> {
            Map<String, Long> seen = new HashMap<>();
            List<Valid> batch = new ArrayList<>(BATCH);
            counts[0] = parse(text, fileName, kind, reportingPlatform != null, unreadable, row -> {
                try {
                    Valid v = validate(kind, reportingPlatform == null ? row : asReportOf(reportingPlatform, row), known);
                    Long earlier = seen.putIfAbsent(v.key(), row.line());
                    if (earlier != null) {
                        throw new IllegalArgumentException("与第 " + earlier + " 行重复 (duplicate of line " + earlier + ")");
                    }
                    if (mode == Mode.ALL_OR_NOTHING && !(rejected.isEmpty() && unreadable.isEmpty())) {
                        return;                   // nothing will be kept: check the rest, write no more
                    }
                    batch.add(v);
                    if (batch.size() >= BATCH) {
                        write(kind, batch, source);
                        counts[1] += batch.size();
                        batch.clear();
                    }
                } catch (IllegalArgumentException e) {
                    rejected.add(new ImportReport.Rejected(row.line(), e.getMessage()));
                }
            });
            rejected.addAll(unreadable);
            if (mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
                status.setRollbackOnly();
                return false;
            }
            write(kind, batch, source);
            counts[1] += batch.size();
            int total = (int) (counts[0] + unreadable.size());
            jdbc.sql("""
                    INSERT INTO registry_import (kind, file_name, encoding, mode, rows_total, imported, rejected,
                                                 imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(kind.name(), fileName, cs.name(), mode.name(), total, (int) counts[1], rejected.size(),
                            actor, Timestamp.from(clock.instant())).update();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("kind", kind.name());
            after.put("file", fileName);
            after.put("imported", counts[1]);
            after.put("rejected", rejected.size());
            audit.record(actor, "registry.imported", "registry-import", kind.name(), null, after);
            return true;
        }));
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (committed && kind == ImportKind.LISTINGS && counts[1] > 0) {
            events.publishEvent(new ListingsReported(started, (int) counts[1]));   // after the commit
        }
        int total = (int) (counts[0] + unreadable.size());
        return new ImportReport(kind, cs.name(), mode.name(), total, committed ? (int) counts[1] : 0, rejected,
                committed);
    }

    private static Row asReportOf(String platform, Row row) {
        String named = row.get("platform");
        if (named != null && !named.equals(platform)) {
            throw new IllegalArgumentException("字段 platform：只能报送本平台（" + platform + "）的数据，而非 " + named
                    + " (a platform reports only its own shops and listings)");
        }
        Map<String, String> fields = new HashMap<>(row.fields());
        fields.put("platform", platform);
        return new Row(row.line(), fields);
    }

    private long parse(java.io.BufferedReader text, String fileName, ImportKind kind, boolean platformReport,
                       List<ImportReport.Rejected> rejected, java.util.function.Consumer<Row> sink) {
        try {
            text.mark(1 << 16);
            int c;
            do {
                c = text.read();
            } while (c >= 0 && Character.isWhitespace(c));
            text.reset();
            boolean jsonLines = (fileName != null && (fileName.endsWith(".jsonl") || fileName.endsWith(".json")))
                    || c == '{';
            return jsonLines ? parseJsonLines(text, rejected, sink) : parseCsv(text, kind, platformReport, rejected, sink);
        } catch (IOException e) {
            rejected.add(new ImportReport.Rejected(1, "无法读取文件 (cannot read the file): " + e.getMessage()));
            return 0;
        }
    }

    private static long parseJsonLines(java.io.BufferedReader text, List<ImportReport.Rejected> rejected,
                                       java.util.function.Consumer<Row> sink) throws IOException {
        long rows = 0;
        long lineNo = 0;
        String raw;
        while (true) {
            try {
                raw = text.readLine();
            } catch (java.nio.charset.CharacterCodingException e) {
                rejected.add(new ImportReport.Rejected(lineNo + 1, "编码错误 (not valid in the file's encoding)"));
                break;
            }
            if (raw == null) {
                break;
            }
            lineNo++;
            String l = raw.strip();
            if (l.isEmpty()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(l);
                if (!n.isObject()) {
                    throw new IOException("not an object");
                }
                rows++;
                // nested values (a listing's price history) keep their JSON text
                sink.accept(new Row(lineNo, cn.wangjian.engine.feed.ListingEvent.fields(n)));
            } catch (IOException e) {
                rejected.add(new ImportReport.Rejected(lineNo, "不是有效的 JSON 对象（文件可能被截断）(not a valid JSON object; "
                        + "the file may be truncated)"));
            }
        }
        return rows;
    }

    private static long parseCsv(java.io.Reader text, ImportKind kind, boolean platformReport,
                                 List<ImportReport.Rejected> rejected, java.util.function.Consumer<Row> sink) {
        long rows = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (String required : kind.required()) {
                if (platformReport && required.equals("platform")) {
                    continue;
                }
                if (!parser.getHeaderMap().containsKey(required)) {
                    rejected.add(new ImportReport.Rejected(1, "表头缺少列 " + required + "，应有 " + kind.required()
                            + " (header lacks column '" + required + "')"));
                    return rows;
                }
            }
            var it = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    rejected.add(new ImportReport.Rejected(parser.getCurrentLineNumber() + 1,
                            "CSV 格式错误（引号未闭合，文件可能被截断）(malformed CSV, the file may be truncated): "
                                    + e.getCause().getMessage()));
                    break;
                }
                if (!r.isConsistent()) {
                    rejected.add(new ImportReport.Rejected(r.getRecordNumber() + 1, "列数与表头不一致：" + r.size()
                            + " 列，表头 " + parser.getHeaderMap().size() + " 列 (column count differs from the header)"));
                    continue;
                }
                rows++;
                sink.accept(new Row(r.getRecordNumber() + 1, r.toMap()));
            }
        } catch (IOException e) {
            rejected.add(new ImportReport.Rejected(1, "无法读取 CSV (cannot read the CSV): " + e.getMessage()));
        }
        return rows;
    }

    /** What rows are checked against: the platforms, regions and shops on record. */
    private record Known(Set<String> platforms, Set<String> regions, Set<String> shops) {
    }

    private static Valid validate(ImportKind kind, Row row, Known known) {
        Set<String> platforms = known.platforms();
        Set<String> regions = known.regions();
        return switch (kind) {
            case LISTINGS -> ListingRecord.validate(row.fields(), platforms, known.shops()).asValid(row.line());
            case ENTERPRISES -> {
                String code;
                try {
                    code = UnifiedSocialCreditCode.parse(required(row, "credit_code")).value();
                } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
                    throw new IllegalArgumentException("字段 credit_code：" + e.getMessage());
                }
                String name = required(row, "name");
                String region = row.get("region_code");
                if (region != null && !regions.contains(region)) {
                    throw new IllegalArgumentException("字段 region_code：没有该行政区划代码 " + region + " (unknown region)");
                }
                String status = row.get("status") == null ? "ACTIVE" : row.get("status").toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("ACTIVE", "REVOKED", "CANCELLED", "ABNORMAL").contains(status)) {
                    throw new IllegalArgumentException("字段 status：应为 ACTIVE、REVOKED、CANCELLED 或 ABNORMAL，而非 " + status);
                }
                String entityKind = code.startsWith("92") ? "INDIVIDUAL" : code.startsWith("91") ? "ENTERPRISE" : "OTHER";
                yield new Valid(row.line(), code, new Object[] {code, name, row.get("legal_rep"), row.get("address"),
                        region, status, entityKind});
            }
            case PLATFORMS -> {
                String code = required(row, "code");
                if (!code.matches("[A-Za-z0-9_.-]{2,40}")) {
                    throw new IllegalArgumentException("字段 code：应为2-40位字母、数字或 _ . - (platform code)");
                }
                yield new Valid(row.line(), code, new Object[] {code, required(row, "name")});
            }
            case SHOPS -> {
                String platform = required(row, "platform");
                if (!platforms.contains(platform)) {
                    throw new IllegalArgumentException("字段 platform：未知平台 " + platform + "，请先导入平台 (unknown platform)");
                }
                String shopId = required(row, "shop_id");
                String operator = row.get("operator_credit_code");
                if (operator != null) {
                    try {
                        operator = UnifiedSocialCreditCode.parse(operator).value();
                    } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
                        throw new IllegalArgumentException("字段 operator_credit_code：" + e.getMessage());
                    }
                }
                yield new Valid(row.line(), platform + "\u0000" + shopId, new Object[] {platform, shopId,
                        required(row, "shop_name"), operator, row.get("licence_info"), row.get("category"),
                        date(row, "opened_on")});
            }
            case WEBSITES -> {
                String address = required(row, "address").toLowerCase(java.util.Locale.ROOT);
                String kindOf = row.get("kind") == null ? "WEBSITE" : row.get("kind").toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("WEBSITE", "APP", "MINI_PROGRAM").contains(kindOf)) {
                    throw new IllegalArgumentException("字段 kind：应为 WEBSITE、APP 或 MINI_PROGRAM，而非 " + kindOf);
                }
                if (kindOf.equals("WEBSITE") && !address.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                    throw new IllegalArgumentException("字段 address：不是有效的域名 " + address + " (not a domain name)");
                }
                yield new Valid(row.line(), address, new Object[] {address, kindOf, row.get("name"),
                        row.get("icp_filing"), row.get("public_security_filing"), optionalCode(row, "operator_credit_code")});
            }
            case LICENCES -> {
                String kindOf = required(row, "kind").toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("FOOD_BUSINESS", "FOOD_PRODUCTION", "ICP_LICENCE", "DRUG_ONLINE", "OTHER").contains(kindOf)) {
                    throw new IllegalArgumentException("字段 kind：应为 FOOD_BUSINESS、FOOD_PRODUCTION、ICP_LICENCE、DRUG_ONLINE 或 OTHER");
                }
                String holder = optionalCode(row, "holder_credit_code");
                java.time.LocalDate from = date(row, "valid_from");
                java.time.LocalDate to = date(row, "valid_to");
                if (from != null && to != null && to.isBefore(from)) {
                    throw new IllegalArgumentException("字段 valid_to 早于 valid_from (valid_to is before valid_from)");
                }
                yield new Valid(row.line(), kindOf + "\u0000" + required(row, "number"), new Object[] {kindOf,
                        required(row, "number"), holder, from, to});
            }
        };
    }

    private static String optionalCode(Row row, String field) {
        String v = row.get(field);
        if (v == null) {
            return null;
        }
        try {
            return UnifiedSocialCreditCode.parse(v).value();
        } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
            throw new IllegalArgumentException("字段 " + field + "：" + e.getMessage());
        }
    }

    private static java.time.LocalDate date(Row row, String field) {
        String v = row.get(field);
        if (v == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("字段 " + field + " 不是日期（YYYY-MM-DD）：" + v + " (not a date)");
        }
    }

    private static String required(Row row, String field) {
        String v = row.get(field);
        if (v == null) {
            throw new IllegalArgumentException("字段 " + field + " 不能为空 (field '" + field + "' is required)");
        }
        return v;
    }

    private void write(ImportKind kind, List<Valid> rows, String source) {
        Timestamp now = Timestamp.from(clock.instant());
        String sql = switch (kind) {
            case ENTERPRISES -> """
                        INSERT INTO enterprise (credit_code, name, legal_rep, address, region_code, status, kind,
                                                updated_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name, legal_rep = EXCLUDED.legal_rep,
                            address = EXCLUDED.address, region_code = EXCLUDED.region_code, status = EXCLUDED.status,
                            kind = EXCLUDED.kind, updated_at = EXCLUDED.updated_at, source = EXCLUDED.source""";
            case PLATFORMS -> """
                        INSERT INTO platform (code, name) VALUES (?, ?)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name""";
            case SHOPS -> """
                        INSERT INTO shop (platform_code, shop_id, shop_name, operator_credit_code, licence_info,
                                          category, opened_on, updated_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (platform_code, shop_id) DO UPDATE SET shop_name = EXCLUDED.shop_name,
                            operator_credit_code = EXCLUDED.operator_credit_code,
                            licence_info = EXCLUDED.licence_info, category = EXCLUDED.category,
                            opened_on = COALESCE(EXCLUDED.opened_on, shop.opened_on),
                            updated_at = EXCLUDED.updated_at, source = EXCLUDED.source""";
            case WEBSITES -> """
                        INSERT INTO website (address, kind, name, icp_filing, public_security_filing,
                                             operator_credit_code, updated_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (address) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
                            icp_filing = EXCLUDED.icp_filing, public_security_filing = EXCLUDED.public_security_filing,
                            operator_credit_code = EXCLUDED.operator_credit_code, updated_at = EXCLUDED.updated_at,
                            source = EXCLUDED.source""";
            case LICENCES -> """
                        INSERT INTO licence (kind, number, holder_credit_code, valid_from, valid_to, updated_at, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (kind, number) DO UPDATE SET holder_credit_code = EXCLUDED.holder_credit_code,
                            valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
                            updated_at = EXCLUDED.updated_at, source = EXCLUDED.source""";
            case LISTINGS -> """
                        INSERT INTO listing (platform_code, listing_id, shop_id, category, title, description, url,
                                             original_price, home_price, prices, content, content_sha256, kind,
                                             updated_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (platform_code, listing_id) DO UPDATE SET shop_id = EXCLUDED.shop_id,
                            category = EXCLUDED.category, title = EXCLUDED.title, description = EXCLUDED.description,
                            url = EXCLUDED.url, original_price = EXCLUDED.original_price,
                            home_price = EXCLUDED.home_price, prices = EXCLUDED.prices, content = EXCLUDED.content,
                            content_sha256 = EXCLUDED.content_sha256, kind = EXCLUDED.kind,
                            updated_at = EXCLUDED.updated_at,
                            source = EXCLUDED.source, removed_at = NULL, removed_by = NULL, removal_note = NULL""";
        };
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (Valid v : rows) {
            Object[] x = v.values();
            if (kind == ImportKind.PLATFORMS) {
                batch.add(x);
            } else {
                Object[] args = java.util.Arrays.copyOf(x, x.length + 2);
                args[x.length] = now;
                args[x.length + 1] = source;
                batch.add(args);
            }
        }
        // batched statements: one round trip per thousand rows instead of one per row
        for (int from = 0; from < batch.size(); from += BATCH) {
            batchJdbc.batchUpdate(sql, batch.subList(from, Math.min(batch.size(), from + BATCH)));
        }
    }
}
