package cn.wangjian.bench.brushing;

import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.brushing.RingEvaluation;
import java.util.List;

/**
 * wangjian's ring detector (its parameters version 1, the engine's defaults) and D-Cube on the hiding markets of
 * {@link HidingMarkets}, per kind and seed, one run each.
 * Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar cn.wangjian.bench.brushing.HidingComparison 1000000 7 11}
 */
public final class HidingComparison {

    public static void main(String[] args) {
        long cells = Long.parseLong(args[0]);
        System.out.println("| market | seed | cells | method | time (s) | tuple P / R / F1 | account P | rings isolated |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String kind : List.of("weeks", "small", "task", "mixed")) {
            for (int i = 1; i < args.length; i++) {
                long seed = Long.parseLong(args[i]);
                var market = HidingMarkets.generate(kind, cells, seed);
                for (String method : List.of("wangjian", "d-cube")) {
                    System.gc();
                    long t0 = System.nanoTime();
                    List<RingDetector.Block> found = method.equals("wangjian")
                            ? new RingDetector(market.tensor(), RingDetector.Config.defaults()).detect()
                            : new DCube(market.tensor()).detect(market.rings());
                    double s = (System.nanoTime() - t0) / 1e9;
                    RingEvaluation e = RingEvaluation.of(market.tensor(), market.ringOfCell(), market.rings(), found);
                    System.out.printf("| %s | %d | %,d | %s | %.2f | %.3f / %.3f / %.3f | %.3f | %d / %d |%n", kind, seed,
                            market.tensor().size(), method, s, e.tuplePrecision(), e.tupleRecall(), e.tupleF1(),
                            e.accountPrecision(), e.cleanRings(), e.rings());
                }
            }
        }
    }
}
