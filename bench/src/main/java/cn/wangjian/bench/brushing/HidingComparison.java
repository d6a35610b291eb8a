package cn.wangjian.bench.brushing;

import cn.wangjian.engine.brushing.HidingMarkets;
import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.brushing.RingEvaluation;
import java.util.List;

/**
 * wangjian's ring detector (its parameters version 1, the engine's defaults) and D-Cube on the hiding markets of
 * {@link HidingMarkets}, per kind and seed, one run each.
 * Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar cn.wangjian.bench.brushing.HidingComparison 1000000 7 11}
 */
public final class HidingComparison {

    /** The detector's parameters: the engine's defaults, or {@code -Dring=seeds,maxRings,…,coBuying}. */
    static RingDetector.Config config() {
        String v = System.getProperty("ring");
        if (v == null) {
            return RingDetector.Config.defaults();
        }
        String[] f = v.split(",");
        return new RingDetector.Config(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                Double.parseDouble(f[7]), Integer.parseInt(f[8]), Double.parseDouble(f[9]), Integer.parseInt(f[10]),
                Boolean.parseBoolean(f[11]));
    }

    public static void main(String[] args) {
        String only = System.getProperty("kinds", "weeks,small,task,mixed");
        String methods = System.getProperty("methods", "wangjian,d-cube");
        long cells = Long.parseLong(args[0]);
        System.out.println("| market | seed | cells | method | time (s) | blocks | tuple P / R / F1 | account P | rings isolated |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String kind : List.of(only.split(","))) {
            for (int i = 1; i < args.length; i++) {
                long seed = Long.parseLong(args[i]);
                var market = HidingMarkets.generate(kind, cells, seed);
                for (String method : List.of(methods.split(","))) {
                    System.gc();
                    long t0 = System.nanoTime();
                    List<RingDetector.Block> found = method.equals("wangjian")
                            ? new RingDetector(market.tensor(), config()).detect()
                            : new DCube(market.tensor()).detect(market.rings());
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (Boolean.getBoolean("verbose")) {
                        for (RingDetector.Block b : found) {
                            int ring = 0;
                            for (int c : b.cells()) {
                                ring += market.ringOfCell()[c] >= 0 ? 1 : 0;
                            }
                            var co = b.coordination();
                            System.out.printf("  block users %d shops %d days %d mass %d e %.2f density %.0f fill %.4f"
                                            + " score %.0f pairs %d/%.1f (%.0f) window %d/%.1f (%.0f) ring %.2f%n",
                                    b.users().length, b.shops().length,
                                    b.days().length, b.mass(), b.expected(), b.density(), b.fill(), b.score(),
                                    co.pairs(), co.pairsExpected(), co.pairScore(), co.windowMass(),
                                    co.windowExpected(), RingDetector.poisson(b.mass(), co.windowExpected()),
                                    ring / (double) Math.max(1, b.cells().length));
                        }
                    }
                    RingEvaluation e = RingEvaluation.of(market.tensor(), market.ringOfCell(), market.rings(), found);
                    System.out.printf("| %s | %d | %,d | %s | %.2f | %d | %.3f / %.3f / %.3f | %.3f | %d / %d |%n", kind,
                            seed, market.tensor().size(), method, s, found.size(), e.tuplePrecision(), e.tupleRecall(), e.tupleF1(),
                            e.accountPrecision(), e.cleanRings(), e.rings());
                }
            }
        }
    }
}
