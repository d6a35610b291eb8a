package cn.wangjian.platform.campaign;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner agency's counts imported as a CSV file ({@code indicator,region,day,quantity,note}; the indicator by
 * code or by its label; UTF-8 or GB18030): all or nothing — one bad line refuses the file, and every bad line is
 * named with its field — and the same file is not counted twice.
 */
@Service
public class EntryImports {

    static final int MAX_ROWS = 10_000;
    static final List<String> COLUMNS = List.of("indicator", "region", "day", "quantity", "note");

    /** One refused line: its number in the file (the header is line 1), the field and why. */
    public record Problem(long line, String field, String message) {
        @Override
        public String toString() {
            return "第 " + line + " 行 " + message;
        }
    }

    public record Imported(long importId, int rows) {
    }

    /** The file was refused as a whole; nothing of it was stored. */
    public static final class Refused extends CampaignRefusedException {
        private final transient List<Problem> problems;

        Refused(List<Problem> problems) {
            super("文件未导入，共 " + problems.size() + " 处错误 (nothing imported): " + String.join("；",
                    problems.stream().limit(20).map(Problem::toString).toList()) + (problems.size() > 20 ? "……" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final CampaignStatistics statistics;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    EntryImports(CampaignStatistics statistics, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Imported importCsv(String fileName, byte[] content, CurrentUser user) {
        if (user.agencyCode() == null) {
            throw new CampaignRefusedException("只有部门用户可以导入统计数 (agency users only)");
        }
        String sha = HexFormat.of().formatHex(sha256(content));
        jdbc.sql("SELECT imported_at FROM campaign_entry_import WHERE agency_code = ? AND sha256 = ?")
                .params(user.agencyCode(), sha).query(Timestamp.class).optional().ifPresent(t -> {
                    throw new CampaignRefusedException("该文件已于 " + t.toInstant() + " 导入，未重复计数"
                            + " (this file was imported before)");
                });
        List<Problem> problems = new ArrayList<>();
        List<CampaignStatistics.Entry> entries = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(decode(content)))) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new CampaignRefusedException("第 1 行（表头）缺少列 " + String.join("、", missing)
                        + "；应为 " + String.join(",", COLUMNS) + " (missing columns)");
            }
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                if (entries.size() + problems.size() >= MAX_ROWS) {
                    throw new CampaignRefusedException("文件超过 " + MAX_ROWS + " 行 (too many rows)");
                }
                if (!row.isConsistent()) {
                    problems.add(new Problem(line, "row", "列数与表头不一致 (wrong number of columns)"));
                    continue;
                }
                try {
                    entries.add(statistics.checkedEntry(row.get("indicator"), row.get("region"), day(row.get("day")),
                            quantity(row.get("quantity")), row.get("note"), user));
                } catch (CampaignRefusedException e) {
                    String message = e.getMessage();
                    String field = message.startsWith("字段 ") ? message.substring(3, message.indexOf('：')) : "row";
                    problems.add(new Problem(line, field, message));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new CampaignRefusedException("文件无法按 CSV 读取 (not a CSV file): " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        if (entries.isEmpty()) {
            throw new CampaignRefusedException("文件没有数据行 (no rows)");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_entry_import (sha256, file_name, rows, agency_code, region_code, imported_by,
                                                   imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(sha, fileName == null || fileName.isBlank() ? "import.csv" : Fields.required(fileName,
                                "file", "文件名", 200), entries.size(), user.agencyCode(), user.region().value(),
                        user.getUsername(), Timestamp.from(clock.instant())).query(Long.class).single();
        for (int i = 0; i < entries.size(); i++) {
            statistics.recordEntry(entries.get(i), "import-" + id + ":" + (i + 1), user);
        }
        audit.record(user.getUsername(), "campaign.acts-imported", "campaign_entry_import", Long.toString(id), null,
                Map.of("rows", entries.size(), "sha256", sha));
        return new Imported(id, entries.size());
    }

    private static LocalDate day(String v) {
        try {
            return v == null || v.isBlank() ? null : LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new CampaignRefusedException("字段 day：“" + v + "”不是 yyyy-MM-dd 日期 (not a date)");
        }
    }

    private static long quantity(String v) {
        try {
            return Long.parseLong(v == null ? "" : v.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new CampaignRefusedException("字段 quantity：“" + v + "”不是整数 (not a whole number)");
        }
    }

    /** UTF-8 (a byte-order mark dropped), or GB18030 when the bytes are not UTF-8. */
    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
