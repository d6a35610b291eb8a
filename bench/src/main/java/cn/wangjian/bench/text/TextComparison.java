package cn.wangjian.bench.text;

import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.SuiteEvaluation;
import cn.wangjian.engine.text.TextScanner;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Side by side on one machine in one run: build time, retained heap, single-thread throughput on the corpus
 * (median of 3 timed passes after 2 warm-up passes), and evasion / false-positive coverage on the engine's suites.
 * Run: {@code java -Xmx8g -cp bench/target/benchmarks.jar cn.wangjian.bench.text.TextComparison 200 engine/suites}
 */
public final class TextComparison {

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path suites = Path.of(args.length > 1 ? args[1] : "engine/suites");
        List<String> engines = args.length > 2 ? Arrays.asList(args[2].split(",")) : Matchers.NAMES;
        // rare | words | catalog:N (rare patterns, and a catalog term about every N bytes)
        String mode = args.length > 3 ? args[3] : "words";
        boolean rare = mode.equals("rare") || mode.startsWith("catalog");
        int catalogEvery = mode.startsWith("catalog:") ? Integer.parseInt(mode.substring(8)) : 0;

        // the first build in the JVM loads the folding, pinyin and dictionary tables: time it on its own
        long t0 = System.nanoTime();
        TextScanner.build(RuleCatalog.builtIn());
        double firstBuildMs = (System.nanoTime() - t0) / 1e6;

        long g0 = System.nanoTime();
        TextCorpus corpus = TextCorpus.generate(20170501L, megabytes * 1_000_000L, 49_500, 3, rare, catalogEvery);
        System.out.printf("corpus: %s patterns, %d listings, %.1f MB UTF-8, %d chars, %d patterns (+ catalog terms); generated in %.1f s%n",
                mode, corpus.listings.size(), corpus.utf8Bytes / 1e6, corpus.chars, corpus.patterns.size(),
                (System.nanoTime() - g0) / 1e9);
        System.out.printf("wangjian: first scanner build in a fresh JVM (loads HanLP tables): %.0f ms%n", firstBuildMs);
        var evasion = SuiteEvaluation.read(suites.resolve("evasion.jsonl"));
        var clean = SuiteEvaluation.read(suites.resolve("false-positive.jsonl"));
        System.out.println();
        System.out.println("| engine | build 50k (ms) | retained heap (MB) | MB/s (1 thread) | hits | evasions caught | clean texts flagged |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String name : engines) {
            System.gc();
            long before = usedHeap();
            long b0 = System.nanoTime();
            Matchers.Matcher m = Matchers.build(name, corpus.patterns);
            double buildMs = (System.nanoTime() - b0) / 1e6;
            System.gc();
            double heapMb = (usedHeap() - before) / 1e6;
            List<Double> times = new ArrayList<>();
            long hits = 0;
            int passes = name.equals("houbb") ? 3 : 5;
            for (int pass = 0; pass < passes; pass++) {
                long s0 = System.nanoTime();
                hits = 0;
                for (String l : corpus.listings) {
                    hits += m.count(l);
                }
                times.add((System.nanoTime() - s0) / 1e9);
            }
            List<Double> measured = new ArrayList<>(times.subList(passes == 5 ? 2 : 1, times.size()));
            measured.sort(Double::compare);
            double median = measured.get(measured.size() / 2);
            // coverage is measured with the catalog's terms only (the 50,000 patterns would match ordinary words)
            Matchers.Matcher catalogOnly = Matchers.build(name, List.of());
            int caught = 0;
            for (var c : evasion) {
                if (catalogOnly.count(c.text()) > 0) {
                    caught++;
                }
            }
            int flagged = 0;
            for (var c : clean) {
                if (catalogOnly.count(c.text()) > 0) {
                    flagged++;
                }
            }
            System.out.printf("| %s | %.0f | %.1f | %.1f | %d | %d / %d | %d / %d |%n", name, buildMs, heapMb,
                    corpus.utf8Bytes / 1e6 / median, hits, caught, evasion.size(), flagged, clean.size());
        }
        System.out.println();
        System.out.println("wangjian counts a clean text as flagged only above severity hint in its own suite test; here,");
        System.out.println("for all engines alike, any hit counts (hints included). JVM: "
                + ManagementFactory.getRuntimeMXBean().getVmName() + " " + System.getProperty("java.version"));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
