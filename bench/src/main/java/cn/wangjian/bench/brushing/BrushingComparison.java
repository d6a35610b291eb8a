package cn.wangjian.bench.brushing;

import cn.wangjian.engine.brushing.MarketGenerator;
import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.brushing.RingEvaluation;
import java.util.List;

/**
 * wangjian's ring detector and the D-Cube baseline on the same generated markets, one run each.
 * Run: {@code java -Xmx6g -cp bench/target/benchmarks.jar cn.wangjian.bench.brushing.BrushingComparison 1000000 10000000}
 */
public final class BrushingComparison {

    public static void main(String[] args) {
        System.out.println("| market | cells | method | time (s) | tuple P / R / F1 | account P | clean rings |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String a : args) {
            long cells = Long.parseLong(a);
            for (boolean realistic : new boolean[] {true, false}) {
                var market = MarketGenerator.generate(new MarketGenerator.Config(cells, 7, realistic, false, 5));
                for (String method : List.of("wangjian", "d-cube")) {
                    System.gc();
                    long t0 = System.nanoTime();
                    List<RingDetector.Block> found = method.equals("wangjian")
                            ? new RingDetector(market.tensor(), RingDetector.Config.defaults()).detect()
                            : new DCube(market.tensor()).detect(5);
                    double s = (System.nanoTime() - t0) / 1e9;
                    RingEvaluation e = RingEvaluation.of(market.tensor(), market.ringOfCell(), market.rings(), found);
                    System.out.printf("| %s | %,d | %s | %.2f | %.3f / %.3f / %.3f | %.3f | %d / %d |%n",
                            realistic ? "realistic" : "uniform", market.tensor().size(), method, s, e.tuplePrecision(),
                            e.tupleRecall(), e.tupleF1(), e.accountPrecision(), e.cleanRings(), e.rings());
                }
            }
        }
    }
}
