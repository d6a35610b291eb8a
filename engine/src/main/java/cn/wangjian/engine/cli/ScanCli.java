package cn.wangjian.engine.cli;

import cn.wangjian.engine.listing.ListingChecks;
import cn.wangjian.engine.text.Finding;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.SuiteEvaluation;
import cn.wangjian.engine.text.TextScanner;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code scan}: reads JSON Lines ({@code {"id":…,"text":…,"category":…}}), writes one line of findings per good
 * input line, in input order, scanning on several threads. A malformed line is reported on standard error with its
 * line number and skipped; the exit code is then 1. A line without a category is scanned as a page whose category is
 * inferred from its text ({@code inferredCategory} in its output line). {@code --evaluate SUITE} prints precision and
 * recall instead ({@code --infer-category}: with the suite's categories withheld and inferred).
 */
public final class ScanCli {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final int BATCH = 2048;

    private ScanCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command; returns the exit code (0 ok, 1 bad input lines, 2 usage). */
    public static int run(String[] args, java.io.InputStream stdin, PrintStream stdout, PrintStream stderr) {
        String input = null;
        String output = null;
        String rules = null;
        String evaluate = null;
        boolean inferCategory = false;
        boolean textFormat = false;
        LocalDate date = LocalDate.now(cn.wangjian.engine.time.Clocks.fromEnvironment());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--input" -> input = value(args, ++i, "--input");
                    case "--output" -> output = value(args, ++i, "--output");
                    case "--rules" -> rules = value(args, ++i, "--rules");
                    case "--evaluate" -> evaluate = value(args, ++i, "--evaluate");
                    case "--infer-category" -> inferCategory = true;
                    case "--format" -> {
                        String f = value(args, ++i, "--format");
                        if (!f.equals("json") && !f.equals("text")) {
                            throw new IllegalArgumentException("--format 只能是 json 或 text (must be json or text)");
                        }
                        textFormat = f.equals("text");
                    }
                    case "--date" -> date = LocalDate.parse(value(args, ++i, "--date"));
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, "--threads"));
                    case "--help", "-h" -> {
                        stdout.println("用法 (usage): scan [--input F] [--output F] [--format json|text] [--rules DIR] "
                                + "[--date YYYY-MM-DD] [--threads N] | scan --evaluate SUITE [--infer-category] [--rules DIR]");
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            stderr.println("错误 (error): " + e.getMessage());
            return 2;
        }
        TextScanner scanner;
        try {
            scanner = TextScanner.build(rules == null ? RuleCatalog.builtIn() : RuleCatalog.load(Path.of(rules)));
        } catch (RuleCatalog.CatalogException e) {
            stderr.println("错误 (error): 规则目录无效 (bad rule catalog): " + e.getMessage());
            return 2;
        }
        try {
            if (evaluate != null) {
                ListingChecks checks = ListingChecks.builtIn(scanner.catalog());
                LocalDate day = date;
                var report = SuiteEvaluation.evaluate(scanner, SuiteEvaluation.read(Path.of(evaluate)), date,
                        inferCategory, (t, category) -> checks.checkText(category, t, day));
                stdout.print(report.describe());
                return 0;
            }
            try (InputStream in = input == null ? stdin : Files.newInputStream(Path.of(input));
                 OutputStream out = new BufferedOutputStream(output == null ? stdout
                         : Files.newOutputStream(Path.of(output)), 1 << 16)) {
                int bad = scanAll(Engine.of(scanner, textFormat), in, out, stderr, date, threads);
                out.flush();
                return bad == 0 ? 0 : 1;
            }
        } catch (IOException e) {
            stderr.println("错误 (error): " + e.getMessage());
            return 2;
        }
    }

    /**
     * A line's findings for people: the rule's title, the severity, the law and article, the matched words in their
     * context and the explanation; the line number is put before it by the writer.
     */
    static String report(Engine engine, String id, String category, boolean inferred, String text,
                         List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        sb.append("（编号 ").append(id).append("）商品类别：")
                .append(engine.scanner().catalog().productCategories().getOrDefault(category, category))
                .append(inferred ? "（按文字推断）" : "").append('\n');
        if (findings.isEmpty()) {
            sb.append("  未发现问题。\n");
        }
        int n = 0;
        for (Finding f : findings) {
            n++;
            sb.append("  ").append(n).append(". [").append(f.severity().chinese()).append("] ")
                    .append(engine.titles().getOrDefault(f.rule(), f.rule())).append("（").append(f.rule()).append("）\n");
            sb.append("     依据：《").append(f.law()).append("》")
                    .append(f.article()).append('\n');
            if (f.end() > f.start()) {
                int from = Math.max(0, f.start() - 10);
                int to = Math.min(text.length(), f.end() + 10);
                sb.append("     匹配：“").append(f.matched()).append("”（").append(f.kind().chinese()).append("，第 ")
                        .append(f.start() + 1).append("–").append(f.end()).append(" 字）  上下文：…")
                        .append(oneLine(text.substring(from, f.start()))).append("【").append(oneLine(f.matched()))
                        .append("】").append(oneLine(text.substring(f.end(), to))).append("…\n");
            } else {
                sb.append("     缺少：“").append(f.term() == null ? f.matched() : f.term()).append("”\n");
            }
            sb.append("     说明：").append(f.explanation()).append('\n');
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }


    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** A line's outcome: its output line (UTF-8 JSON), or the reason it was rejected. */
    /** One line's output (JSON, or the text report without its line number), or the error that refused it. */
    private record Result(byte[] json, String error, boolean numbered) {
        Result(byte[] json, String error) {
            this(json, error, false);
        }
    }

    /**
     * The engine a line is scanned with: the text scanner and the listing checks built on its catalog; with
     * {@code text}, a report for people instead of JSON Lines (rule titles from both).
     */
    record Engine(TextScanner scanner, ListingChecks checks, boolean text, Map<String, String> titles) {
        static Engine of(TextScanner scanner, boolean text) {
            ListingChecks checks = ListingChecks.builtIn(scanner.catalog());
            Map<String, String> titles = new HashMap<>();
            scanner.catalog().rules().forEach(r -> titles.put(r.id(), r.title()));
            checks.rules().forEach(r -> titles.put(r.id(), r.title()));
            return new Engine(scanner, checks, text, Map.copyOf(titles));
        }
    }

    /**
     * The reading thread only splits the input into lines of bytes and writes the finished output bytes; decoding,
     * JSON parsing, scanning and JSON writing happen on the scanning threads, a batch at a time, in order.
     */
    static int scanAll(Engine scanner, InputStream in, OutputStream out, PrintStream stderr, LocalDate date,
                       int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        LineSplitter lines = new LineSplitter(in);
        int bad = 0;
        long lineNumber = 0;
        try {
            List<Future<List<Result>>> pending = null;
            long pendingFirst = 0;
            while (true) {
                List<byte[]> batch = new ArrayList<>(BATCH);
                byte[] line;
                while (batch.size() < BATCH && (line = lines.next()) != null) {
                    batch.add(line);
                }
                long first = lineNumber + 1;
                lineNumber += batch.size();
                List<Future<List<Result>>> next = batch.isEmpty() ? null : submit(pool, scanner, batch, date, threads);
                if (pending != null) {
                    bad += write(pending, pendingFirst, out, stderr);
                }
                pending = next;
                pendingFirst = first;
                if (batch.isEmpty()) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return bad;
    }

    /** Splits a byte stream into lines (without the line feed and a trailing carriage return). */
    static final class LineSplitter {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean eof;

        LineSplitter(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            java.io.ByteArrayOutputStream partial = null;
            while (true) {
                if (pos == limit) {
                    if (eof) {
                        return partial == null ? null : trim(partial.toByteArray());
                    }
                    limit = in.read(buffer);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        eof = true;
                        continue;
                    }
                }
                int nl = pos;
                while (nl < limit && buffer[nl] != '\n') {
                    nl++;
                }
                if (nl < limit) {
                    byte[] line;
                    if (partial == null) {
                        line = java.util.Arrays.copyOfRange(buffer, pos, nl);
                    } else {
                        partial.write(buffer, pos, nl - pos);
                        line = partial.toByteArray();
                    }
                    pos = nl + 1;
                    return trim(line);
                }
                if (partial == null) {
                    partial = new java.io.ByteArrayOutputStream(256);
                }
                partial.write(buffer, pos, limit - pos);
                pos = limit;
            }
        }

        private static byte[] trim(byte[] line) {
            return line.length > 0 && line[line.length - 1] == '\r' ? java.util.Arrays.copyOf(line, line.length - 1) : line;
        }
    }

    /** Splits a batch into one slice per thread; the slices come back in order. */
    private static List<Future<List<Result>>> submit(ExecutorService pool, Engine scanner, List<byte[]> batch,
                                                     LocalDate date, int threads) {
        int slice = (batch.size() + threads - 1) / threads;
        List<Future<List<Result>>> parts = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += slice) {
            List<byte[]> part = batch.subList(from, Math.min(batch.size(), from + slice));
            parts.add(pool.submit(() -> {
                List<Result> results = new ArrayList<>(part.size());
                for (byte[] l : part) {
                    results.add(process(scanner, l, date));
                }
                return results;
            }));
        }
        return parts;
    }

    private static int write(List<Future<List<Result>>> pending, long first, OutputStream out, PrintStream stderr)
            throws IOException {
        List<Result> results = new ArrayList<>();
        try {
            for (Future<List<Result>> part : pending) {
                results.addAll(part.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        int bad = 0;
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (r == null) {
                continue; // a blank line
            }
            if (r.error() != null) {
                stderr.println("第 " + (first + i) + " 行 (line " + (first + i) + "): " + r.error());
                bad++;
            } else {
                if (r.numbered()) {
                    out.write(("第 " + (first + i) + " 行").getBytes(StandardCharsets.UTF_8));
                }
                out.write(r.json());
                out.write('\n');
            }
        }
        return bad;
    }

    /** Parses one input line with a streaming parser (no tree), scans it and writes its output line as UTF-8. */
    static Result process(Engine engine, byte[] line, LocalDate date) {
        TextScanner scanner = engine.scanner();
        if (isBlank(line)) {
            return null;
        }
        String text = null;
        String category = null;
        java.math.BigDecimal price = null;
        String sellerRegion = null;
        String sellerCode = null;
        boolean hasText = false;
        JsonToken idToken = null;
        String idText = null;
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Result(null, "应为 JSON 对象 (expected an object)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "text" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            return new Result(null, "缺少字符串字段 text (field 'text' is missing or not a string)");
                        }
                        text = p.getText();
                        hasText = true;
                    }
                    case "category" -> {
                        if (t == JsonToken.VALUE_STRING) {
                            category = p.getText();
                        } else if (t != JsonToken.VALUE_NULL) {
                            return new Result(null, "字段 category 应为字符串 (field 'category' must be a string)");
                        }
                    }
                    case "price" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NULL) {
                            return new Result(null, "字段 price 应为数字（元）(field 'price' must be a number of yuan)");
                        }
                        price = t == JsonToken.VALUE_NULL ? null : p.getDecimalValue();
                    }
                    case "sellerRegion", "sellerCreditCode" -> {
                        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                            return new Result(null, "字段 " + field + " 应为字符串 (field '" + field + "' must be a string)");
                        }
                        if (field.equals("sellerRegion")) {
                            sellerRegion = p.getValueAsString();
                        } else {
                            sellerCode = p.getValueAsString();
                        }
                    }
                    case "id" -> {
                        if (t.isStructStart()) {
                            return new Result(null, "字段 id 应为字符串或数字 (field 'id' must be a string or a number)");
                        }
                        idToken = t;
                        idText = p.getText();
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return new Result(null, "一行只能有一个 JSON 对象 (one object per line)");
            }
        } catch (IOException e) {
            return new Result(null, "不是有效的 JSON (not valid JSON): " + firstLine(e.getMessage()));
        }
        if (!hasText) {
            return new Result(null, "缺少字符串字段 text (field 'text' is missing or not a string)");
        }
        if (idToken == null || idToken == JsonToken.VALUE_NULL) {
            return new Result(null, "缺少字段 id，结果无法对应到输入 (field 'id' is missing or null)");
        }
        List<Finding> findings = new ArrayList<>();
        boolean inferred = category == null || category.isBlank();
        if (inferred) {
            category = scanner.scanPage(text, date, findings::add);
        } else {
            scanner.scan(text, category, date, findings::add);
        }
        Long cents = null;
        if (price != null) {
            try {
                cents = price.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            } catch (ArithmeticException e) {
                return new Result(null, "字段 price 超出范围 (field 'price' out of range)");
            }
        }
        // the listing checks (return terms, brand and price, GI and the seller's region) on the same text
        for (ListingChecks.Finding f : engine.checks().check(new ListingChecks.Listing(category, text, null, cents,
                sellerCode, sellerRegion), date)) {
            findings.add(f.asTextFinding()); // offsets in the scanned text: it is the listing's title alone
        }
        if (engine.text()) {
            return new Result(report(engine, idText, category, inferred, text, findings)
                    .getBytes(StandardCharsets.UTF_8), null, true);
        }
        ByteArrayBuilder bytes = new ByteArrayBuilder(128 + findings.size() * 256);
        try (JsonGenerator g = FACTORY.createGenerator(bytes, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeFieldName("id");
            if (idToken == JsonToken.VALUE_STRING) {
                g.writeString(idText);
            } else {
                g.writeRawValue(idText); // a number or a boolean, as written
            }
            if (inferred) {
                g.writeStringField("inferredCategory", category);
            }
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule());
                g.writeStringField("category", f.category());
                g.writeStringField("law", f.law());
                g.writeStringField("article", f.article());
                g.writeStringField("severity", f.severity().label());
                g.writeNumberField("start", f.start());
                g.writeNumberField("end", f.end());
                g.writeStringField("matched", f.matched());
                g.writeStringField("term", f.term());
                g.writeNumberField("confidence", f.confidence());
                g.writeStringField("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(bytes.toByteArray(), null);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
    }
}
