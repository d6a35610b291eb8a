package cn.wangjian.platform.trade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a report as a stream of rows, JSON Lines (one object per line) or CSV with a header, never holding the whole
 * body: each row is handed on as it is read, with the line it came from.
 */
final class TradeRows {

    /** One row: its line in the body and its fields (blank values are absent). */
    record Row(long line, Map<String, String> fields) {
        String get(String name) {
            return fields.get(name);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINE = 64 * 1024;

    private TradeRows() {
    }

    /** Reads every row; a line that cannot be read is handed to {@code unreadable} and reading goes on. */
    static void read(BufferedReader text, Consumer<Row> rows, Consumer<TradeReport.Rejected> unreadable)
            throws IOException {
        text.mark(1 << 16);
        int c;
        do {
            c = text.read();
        } while (c >= 0 && Character.isWhitespace(c));
        text.reset();
        if (c == '{') {
            jsonLines(text, rows, unreadable);
        } else if (c >= 0) {
            csv(text, rows, unreadable);
        }
    }

    private static void jsonLines(BufferedReader text, Consumer<Row> rows, Consumer<TradeReport.Rejected> unreadable)
            throws IOException {
        long lineNo = 0;
        String raw;
        while ((raw = text.readLine()) != null) {
            lineNo++;
            if (raw.isBlank()) {
                continue;
            }
            if (raw.length() > MAX_LINE) {
                unreadable.accept(new TradeReport.Rejected(lineNo, "该行超过 " + MAX_LINE / 1024
                        + " KB，过长 (line too long)"));
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(raw);
            } catch (IOException e) {
                unreadable.accept(new TradeReport.Rejected(lineNo, "不是有效的 JSON (not valid JSON)"));
                continue;
            }
            if (!n.isObject()) {
                unreadable.accept(new TradeReport.Rejected(lineNo, "每行应为一个 JSON 对象 (not a JSON object)"));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    StringBuilder joined = new StringBuilder();
                    for (JsonNode x : v) {
                        joined.append(joined.isEmpty() ? "" : ";").append(x.asText());
                    }
                    put(fields, e.getKey(), joined.toString());
                } else if (!v.isNull()) {
                    put(fields, e.getKey(), v.asText());
                }
            }
            rows.accept(new Row(lineNo, fields));
        }
    }

    private static void csv(BufferedReader text, Consumer<Row> rows, Consumer<TradeReport.Rejected> unreadable)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> header = parser.getHeaderNames();
            var records = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (RuntimeException e) {
                    // a broken quote: the rest of the body cannot be read as rows
                    unreadable.accept(new TradeReport.Rejected(parser.getCurrentLineNumber(),
                            "CSV 格式错误，其后的内容无法读取 (malformed CSV): " + e.getMessage()));
                    break;
                }
                long line = r.getRecordNumber() + 1;
                if (r.size() != header.size()) {
                    unreadable.accept(new TradeReport.Rejected(line, "该行有 " + r.size() + " 列，表头有 " + header.size()
                            + " 列 (column count differs from the header)"));
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    put(fields, header.get(i).strip(), r.get(i));
                }
                rows.accept(new Row(line, fields));
            }
        }
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value.strip());
        }
    }
}
