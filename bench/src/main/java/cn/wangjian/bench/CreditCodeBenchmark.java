package cn.wangjian.bench;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation of unified social credit codes, as registry imports do it for every row: half of the inputs are
 * valid, half have one character changed. Run: {@code java -jar bench/target/benchmarks.jar CreditCode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CreditCodeBenchmark {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private String[] codes;
    private int next;

    @Setup
    public void codes() {
        SplittableRandom random = new SplittableRandom(20170501);
        codes = new String[4096];
        for (int i = 0; i < codes.length; i++) {
            StringBuilder body = new StringBuilder("91");
            for (int d = 0; d < 6; d++) {
                body.append((char) ('0' + random.nextInt(10)));
            }
            for (int d = 0; d < 9; d++) {
                body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String code = body.toString() + UnifiedSocialCreditCode.checkCharacter(body);
            if (i % 2 == 1) {
                int p = 8 + random.nextInt(10);
                char c = code.charAt(p);
                char other = ALPHABET.charAt((ALPHABET.indexOf(c) + 1 + random.nextInt(30)) % 31);
                code = code.substring(0, p) + other + code.substring(p + 1);
            }
            codes[i] = code;
        }
    }

    @Benchmark
    public boolean validate() {
        String code = codes[next++ & (codes.length - 1)];
        return UnifiedSocialCreditCode.isValid(code);
    }
}
