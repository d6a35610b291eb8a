package cn.wangjian.engine.cli;

import cn.wangjian.engine.text.Finding;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.SuiteEvaluation;
import cn.wangjian.engine.text.TextScanner;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code scan}: reads JSON Lines ({@code {"id":…,"text":…,"category":…}}), writes one line of findings per good
 * input line, in input order, scanning on several threads. A malformed line is reported on standard error with its
 * line number and skipped; the exit code is then 1. {@code --evaluate SUITE} prints precision and recall instead.
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
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--input" -> input = value(args, ++i, "--input");
                    case "--output" -> output = value(args, ++i, "--output");
                    case "--rules" -> rules = value(args, ++i, "--rules");
                    case "--evaluate" -> evaluate = value(args, ++i, "--evaluate");
                    case "--date" -> date = LocalDate.parse(value(args, ++i, "--date"));
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, "--threads"));
                    case "--help", "-h" -> {
                        stdout.println("usage: scan [--input F] [--output F] [--rules DIR] [--date YYYY-MM-DD] "
                                + "[--threads N] | scan --evaluate SUITE [--rules DIR]");
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
                var report = SuiteEvaluation.evaluate(scanner, SuiteEvaluation.read(Path.of(evaluate)), date);
                stdout.print(report.describe());
                return 0;
            }
            try (BufferedReader in = input == null
                    ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16)
                    : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
                 Writer out = output == null
                         ? new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16)
                         : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
                int bad = scanAll(scanner, in, out, stderr, date, threads);
                out.flush();
                return bad == 0 ? 0 : 1;
            }
        } catch (IOException e) {
            stderr.println("错误 (error): " + e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** A line's outcome: its output line, or the reason it was rejected. */
    private record Result(String json, String error) {
    }

    static int scanAll(TextScanner scanner, BufferedReader in, Writer out, PrintStream stderr, LocalDate date,
                       int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int bad = 0;
        long lineNumber = 0;
        try {
            List<Future<List<Result>>> pending = null;
            long pendingFirst = 0;
            while (true) {
                List<String> batch = new ArrayList<>(BATCH);
                String line;
                while (batch.size() < BATCH && (line = in.readLine()) != null) {
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

    /** Splits a batch into one slice per thread; the slices come back in order. */
    private static List<Future<List<Result>>> submit(ExecutorService pool, TextScanner scanner, List<String> batch,
                                               LocalDate date, int threads) {
        int slice = (batch.size() + threads - 1) / threads;
        List<Future<List<Result>>> parts = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += slice) {
            List<String> part = batch.subList(from, Math.min(batch.size(), from + slice));
            parts.add(pool.submit(() -> {
                List<Result> results = new ArrayList<>(part.size());
                for (String l : part) {
                    results.add(process(scanner, l, date));
                }
                return results;
            }));
        }
        return parts;
    }

    private static int write(List<Future<List<Result>>> pending, long first, Writer out, PrintStream stderr)
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
                out.write(r.json());
                out.write('\n');
            }
        }
        return bad;
    }

    static Result process(TextScanner scanner, String line, LocalDate date) {
        if (line.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return new Result(null, "不是有效的 JSON (not valid JSON): " + firstLine(e.getMessage()));
        }
        if (!node.isObject()) {
            return new Result(null, "应为 JSON 对象 (expected an object)");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return new Result(null, "缺少字符串字段 text (field 'text' is missing or not a string)");
        }
        JsonNode category = node.get("category");
        if (category != null && !category.isNull() && !category.isTextual()) {
            return new Result(null, "字段 category 应为字符串 (field 'category' must be a string)");
        }
        List<Finding> findings = scanner.scan(text.asText(), category == null || category.isNull() ? null
                : category.asText(), date);
        StringWriter sw = new StringWriter(64 + findings.size() * 256);
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            g.writeStartObject();
            JsonNode id = node.get("id");
            g.writeFieldName("id");
            if (id == null) {
                g.writeNull();
            } else {
                JSON.writeTree(g, id);
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
        return new Result(sw.toString(), null);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
    }
}
