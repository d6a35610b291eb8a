package cn.wangjian.bench.brushing;

import cn.wangjian.engine.brushing.Order;
import cn.wangjian.engine.brushing.OrderMarket;
import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.brushing.Tensor;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector alone against D-Cube on the tensor of the scale run's orders (issue 14 part 4): the orders file of
 * {@code bench/scripts/trade-orders.py} read into the engine's orders, turned into the buyer × shop × day tensor the
 * platform's run builds, and each method timed on it (D-Cube asked for as many blocks as the script planted rings).
 * Run: {@code java -Xmx6g -cp bench/target/benchmarks.jar cn.wangjian.bench.brushing.ScaleTensorComparison
 * /tmp/trade-scale/market/orders.csv 20}
 */
public final class ScaleTensorComparison {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rings = Integer.parseInt(args[1]);
        List<Order> orders = new ArrayList<>();
        Map<String, String> same = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split(",");
                String[] amount = f[4].split("\\.");
                orders.add(new Order(f[0], same.computeIfAbsent(f[1], k -> k), same.computeIfAbsent(f[2], k -> k),
                        null, OffsetDateTime.parse(f[3]).toEpochSecond(),
                        Long.parseLong(amount[0]) * 100 + Long.parseLong(amount[1]), null, null, null));
            }
        }
        Tensor t = new OrderMarket(orders, OrderMarket.Extra.NONE).tensor();
        orders = null;
        System.out.printf("tensor: %,d cells, %,d buyers, %,d shops, %d days%n", t.size(), t.users(), t.shops(),
                t.days());
        System.out.println("| method | time (s) | blocks |");
        System.out.println("|---|---|---|");
        for (int run = 0; run < 2; run++) {
            for (String method : List.of("wangjian", "d-cube")) {
                System.gc();
                long t0 = System.nanoTime();
                List<RingDetector.Block> found = method.equals("wangjian")
                        ? new RingDetector(t, RingDetector.Config.defaults()).detect()
                        : new DCube(t).detect(rings);
                System.out.printf("| %s (run %d) | %.2f | %d |%n", method, run + 1, (System.nanoTime() - t0) / 1e9,
                        found.size());
            }
        }
    }
}
