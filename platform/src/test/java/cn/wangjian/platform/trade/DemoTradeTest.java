package cn.wangjian.platform.trade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.brushing.BrushingMonitor;
import cn.wangjian.platform.identity.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo market's transactions reported as a platform reports them, then analysed: the demo's generator planted
 * its rings, so finding them shows the plumbing on first start, not detection quality.
 */
class DemoTradeTest extends PlatformTest {

    @Autowired
    DemoTrade demo;
    @Autowired
    BrushingMonitor brushing;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_demo_markets_orders_are_reported_once_and_its_planted_rings_are_found() {
        long started = System.nanoTime();
        var reports = demo.loadIfNotYet();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reports).isNotEmpty();
        String platform = reports.keySet().iterator().next();
        System.out.println("demo transactions reported in " + millis + " ms: " + reports);
        assertThat(reports.values()).allSatisfy(byKind -> assertThat(byKind.get(TradeKind.ORDERS).rejected()).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM trade_order WHERE platform_code = ?").param(platform)
                .query(Long.class).single()).isPositive();
        // a second start reports nothing again
        assertThat(demo.loadIfNotYet()).isEmpty();
        var officer = accounts.loadUserByUsername(testUser("demo.brush", "SAMR", "110000", Role.MONITORING_OFFICER));
        // the demo's orders span the 30 days to 2026-11-30
        var run = brushing.run(platform, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), officer);
        System.out.println("demo brushing run: " + run);
        assertThat(run.rings()).isPositive();
    }
}
