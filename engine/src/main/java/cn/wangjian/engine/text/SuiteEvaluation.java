package cn.wangjian.engine.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Measures a scanner against a suite in JSON Lines: {@code {"id","text","category","expect"}} where
 * {@code expect} lists finding categories (labelled suites; empty for texts that must stay clean) or
 * {@code {"rule","matched"}} objects (evasion suites: the rule must report a finding over the matched text, at
 * any severity, since homophones and look-alikes are reported as hints). A case with a {@code family} (the real
 * cases' suite, {@code engine/suites/real}) counts per family: a violation is caught when a finding above hint has
 * one of its {@code accept} categories (any category when {@code accept} is empty); a case of family
 * {@code lawful} counts as flagged when any finding is above hint.
 */
public final class SuiteEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case of a suite. */
    public record Case(String id, String text, String category, List<String> categories, List<Expected> expected,
                       String evasion, Family family) {
    }

    /** The family of a real case and the finding categories that count as catching it (empty: any). */
    public record Family(String name, List<String> accept) {
        public boolean lawful() {
            return "lawful".equals(name);
        }
    }

    public record Expected(String rule, String matched) {
    }

    /** Counts for one finding category. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    /** The outcome: scores by category, evasion cases caught by kind, and every case that went wrong. */
    public record Report(int cases, Map<String, Score> byCategory, Map<String, int[]> evasionsByKind,
                         int textsWithFindingsAboveHint, Map<String, int[]> byFamily, List<String> failures,
                         Map<String, int[]> inferredByLabel) {

        public Score overall() {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Score s : byCategory.values()) {
                tp += s.truePositives();
                fp += s.falsePositives();
                fn += s.falseNegatives();
            }
            return new Score(tp, fp, fn);
        }

        public int evasionsCaught() {
            return evasionsByKind.values().stream().mapToInt(v -> v[0]).sum();
        }

        public int evasionCases() {
            return evasionsByKind.values().stream().mapToInt(v -> v[1]).sum();
        }

        /** A table for people: precision and recall per category, evasions per kind. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("cases: %d, texts with a finding above hint: %d%n", cases, textsWithFindingsAboveHint));
            if (!byCategory.isEmpty()) {
                sb.append(String.format("%-22s %5s %5s %5s %9s %7s%n", "category", "tp", "fp", "fn", "precision", "recall"));
                byCategory.forEach((c, s) -> sb.append(String.format("%-22s %5d %5d %5d %9.3f %7.3f%n", c,
                        s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall())));
                Score o = overall();
                sb.append(String.format("%-22s %5d %5d %5d %9.3f %7.3f%n", "(all)", o.truePositives(),
                        o.falsePositives(), o.falseNegatives(), o.precision(), o.recall()));
            }
            if (!evasionsByKind.isEmpty()) {
                sb.append(String.format("%-16s %6s %6s%n", "evasion", "caught", "cases"));
                evasionsByKind.forEach((k, v) -> sb.append(String.format("%-16s %6d %6d%n", k, v[0], v[1])));
                sb.append(String.format("%-16s %6d %6d (%.1f%%)%n", "(all)", evasionsCaught(), evasionCases(),
                        100.0 * evasionsCaught() / Math.max(1, evasionCases())));
            }
            if (!byFamily.isEmpty()) {
                sb.append(String.format("%-24s %6s %6s %7s%n", "family", "caught", "cases", "recall"));
                int caught = 0;
                int total = 0;
                for (Map.Entry<String, int[]> e : byFamily.entrySet()) {
                    if (e.getKey().equals("lawful")) {
                        continue;
                    }
                    caught += e.getValue()[0];
                    total += e.getValue()[1];
                    sb.append(String.format("%-24s %6d %6d %7.3f%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                            (double) e.getValue()[0] / Math.max(1, e.getValue()[1])));
                }
                sb.append(String.format("%-24s %6d %6d %7.3f%n", "(violations)", caught, total,
                        (double) caught / Math.max(1, total)));
                int[] lawful = byFamily.get("lawful");
                if (lawful != null) {
                    sb.append(String.format("%-24s %6d %6d %6.1f%% flagged above hint%n", "lawful", lawful[0],
                            lawful[1], 100.0 * lawful[0] / Math.max(1, lawful[1])));
                }
            }
            if (!inferredByLabel.isEmpty()) {
                sb.append(String.format("%-24s %6s %6s  (product category inferred from the text, not given)%n",
                        "labelled category", "agreed", "cases"));
                inferredByLabel.forEach((k, v) -> sb.append(String.format("%-24s %6d %6d%n", k, v[0], v[1])));
            }
            failures.forEach(f -> sb.append("  ").append(f).append(System.lineSeparator()));
            return sb.toString();
        }
    }

    private SuiteEvaluation() {
    }

    public static List<Case> read(Path suite) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(suite, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IOException(suite + " line " + number + ": not valid JSON: " + e.getMessage());
                }
                List<String> categories = new ArrayList<>();
                List<Expected> expected = new ArrayList<>();
                for (JsonNode e : n.path("expect")) {
                    if (e.isTextual()) {
                        categories.add(e.asText());
                    } else {
                        expected.add(new Expected(e.path("rule").asText(), e.path("matched").isNull() ? null
                                : e.path("matched").asText(null)));
                    }
                }
                Family family = null;
                if (n.hasNonNull("family")) {
                    List<String> accept = new ArrayList<>();
                    n.path("accept").forEach(a -> accept.add(a.asText()));
                    family = new Family(n.path("family").asText(), List.copyOf(accept));
                }
                cases.add(new Case(n.path("id").asText("line " + number), n.path("text").asText(),
                        n.path("category").isNull() ? null : n.path("category").asText(null), categories, expected,
                        n.path("evasion").asText(null), family));
            }
        }
        return cases;
    }

    public static Report evaluate(TextScanner scanner, List<Case> cases, LocalDate conduct) {
        return evaluate(scanner, cases, conduct, false);
    }

    /**
     * With {@code inferCategory} the labelled product category is withheld and inferred from the text
     * ({@link TextScanner#scanPage}), as for a crawled page; the report then says how often the inference agreed.
     */
    public static Report evaluate(TextScanner scanner, List<Case> cases, LocalDate conduct, boolean inferCategory) {
        return evaluate(scanner, cases, conduct, inferCategory, (text, category) -> List.of());
    }

    /**
     * With {@code more}: the findings of other checks of the engine on the same text and product category (the
     * listing checks), counted with the scanner's.
     */
    public static Report evaluate(TextScanner scanner, List<Case> cases, LocalDate conduct, boolean inferCategory,
                                  java.util.function.BiFunction<String, String, List<Finding>> more) {
        Map<String, int[]> inferred = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
        Map<String, int[]> evasions = new TreeMap<>();
        Map<String, int[]> families = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int aboveHint = 0;
        for (Case c : cases) {
            List<Finding> findings;
            if (inferCategory) {
                List<Finding> out = new ArrayList<>();
                String got = scanner.scanPage(c.text(), conduct, out::add);
                String label = c.category() == null || c.category().isBlank() ? "general" : c.category();
                int[] k = inferred.computeIfAbsent(label, x -> new int[2]);
                k[1]++;
                if (got.equals(label)) {
                    k[0]++;
                }
                findings = out;
                findings.addAll(more.apply(c.text(), got));
            } else {
                findings = new ArrayList<>(scanner.scan(c.text(), c.category(), conduct));
                findings.addAll(more.apply(c.text(), c.category()));
            }
            List<Finding> serious = findings.stream().filter(f -> f.severity() != Severity.HINT).toList();
            if (!serious.isEmpty()) {
                aboveHint++;
            }
            if (c.family() != null) {
                int[] k = families.computeIfAbsent(c.family().name(), x -> new int[2]);
                k[1]++;
                if (c.family().lawful()) {
                    if (!serious.isEmpty()) {
                        k[0]++;
                        failures.add(c.id() + " lawful text flagged: " + c.text() + " → " + brief(serious));
                    }
                } else if (serious.stream().anyMatch(f -> c.family().accept().isEmpty()
                        || c.family().accept().contains(f.category()))) {
                    k[0]++;
                } else {
                    failures.add(c.id() + " missed " + c.family().name() + " in: " + c.text() + " → " + brief(findings));
                }
                continue;
            }
            if (!c.expected().isEmpty()) {
                for (Expected e : c.expected()) {
                    boolean caught = findings.stream().anyMatch(f -> f.rule().equals(e.rule()) && overlaps(c.text(), f, e));
                    int[] k = evasions.computeIfAbsent(c.evasion() == null ? "-" : c.evasion(), x -> new int[2]);
                    k[1]++;
                    if (caught) {
                        k[0]++;
                    } else {
                        failures.add(c.id() + " missed " + e.rule() + " in: " + c.text() + " → " + brief(findings));
                    }
                }
                continue;
            }
            Set<String> found = serious.stream().map(Finding::category).collect(Collectors.toSet());
            Set<String> want = Set.copyOf(c.categories());
            for (String w : want) {
                int[] k = counts.computeIfAbsent(w, x -> new int[3]);
                if (found.contains(w)) {
                    k[0]++;
                } else {
                    k[2]++;
                    failures.add(c.id() + " missed " + w + " in: " + c.text() + " → " + brief(findings));
                }
            }
            for (String f : found) {
                if (!want.contains(f)) {
                    counts.computeIfAbsent(f, x -> new int[3])[1]++;
                    failures.add(c.id() + " wrongly found " + f + " in: " + c.text() + " → " + brief(findings));
                }
            }
        }
        Map<String, Score> scores = new TreeMap<>();
        counts.forEach((k, v) -> scores.put(k, new Score(v[0], v[1], v[2])));
        return new Report(cases.size(), scores, evasions, aboveHint, families, failures, inferred);
    }

    private static boolean overlaps(String text, Finding f, Expected e) {
        if (e.matched() == null) {
            return true;
        }
        int at = text.indexOf(e.matched());
        if (at < 0) {
            return true;
        }
        return f.start() < at + e.matched().length() && f.end() > at;
    }

    private static String brief(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + "/" + f.severity().label() + "/" + f.kind() + "'" + f.matched() + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
