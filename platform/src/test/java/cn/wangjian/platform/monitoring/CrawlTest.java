package cn.wangjian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.evidence.RobotsTxt;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crawl of a local test site of 10,000 pages served by the test: robots.txt is honoured, the per-host rate and
 * concurrency are kept, every page is fetched and stored once, and the pages' wording is scanned.
 */
class CrawlTest extends PlatformTest {

    static final int PAGES = 10_000;
    static final double RATE = 400;

    @Autowired
    MonitoringTasks tasks;
    @Autowired
    MonitoringRunner runner;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_ten_thousand_page_site_is_crawled_politely_and_every_page_stored_once() throws Exception {
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        // the JDK server's Nagle delay would otherwise stall every keep-alive response by about 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.setExecutor(Executors.newFixedThreadPool(8));
        site.createContext("/", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            boolean counted = true;
            try {
                String path = ex.getRequestURI().getPath();
                hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                if (path.startsWith("/p/")) {
                    times.add(System.nanoTime());
                }
                String body;
                if (path.equals("/robots.txt")) {
                    body = "User-agent: *\nDisallow: /private/\n";
                } else if (path.startsWith("/p/")) {
                    int i = Integer.parseInt(path.substring(3));
                    StringBuilder b = new StringBuilder("<html><body><h1>商品页 ").append(i).append("</h1>");
                    if (i % 1000 == 7) {
                        b.append("<p>全网最佳 冬季羽绒服</p>");
                    }
                    if (i % 1000 == 9) {
                        // a health-food ad page: nobody says its category, its approval number does
                        b.append("<p>深海鱼油软胶囊 国食健字G20150123 辅助降血脂 每日两粒</p>");
                    }
                    for (int child : new int[] {2 * i + 1, 2 * i + 2}) {
                        if (child < PAGES) {
                            b.append("<a href=\"/p/").append(child).append("\">下一页</a>");
                        }
                    }
                    b.append("<a href=\"/p/").append(i).append("#top\">本页</a>")
                            .append("<a href=\"/private/").append(i).append("\">后台</a>")
                            .append("<a href=\"http://example.org/\">外站</a></body></html>");
                    body = b.toString();
                } else {
                    body = "forbidden area";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                // the request is over for the crawler once the answer leaves: count it out before sending
                inFlight.decrementAndGet();
                counted = false;
                ex.getResponseHeaders().add("Content-Type", path.endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            } finally {
                if (counted) {
                    inFlight.decrementAndGet();
                }
            }
        });
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        try {
            // the loopback test site is allowed by the administrator's setting of the test context (PlatformTest)
            MonitoringTask task = tasks.create(new TaskForm("抓取测试站", TaskKind.SPECIAL, "网页", List.of(),
                    List.of("seed"), "", List.of(RuleSet.TEXT), List.of(), "", base + "/p/0", RATE, 20_000),
                    "test", "SAMR", "310000");
            long started = System.nanoTime();
            MonitoringRunner.Run run = runner.runNow(task, "MANUAL", "test");
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(run.status()).as(run.error()).isEqualTo("SUCCEEDED");
            System.out.printf("crawl of %d pages at %.0f/s per host: %.1f s, max %d requests in flight%n", PAGES, RATE,
                    seconds, maxInFlight.get());

            assertThat(run.pagesCrawled()).isEqualTo(PAGES);
            for (int i = 0; i < PAGES; i++) {
                assertThat(hits.get("/p/" + i)).as("/p/" + i).isNotNull().hasValue(1);
            }
            assertThat(hits.get("/robots.txt")).hasValue(1);
            assertThat(hits.keySet()).noneMatch(p -> p.startsWith("/private/"));
            assertThat(jdbc.sql("SELECT count(DISTINCT url) FROM evidence_capture WHERE url LIKE ?").param(base + "/p/%")
                    .query(Long.class).single()).isEqualTo(PAGES);
            assertThat(jdbc.sql("SELECT count(*) FROM evidence_capture WHERE url LIKE ?").param(base + "/p/%")
                    .query(Long.class).single()).isEqualTo(PAGES);
            assertThat(jdbc.sql("SELECT count(*) FROM capture_attempt WHERE url LIKE ? AND reason LIKE '%robots%'")
                    .param(base + "/private/%").query(Long.class).single()).isGreaterThan(0);

            // the rate: no second of the crawl saw more than the limit, give or take 1 % (4 requests) for the window's
            // boundary, sleeps that overran while the next slot was on time, and the test server's own dispatch jitter
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            int worst = 0;
            for (int a = 0, b = 0; b < sorted.size(); b++) {
                while (sorted.get(b) - sorted.get(a) >= 1_000_000_000L) {
                    a++;
                }
                worst = Math.max(worst, b - a + 1);
            }
            System.out.printf("busiest second: %d requests (limit %.0f)%n", worst, RATE);
            assertThat(worst).isLessThanOrEqualTo((int) (RATE * 1.01));
            assertThat(seconds).isGreaterThanOrEqualTo((PAGES - 1) / RATE);
            assertThat(maxInFlight.get()).isLessThanOrEqualTo(2);

            // the wording on the pages is scanned, with the page's evidence attached
            assertThat(jdbc.sql("SELECT count(DISTINCT subject) FROM finding WHERE task_id = ? AND source = 'PAGE'"
                    + " AND rule = 'AD-9.3-ABSOLUTE' AND evidence_sha256 IS NOT NULL").param(task.id())
                    .query(Long.class).single()).isEqualTo(PAGES / 1000);
            // the health-food pages are scanned as health food: the statement the law requires is missing there only
            assertThat(jdbc.sql("SELECT DISTINCT product_category FROM finding WHERE task_id = ? AND source = 'PAGE'"
                    + " AND rule = 'AD-18-STATEMENT'").param(task.id()).query(String.class).list())
                    .containsExactly("health_food");
            assertThat(jdbc.sql("SELECT count(DISTINCT subject) FROM finding WHERE task_id = ? AND source = 'PAGE'"
                    + " AND rule = 'AD-18-STATEMENT'").param(task.id()).query(Long.class).single())
                    .isEqualTo(PAGES / 1000);
        } finally {
            site.stop(0);
        }
    }

    @Test
    void robots_rules_follow_the_longest_match_and_the_agents_own_group() {
        RobotsTxt r = RobotsTxt.parse("""
                User-agent: *
                Disallow: /private/
                Allow: /private/open
                Disallow: /*.pdf$

                User-agent: otherbot
                Disallow: /
                """, "wangjian-monitor/0.1");
        assertThat(r.allows("/p/1")).isTrue();
        assertThat(r.allows("/private/x")).isFalse();
        assertThat(r.allows("/private/open/1")).isTrue();
        assertThat(r.allows("/files/a.pdf")).isFalse();
        assertThat(r.allows("/files/a.pdf?x=1")).isTrue();
        RobotsTxt mine = RobotsTxt.parse("User-agent: *\nDisallow:\n\nUser-agent: wangjian\nDisallow: /\nCrawl-delay: 2\n",
                "wangjian-monitor/0.1");
        assertThat(mine.allows("/anything")).isFalse();
        assertThat(mine.crawlDelaySeconds()).isEqualTo(2.0);
        assertThat(RobotsTxt.parse("garbage\n\n", "x").allows("/")).isTrue();
    }
}
