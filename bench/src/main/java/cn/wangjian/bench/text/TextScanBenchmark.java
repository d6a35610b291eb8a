package cn.wangjian.bench.text;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One thread scanning the whole corpus (op = every listing once). MB/s = corpus UTF-8 megabytes / seconds per op;
 * {@link TextComparison} prints the corpus size. Run:
 * {@code java -jar bench/target/benchmarks.jar TextScanBenchmark -p megabytes=200}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xms2g"})
public class TextScanBenchmark {

    @Param({"wangjian", "hankcs", "toolgood", "houbb"})
    public String engine;

    @Param({"200"})
    public int megabytes;

    @Param({"50000"})
    public int patterns;

    /** {@code rare}: patterns occur only where injected; {@code words}: dictionary words, one hit in ten characters. */
    @Param({"rare", "words"})
    public String patternsKind;

    private List<String> listings;
    private Matchers.Matcher matcher;

    @Setup(Level.Trial)
    public void setUp() {
        TextCorpus corpus = TextCorpus.generate(20170501L, megabytes * 1_000_000L, patterns - 500, 3,
                patternsKind.equals("rare"));
        listings = corpus.listings;
        matcher = Matchers.build(engine, corpus.patterns);
    }

    @Benchmark
    public long scanCorpus() {
        long hits = 0;
        for (String listing : listings) {
            hits += matcher.count(listing);
        }
        return hits;
    }
}
