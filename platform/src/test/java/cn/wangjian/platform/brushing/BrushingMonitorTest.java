package cn.wangjian.platform.brushing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.evidence.Evidence;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.registry.RegistryImporter;
import cn.wangjian.platform.trade.PlantedRingMarket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The platform's orders, reported through the API, analysed for brushing ({@link PlantedRingMarket}: two planted
 * rings in 20,000 random orders). This checks the plumbing from report to clue, not detection quality (that is
 * measured in bench/ on markets not written here).
 */
class BrushingMonitorTest extends PlatformTest {

    @Autowired
    RegistryImporter importer;
    @Autowired
    BrushingMonitor monitor;
    @Autowired
    ClueRegister clues;
    @Autowired
    Evidence evidence;

    static final String PLATFORM_USER = PlantedRingMarket.REPORTER;
    LocalDate today;

    @BeforeEach
    void platformAndShops() {
        today = LocalDate.now(clock);
        PlantedRingMarket.register(importer, accounts, PASSWORD);
    }

    static String hash(String s) {
        return PlantedRingMarket.hash(s);
    }

    private void reportMarket() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        var answer = withToken(PLATFORM_USER).postForEntity("/api/platform-reports/orders",
                new HttpEntity<>(PlantedRingMarket.orders(today), headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_planted_ring_in_reported_orders_becomes_a_finding_then_a_clue_with_its_extract_as_evidence() {
        reportMarket();
        CurrentUser officer = accounts.loadUserByUsername(testUser("brush.monitor", "SAMR", "330100",
                Role.MONITORING_OFFICER));
        BrushingMonitor.Run run = monitor.run("brush-mall", today.minusDays(60), today, officer);
        assertThat(run.orders()).isEqualTo(PlantedRingMarket.ORDERS);
        assertThat(run.rings()).isGreaterThanOrEqualTo(1);
        Ring ring = monitor.list(officer.dataScope(), true, 50).stream()
                .filter(r -> r.shops().containsAll(java.util.List.of("S198", "S199", "S200"))).findFirst().orElseThrow();
        assertThat(ring.accounts()).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(a -> assertThat(a).matches("[0-9a-f]{64}"));
        assertThat(ring.accounts()).contains(hash("ring-account-0"));
        assertThat(ring.days()).contains(today.minusDays(55));
        assertThat(ring.ratio()).isGreaterThan(10);
        assertThat(ring.explanation()).isNotBlank();
        // a rerun over the same orders adds nothing
        assertThat(monitor.run("brush-mall", today.minusDays(60), today, officer).newRings()).isZero();
        // another bureau does not see it
        CurrentUser elsewhere = accounts.loadUserByUsername(testUser("brush.other", "SAMR", "440300",
                Role.MONITORING_OFFICER));
        assertThat(monitor.find(ring.id(), elsewhere.dataScope())).isEmpty();
        // the extract: the ring's orders, hashed buyers only
        String csv = new String(monitor.extract(ring.id(), officer.dataScope()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("order_id,buyer_hash,shop_id").contains("RING-0,").doesNotContain("ring-account");
        // the pages: the list, the ring with its graph data (as an escaped attribute), the decision buttons
        String list = page("/brushing", officer);
        assertThat(list).contains("/brushing/" + ring.id(), "S198");
        String detail = page("/brushing/" + ring.id(), officer);
        assertThat(detail).contains("data-graph=\"{&quot;nodes&quot;", "确认并生成线索", ring.extractSha256(),
                "/js/ring-graph.js", "&quot;orders&quot;:[36,36,36,36,36]");
        // confirm: evidence fixed with the extract's hash, a clue registered with it attached
        BrushingMonitor.Confirmed c = monitor.confirm(ring.id(), officer);
        assertThat(c.ring().state()).isInstanceOf(RingState.Confirmed.class);
        assertThat(evidence.find(c.evidenceSeq(), officer.dataScope()).orElseThrow().contentSha256())
                .isEqualTo(ring.extractSha256());
        assertThat(c.clue().title()).startsWith("疑似刷单炒信：").contains("测试店铺200");
        assertThat(clues.evidence(c.clue().id())).anyMatch(e -> e.evidenceSeq() == c.evidenceSeq());
        assertThatThrownBy(() -> monitor.confirm(ring.id(), officer)).isInstanceOf(BrushingRefusedException.class)
                .hasMessageContaining("已处理");
        // the second ring is dismissed, with a reason
        Ring second = monitor.list(officer.dataScope(), true, 50).stream()
                .filter(r -> r.shops().contains("S100")).findFirst().orElseThrow();
        assertThatThrownBy(() -> monitor.dismiss(second.id(), " ", officer)).hasMessageContaining("字段 reason");
        Ring dismissed = monitor.dismiss(second.id(), "经核实为单位集中采购", officer);
        assertThat(dismissed.state()).isInstanceOfSatisfying(RingState.Dismissed.class,
                d -> assertThat(d.reason()).isEqualTo("经核实为单位集中采购"));
        assertThat(monitor.list(officer.dataScope(), true, 50)).noneMatch(r -> r.id() == second.id());
    }


    @Test
    void windows_and_dismissals_are_checked() {
        CurrentUser officer = accounts.loadUserByUsername(testUser("brush.monitor", "SAMR", "330100",
                Role.MONITORING_OFFICER));
        assertThatThrownBy(() -> monitor.run("brush-mall", today.minusDays(200), today, officer))
                .hasMessageContaining("一次最多分析");
        assertThatThrownBy(() -> monitor.run("brush-mall", today, today.plusDays(3), officer))
                .hasMessageContaining("晚于今天");
        assertThatThrownBy(() -> monitor.run("no-such-mall", today.minusDays(3), today, officer))
                .hasMessageContaining("没有这个平台");
        CurrentUser platformUser = accounts.loadUserByUsername(PLATFORM_USER);
        assertThatThrownBy(() -> monitor.run("brush-mall", today.minusDays(3), today, platformUser))
                .hasMessageContaining("只有监管部门用户");
        // version 2 is the latest and the engine's defaults; version 1 still reads as it was
        assertThat(monitor.parameters().version()).isEqualTo(2);
        assertThat(monitor.parameters().ring()).isEqualTo(RingDetector.Config.defaults());
        assertThat(monitor.parameters(1).ring()).isEqualTo(RingDetector.Config.version1());
    }

    @Autowired
    BrushingTasks tasks;

    @Test
    void a_standing_task_runs_again_when_the_platform_reports_new_orders_and_adds_only_new_rings() throws Exception {
        reportMarket();
        CurrentUser officer = accounts.loadUserByUsername(testUser("brush.task", "SAMR", "330300",
                Role.MONITORING_OFFICER));
        assertThatThrownBy(() -> tasks.create("brush-mall", null, 93, officer)).hasMessageContaining("字段 windowDays");
        assertThatThrownBy(() -> tasks.create("brush-mall", "不存在的类目", 30, officer))
                .hasMessageContaining("字段 category");
        assertThatThrownBy(() -> monitor.run("brush-mall", "不存在的类目", today.minusDays(30), today, officer))
                .hasMessageContaining("字段 category");
        BrushingTasks.Task task = tasks.create("brush-mall", null, 61, officer);
        assertThat(tasks.active(officer.dataScope())).extracting(BrushingTasks.Task::id).contains(task.id());
        // the platform reports a ring that began ten days ago: the task runs after the report, on its own thread
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        var answer = withToken(PLATFORM_USER).postForEntity("/api/platform-reports/orders",
                new HttpEntity<>(PlantedRingMarket.lateRing(today), headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.awaitQueued(120)).isTrue();
        BrushingTasks.Task ran = tasks.find(task.id(), officer.dataScope()).orElseThrow();
        assertThat(ran.lastRunId()).isNotNull();
        assertThat(monitor.list(officer.dataScope(), true, 50))
                .anyMatch(r -> r.shops().containsAll(java.util.List.of("S150", "S151", "S152"))
                        && r.accounts().contains(hash("late-ring-0")));
        int rings = monitor.list(officer.dataScope(), false, 200).size();
        // the same report again stores nothing new: the task does not run; a run by hand adds no ring
        withToken(PLATFORM_USER).postForEntity("/api/platform-reports/orders",
                new HttpEntity<>(PlantedRingMarket.lateRing(today), headers), String.class);
        assertThat(tasks.awaitQueued(120)).isTrue();
        assertThat(tasks.find(task.id(), officer.dataScope()).orElseThrow().lastRunId()).isEqualTo(ran.lastRunId());
        assertThat(tasks.runNow(task.id()).orElseThrow().newRings()).isZero();
        assertThat(monitor.list(officer.dataScope(), false, 200)).hasSize(rings);
        // another bureau neither sees nor stops it; its owner stops it
        CurrentUser elsewhere = accounts.loadUserByUsername(testUser("brush.task.other", "SAMR", "440300",
                Role.MONITORING_OFFICER));
        assertThat(tasks.find(task.id(), elsewhere.dataScope())).isEmpty();
        assertThatThrownBy(() -> tasks.stop(task.id(), elsewhere)).hasMessageContaining("没有这个刷单监测任务");
        tasks.stop(task.id(), officer);
        assertThat(tasks.active(officer.dataScope())).noneMatch(t -> t.id() == task.id());
        assertThat(tasks.runNow(task.id())).isEmpty();
    }
}
