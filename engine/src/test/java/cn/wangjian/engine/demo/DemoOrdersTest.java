package cn.wangjian.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.brushing.MarketFiles;
import cn.wangjian.engine.brushing.OrderMarket;
import cn.wangjian.engine.brushing.ParcelChecks;
import cn.wangjian.engine.brushing.RingDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOrdersTest {

    @TempDir
    Path tmp;

    @Test
    void the_ring_detector_finds_the_planted_rings_of_the_small_market() throws Exception {
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(tmp);
        var orders = MarketFiles.orders(Files.newBufferedReader(tmp.resolve("orders.csv")), "orders.csv");
        var parcels = MarketFiles.parcels(Files.newBufferedReader(tmp.resolve("parcels.csv")), "parcels.csv");
        assertThat(orders).hasSize(200_000);
        Set<String> truth = new HashSet<>();
        for (String line : Files.readAllLines(tmp.resolve("ground-truth.csv"), StandardCharsets.UTF_8)) {
            String[] t = line.split(",");
            if (t[0].equals("BRUSHING_RING_ACCOUNT")) {
                truth.add(t[2]);
            }
        }
        var signals = ParcelChecks.check(parcels, ParcelChecks.Config.defaults());
        var rings = new OrderMarket(orders, OrderMarket.Extra.NONE).rings(RingDetector.Config.defaults(), parcels,
                signals);
        Set<String> found = new HashSet<>();
        rings.forEach(r -> found.addAll(r.accounts()));
        long truePositives = found.stream().filter(truth::contains).count();
        double precision = truePositives / (double) Math.max(1, found.size());
        double recall = truePositives / (double) truth.size();
        System.out.printf("demo market rings %d, ring accounts planted %d found %d, precision %.3f recall %.3f%n",
                rings.size(), truth.size(), found.size(), precision, recall);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
        // the empty parcels of the ring orders are tied to the rings as evidence
        assertThat(rings).allSatisfy(r -> assertThat(r.parcels()).isNotEmpty());
        assertThat(rings.stream().mapToLong(r -> r.signals().size()).sum()).isPositive();
    }
}
