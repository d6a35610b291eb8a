package cn.wangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end in Debian's headless Chromium and chromedriver (installed by ./wangjian test; nothing is
 * downloaded at run time): log in, see the dashboard, reach for a record of another district, log out.
 */
class BrowserTest extends PlatformTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    ClueRegister clues;
    @Autowired
    cn.wangjian.platform.monitoring.MonitoringTasks monitoringTasks;
    @Autowired
    cn.wangjian.platform.monitoring.MonitoringRunner monitoringRunner;
    @Autowired
    cn.wangjian.platform.casework.DemoCases demoCases;
    @Autowired
    cn.wangjian.platform.monitoring.Findings findings;
    @Autowired
    cn.wangjian.platform.notice.PlatformNotices notices;
    @Autowired
    cn.wangjian.platform.campaign.CampaignStatistics statistics;
    @Autowired
    cn.wangjian.platform.campaign.Campaigns campaigns;
    @Autowired
    cn.wangjian.platform.calendar.WorkingDays workingDays;

    WebDriver browser;
    WebDriverWait wait;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian chromium (./wangjian test installs it)").exists();
        assertThat(CHROMEDRIVER).as("Debian chromium-driver (./wangjian test installs it)").exists();
        profile = Files.createTempDirectory("wangjian-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_officer_logs_in_sees_the_dashboard_is_refused_another_districts_record_and_logs_out() throws Exception {
        testUser("e2e.dc", "SAMR", "110101", Role.CASE_OFFICER);
        testUser("e2e.xc", "SAMR", "110102", Role.CASE_OFFICER);
        long foreign = clues.register(new NewClue("西城区不可见线索", ClueSource.REPORT, "某公司", null, "内容"),
                accounts.loadUserByUsername("e2e.xc")).id();

        browser.get(baseUrl() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("e2e.dc");
        browser.findElement(By.id("password")).sendKeys("wrong password");
        browser.findElement(By.id("login-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText())
                .contains("用户名或密码错误");

        browser.findElement(By.id("username")).sendKeys("e2e.dc");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-title")));
        assertThat(browser.findElement(By.id("page-title")).getText()).isEqualTo("工作台");
        assertThat(browser.findElement(By.id("current-user")).getText()).contains("e2e.dc");
        assertThat(browser.getPageSource()).contains("东城区");
        wait.until(ExpectedConditions.attributeToBe(By.id("clue-chart"), "data-rendered", "true"));
        screenshot("dashboard");

        browser.get(baseUrl() + "/clues/" + foreign);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-title"))).getText())
                .contains("404", "页面不存在");
        assertThat(browser.getPageSource()).doesNotContain("西城区不可见线索");
        screenshot("forbidden-record");

        browser.get(baseUrl() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.getPageSource()).contains("您已安全退出");
        browser.get(baseUrl() + "/clues");
        wait.until(ExpectedConditions.urlContains("/login"));
        screenshot("logged-out");
    }

    @Test
    void a_monitoring_officer_runs_the_daily_task_and_confirms_a_finding_into_a_clue_with_its_evidence() throws Exception {
        testUser("e2e.mon", "SAMR", "110000", Role.MONITORING_OFFICER);
        browser.get(baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys("e2e.mon");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-title")));

        browser.get(baseUrl() + "/monitoring");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(
                cn.wangjian.platform.monitoring.MonitoringTestAccess.demoTaskName()))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("run-now"))).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(
                ExpectedConditions.textToBe(By.id("run-state"), "已完成"));
        assertThat(Long.parseLong(browser.findElement(By.id("run-findings")).getText())).isGreaterThan(1000);
        screenshot("monitoring-run");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("to-findings"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("finding-table")));
        screenshot("monitoring-findings");
        browser.findElement(By.cssSelector("#finding-table tr[data-rule='AD-17-DISEASE'] a.finding-link")).click();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("finding-text")));
        String matched = text.findElement(By.tagName("mark")).getText();
        assertThat(matched).isNotBlank();
        String sha = browser.findElement(By.cssSelector("#finding-evidence code")).getText();
        assertThat(sha).matches("[0-9a-f]{64}");
        click(browser.findElement(By.id("confirm-finding")));

        wait.until(ExpectedConditions.urlMatches(".*/clues/\\d+$"));
        WebElement evidenceLink = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#clue-evidence a")));
        assertThat(browser.getPageSource()).contains("AD-17-DISEASE", sha);
        screenshot("monitoring-clue");
        evidenceLink.click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("content-sha"))).getText())
                .isEqualTo(sha);
        screenshot("monitoring-evidence");
    }

    @Autowired
    cn.wangjian.platform.trade.DemoTrade demoTrade;
    @Autowired
    cn.wangjian.platform.registry.Registry registry;

    @Test
    void reported_orders_are_analysed_for_brushing_and_a_ring_is_confirmed_into_a_clue_and_opened_as_a_case()
            throws Exception {
        // the demo market's first platform reports its orders, parcels and reviews through the API, as its system
        // does (the demo's generator planted the rings: this shows the plumbing, not detection quality)
        java.util.List<cn.wangjian.platform.trade.DemoTrade.Report> reports = demoTrade.reports();
        String platform = reports.get(0).platform();
        String platformName = registry.platformName(platform).orElseThrow();
        if (accounts.find("e2e.demo.compliance").isEmpty()) {
            accounts.create(new cn.wangjian.platform.identity.NewAccount("e2e.demo.compliance", platformName + "合规",
                    PASSWORD, null, new cn.wangjian.platform.identity.RegionCode("110000"), platformName,
                    java.util.Set.of(Role.PLATFORM_COMPLIANCE)), "test");
        }
        org.springframework.boot.test.web.client.TestRestTemplate reporter = withToken("e2e.demo.compliance");
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
        long orders = 0;
        for (var r : reports) {
            if (!r.platform().equals(platform)) {
                continue;
            }
            var answer = reporter.postForEntity("/api/platform-reports/" + r.kind().name().toLowerCase(
                    java.util.Locale.ROOT) + "?mode=partial", new org.springframework.http.HttpEntity<>(r.csv(), headers),
                    String.class);
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
            if (r.kind() == cn.wangjian.platform.trade.TradeKind.ORDERS) {
                orders = r.csv().lines().count() - 1;
            }
        }
        testUser("e2e.brush", "SAMR", "110000", Role.MONITORING_OFFICER);
        testUser("e2e.brushcase", "SAMR", "110000", Role.CASE_OFFICER);

        // the monitoring officer runs the brushing task over the demo's month
        login("e2e.brush");
        browser.get(baseUrl() + "/brushing");
        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("platform")))).selectByValue(platform);
        fill("run-form", "from", "2026-11-01");
        fill("run-form", "to", "2026-11-30");
        click(browser.findElement(By.id("run-brushing")));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-message"))).getText())
                .contains("已分析 " + orders + " 笔订单");
        WebElement row = browser.findElements(By.cssSelector("#rings tbody tr")).stream()
                .filter(r -> r.getText().contains("待研判")).findFirst().orElseThrow();
        click(row.findElement(By.cssSelector("a.ring-link")));
        // the ring: its graph drawn by ECharts, its days, its explanation and extract
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ring-graph canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ring-days canvas")));
        assertThat(browser.findElement(By.id("ring-explanation")).getText()).isNotBlank();
        String sha = browser.findElement(By.id("extract-sha")).getText();
        assertThat(sha).matches("[0-9a-f]{64}");
        screenshot("brushing-ring");
        click(browser.findElement(By.id("confirm-ring")));
        wait.until(ExpectedConditions.textToBe(By.id("ring-state"), "已确认，生成线索"));
        click(browser.findElement(By.id("ring-clue")));
        wait.until(ExpectedConditions.urlMatches(".*/clues/\\d+$"));
        String clueUrl = browser.getCurrentUrl();
        assertThat(browser.getPageSource()).contains("疑似刷单炒信", sha);
        screenshot("brushing-clue");

        // the case officer opens a case from the clue
        login("e2e.brushcase");
        browser.get(clueUrl);
        click(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#open-case button"))));
        stageAfter("核查");
        screenshot("brushing-case");
    }

    @Test
    void the_coordinator_reads_the_statistics_writes_the_report_with_three_typical_cases_and_a_liaison_enters_counts()
            throws Exception {
        // the demo as a first start of `./wangjian serve` leaves it: its three decided cases of the 东城 bureau,
        // marked typical, and a run of its daily monitoring task; on a day with holiday data (the cases' deadlines
        // need the calendar), whatever the machine's date
        clock.runFrom(java.time.LocalDateTime.of(2026, 12, 1, 9, 0));
        java.util.List<Long> typical = demoCases.loadIfAbsent();
        assertThat(typical).hasSize(3);
        var demoTask = monitoringTasks.list(cn.wangjian.platform.identity.DataScope.everything()).stream()
                .filter(t -> t.name().equals("日常监测：全部平台商品与主体")).findFirst().orElseThrow();
        var run = monitoringRunner.runNow(demoTask, "MANUAL", "bj.monitor");
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        // every demo role has work on its landing page (issue 18)
        java.util.Map<String, String[]> work = new java.util.LinkedHashMap<>();
        work.put("bj.monitor", new String[] {"/monitoring", "日常监测：全部平台商品与主体"});
        work.put("dc.case", new String[] {"/", "全网最低价"});
        work.put("dc.head", new String[] {"/casework?mine=true", ">核查<"});                 // to approve a filing
        work.put("dc.review", new String[] {"/casework?mine=true", ">待法制审核<"});
        work.put("bj.credit", new String[] {"/publicity", ">京东市监处罚〔"});
        work.put("campaign", new String[] {"/campaign", "2017网络市场监管专项行动"});
        work.put("bj.police", new String[] {"/clues/notifications", "仿真枪"});
        for (var w : work.entrySet()) {
            assertThat(page(w.getValue()[0], accounts.loadUserByUsername(w.getKey()))).as(w.getKey())
                    .contains(w.getValue()[1]);
        }
        testUser("e2e.coord", "SAMR", "110000", Role.CAMPAIGN_COORDINATOR);
        testUser("e2e.camp.cac", "CAC", "110000", Role.AGENCY_LIAISON);
        String today = clock.today().toString();
        String since = clock.today().minusDays(90).toString();

        // the coordinator opens the 2017 campaign and its statistics for Beijing over the last ninety days
        login("e2e.coord");
        browser.get(baseUrl() + "/campaign");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("2017网络市场监管专项行动"))));
        String campaignUrl = browser.getCurrentUrl();
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("statistics-link"))));
        fill("period-form", "from", since);
        fill("period-form", "to", today);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#period-form [name='region']")))
                .selectByValue("110000");                                              // 北京市, chosen by name
        WebElement before = browser.findElement(By.id("statistics"));
        click(browser.findElement(By.cssSelector("#period-form button[type='submit']")));
        wait.until(ExpectedConditions.stalenessOf(before));
        WebElement fines = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#statistics tr[data-indicator='FINES_CONFISCATIONS'] a.cell-link")));
        java.math.BigDecimal shown = new java.math.BigDecimal(fines.getText());
        // the demo's fines and confiscations: 50,000 + 23,000, 200,000 and 30,000 yuan
        assertThat(shown).isGreaterThanOrEqualTo(new java.math.BigDecimal("30.3"));
        long checked = Long.parseLong(browser.findElement(By.cssSelector(
                "#statistics tr[data-indicator='ONLINE_CHECKS'] a.cell-link")).getText());
        assertThat(checked).isGreaterThanOrEqualTo(run.listingsScanned() + run.subjectsChecked());
        assertThat(browser.findElement(By.cssSelector("#statistics tr[data-indicator='CASES_FILED'] a.cell-link"))
                .getText()).isNotEqualTo("0");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-region canvas")));
        screenshot("campaign-statistics");
        // the XLSX the page links to carries the same figure
        byte[] xlsx = fetch(browser.findElement(By.id("xlsx-link")).getAttribute("href"));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            double inSheet = java.util.stream.StreamSupport.stream(wb.getSheetAt(0).spliterator(), false)
                    .filter(r -> r.getRowNum() >= 3 && r.getCell(1).getStringCellValue().equals("罚没款总额"))
                    .findFirst().orElseThrow().getCell(3).getNumericCellValue();
            assertThat(inSheet).isEqualTo(shown.doubleValue());
        }

        // the summary report: four sections, three typical cases, a photo; submitted; its PDF carries the decisions
        browser.get(campaignUrl.replaceAll("/?$", "") + "/report");
        for (String[] section : new String[][] {{"experience", "依托平台数据报送开展以网管网"},
                {"results", "查处网络违法案件三件"}, {"problems", "跨平台线索协查仍需加强"}, {"next_steps", "推进常态化监测"}}) {
            WebElement area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(section[0])));
            area.clear();
            area.sendKeys(section[1]);
        }
        fill("report-form", "from", since);
        fill("report-form", "to", today);
        for (long id : typical) {
            click(browser.findElement(By.id("case-" + id)));
        }
        assertThat(submitted(browser.findElement(By.id("save-report")))).contains("已保存");
        Path photo = Files.createTempFile("joint-enforcement-", ".png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(60, 40, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", photo.toFile());
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("caption")).sendKeys("市场监管、网信联合约谈平台");
        assertThat(submitted(browser.findElement(By.id("attach-media")))).contains("已附照片");
        assertThat(submitted(browser.findElement(By.id("submit-report")))).contains("已上报");
        screenshot("campaign-report");
        // the PDF as a reader sees it: every page rendered to a PNG with ink on it and its fonts embedded; the
        // report's own text in Chinese, and each typical case's fixed decision appended
        byte[] reportPdf = fetch(browser.findElement(By.id("report-pdf")).getAttribute("href"));
        java.util.List<cn.wangjian.platform.PdfPages.Page> pages = cn.wangjian.platform.PdfPages.render(reportPdf, 72);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("campaign-report-page-1.png"), pages.get(0).png());
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.ink()).as("page %d has something drawn", page.number()).isGreaterThan(0.001);
            assertThat(page.fontsEmbedded()).as("page %d fonts %s embedded", page.number(), page.fonts()).isTrue();
        });
        String pdf = pages.stream().map(cn.wangjian.platform.PdfPages.Page::text)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(pages.get(0).text()).contains("工作总结");
        assertThat(pdf).contains("目录", "依托平台数据报送开展以网管网", "罚没款总额", "图：市场监管、网信联合约谈平台");
        for (long id : typical) {
            String decisionNo = cases.decided(id, cn.wangjian.platform.identity.DataScope.everything())
                    .orElseThrow().decisionNo();
            int page = pages.stream().skip(1)
                    .filter(x -> x.text().contains("行政处罚决定书") && x.text().contains(decisionNo))
                    .findFirst().orElseThrow(() -> new AssertionError("no page of decision " + decisionNo)).number();
            // the contents give the page it starts on
            assertThat(pages.get(0).text()).containsPattern(java.util.regex.Pattern.quote(decisionNo) + "\\s*" + page
                    + "\\s");
        }

        // a partner agency's liaison enters its own count; it appears in its row
        login("e2e.camp.cac");
        String statistics = campaignUrl.replaceAll("/?$", "") + "/statistics?from=" + since + "&to=" + today
                + "&region=110000";
        browser.get(statistics);
        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("indicator")))).selectByValue("CAC_INFO_CLEARED");
        fill("entry-form", "day", today);
        browser.findElement(By.id("quantity")).sendKeys("88");
        browser.findElement(By.id("note")).sendKeys("清理平台违法违规信息 88 条");
        assertThat(submitted(browser.findElement(By.id("enter-count")))).contains("已填报");
        browser.get(statistics);
        assertThat(new java.math.BigDecimal(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#statistics tr[data-indicator='CAC_INFO_CLEARED'] a.cell-link"))).getText()))
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("88"));
    }

    @Test
    void a_takedown_notice_from_a_confirmed_finding_is_confirmed_by_the_platform_proven_by_its_removal_and_counted()
            throws Exception {
        // the demo platform reports a listing that breaks the advertising law's ban on superlatives
        if (accounts.find("e2e.notice.platform").isEmpty()) {
            accounts.create(new cn.wangjian.platform.identity.NewAccount("e2e.notice.platform", "示例电商平台合规",
                    PASSWORD, null, new cn.wangjian.platform.identity.RegionCode("110000"), "demo-mall",
                    java.util.Set.of(Role.PLATFORM_COMPLIANCE)), "test");
        }
        String shop = registry.searchShops("", 200).stream().filter(x -> x.platformCode().equals("demo-mall"))
                .findFirst().orElseThrow().shopId();
        org.springframework.http.HttpHeaders ndjson = new org.springframework.http.HttpHeaders();
        ndjson.setContentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"));
        var reported = withToken("e2e.notice.platform").postForEntity("/api/platform-reports/listings?name=e2e.jsonl",
                new org.springframework.http.HttpEntity<>(("{\"listing_id\":\"E2E-NOTICE-1\",\"shop_id\":\"" + shop
                        + "\",\"category\":\"agrochemical\",\"title\":\"全网最佳防寒服 国家级品质\",\"original_price\":299}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), ndjson), String.class);
        assertThat(reported.getStatusCode().value()).as(reported.getBody()).isEqualTo(200);
        var task = monitoringTasks.create(new cn.wangjian.platform.monitoring.TaskForm("通知平台演练",
                cn.wangjian.platform.monitoring.TaskKind.SPECIAL, "绝对化用语", java.util.List.of("demo-mall"),
                java.util.List.of("agrochemical"), "", java.util.List.of(cn.wangjian.platform.monitoring.RuleSet.TEXT),
                java.util.List.of(), "", "", 2.0, 10), "test", "SAMR", "110000");
        monitoringRunner.runNow(task, "MANUAL", "test");
        long finding = findings.queue(cn.wangjian.platform.identity.DataScope.everything(),
                        new cn.wangjian.platform.monitoring.FindingFilter(task.id(), null, null, null, null, null, null,
                                null, null), 5000, 0).stream()
                .filter(f -> f.taskId() == task.id() && "E2E-NOTICE-1".equals(f.listingId())).findFirst()
                .orElseThrow().id();
        testUser("e2e.notice.officer", "SAMR", "110000", Role.MONITORING_OFFICER);

        // the officer confirms the finding (evidence fixed, clue registered) and sends the platform a takedown
        login("e2e.notice.officer");
        browser.get(baseUrl() + "/monitoring/findings/" + finding);
        WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-finding")));
        click(confirm);
        // the confirmation's POST must finish before the page is opened again (a new navigation would cancel it)
        wait.until(ExpectedConditions.stalenessOf(confirm));
        browser.get(baseUrl() + "/monitoring/findings/" + finding);
        WebElement hours = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-hours")));
        hours.clear();
        hours.sendKeys("48");
        assertThat(submitted(browser.findElement(By.id("send-notice")))).contains("已向平台发送通知");
        String noticeUrl = browser.getCurrentUrl();
        long notice = Long.parseLong(noticeUrl.substring(noticeUrl.lastIndexOf('/') + 1));
        assertThat(browser.findElement(By.id("notice-state")).getText()).isEqualTo("待平台处置");

        // the platform removes the listing through its reporting API, then answers the notice in its portal
        org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        assertThat(withToken("e2e.notice.platform").postForEntity("/api/platform-reports/listings/removals",
                new org.springframework.http.HttpEntity<>("{\"listings\":[\"E2E-NOTICE-1\"],\"note\":\"依通知下架\"}",
                        json), String.class).getStatusCode().value()).isEqualTo(200);
        login("e2e.notice.platform");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("platform-notices-link"))));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText(
                notices.find(notice, cn.wangjian.platform.identity.DataScope.everything()).orElseThrow().noticeNo()))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-taken"))).sendKeys("已下架该商品并警示商家");
        assertThat(submitted(browser.findElement(By.id("confirm-notice")))).contains("已核实处置");
        assertThat(browser.findElement(By.id("notice-verification")).getText()).contains("均已下架", "号证据");
        screenshot("notice-platform-confirmed");

        // the officer sees the removal proven by a new fixed capture, and the takedown counted for the campaign
        login("e2e.notice.officer");
        browser.get(noticeUrl);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-state"))).getText())
                .isEqualTo("已核实处置");
        click(browser.findElement(By.id("notice-evidence")));
        wait.until(ExpectedConditions.urlContains("/evidence/"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("平台报送数据");
        String today = clock.today().toString();
        var counted = withToken("e2e.notice.officer").getForEntity("/api/campaign/" + campaigns.list().get(0).id()
                + "/statistics?from=" + today + "&to=" + today + "&region=110000", String.class);
        assertThat(counted.getStatusCode().value()).isEqualTo(200);
        assertThat(statistics.acts("TAKEDOWNS", null, clock.today(), clock.today(),
                new cn.wangjian.platform.identity.RegionCode("110000")))
                .extracting(cn.wangjian.platform.campaign.CampaignStatistics.Act::sourceId)
                .contains(Long.toString(notice));
    }

    @Test
    void a_complaint_on_the_public_form_gets_a_number_reaches_the_bureau_with_its_deadline_and_its_state_is_seen()
            throws Exception {
        // the public, with no account, on a phone-sized window: choose the province, then the county, and file
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
        try {
            browser.get(baseUrl() + "/public");
            click(wait.until(ExpectedConditions.elementToBeClickable(By.id("link-complaints"))));
            new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("province")))).selectByValue("110000");
            click(browser.findElement(By.id("choose-province")));
            new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("region")))).selectByValue("110101");
            browser.findElement(By.name("name")).sendKeys("李四");
            browser.findElement(By.name("phone")).sendKeys("13900000000");
            browser.findElement(By.name("address")).sendKeys("北京市东城区某街道1号");
            browser.findElement(By.id("respondent")).sendKeys("北京某数码网店");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("platformCode"))).selectByValue("demo-mall");
            browser.findElement(By.id("request")).sendKeys("退货退款");
            browser.findElement(By.id("facts")).sendKeys("2026年11月购买的充电宝标称容量与实测不符<script>alert(1)</script>");
            Path photo = Files.createTempFile("complaint-", ".png");
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 30,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
            browser.findElement(By.id("files")).sendKeys(photo.toAbsolutePath().toString());
            click(browser.findElement(By.id("file-complaint")));
            String number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-no"))).getText();
            String code = browser.findElement(By.id("access-code")).getText();
            String respondBy = browser.findElement(By.id("respond-by")).getText();
            assertThat(respondBy).isEqualTo(workingDays.deadline(clock.today(), 7).date().toString());
            screenshot("public-complaint-receipt");

            // the complainant follows it with the number and the code
            browser.get(baseUrl() + "/public/complaints/status");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("number"))).sendKeys(number);
            browser.findElement(By.name("code")).sendKeys(code);
            click(browser.findElement(By.id("check-status")));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("state"))).getText())
                    .isEqualTo("已登记，待受理");

            // the 东城 bureau's case officer finds it in the clue queue with the acceptance deadline
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
            testUser("e2e.complaint.case", "SAMR", "110101", Role.CASE_OFFICER);
            login("e2e.complaint.case");
            browser.get(baseUrl() + "/clues");
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//table[@id='clue-table']//tr[td/a[contains(., '充电宝')]]")));
            assertThat(row.getText()).contains("投诉", "受理期限 " + respondBy);
            click(row.findElement(By.tagName("a")));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("pre"))).getText())
                    .contains(number, "<script>alert(1)</script>");          // shown as text, not run
            assertThat(browser.findElement(By.id("complaint-attachments")).getText()).contains("complaint-");
            screenshot("complaint-in-clue-queue");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
    }

    /** Submits a form by its button and waits for the next page (the current one gone) before reading its message. */
    private String submitted(WebElement button) {
        WebElement page = browser.findElement(By.tagName("main"));
        click(button);
        wait.until(ExpectedConditions.stalenessOf(page));
        return flash();
    }

    /** The page's message after a form: its success or its error, or the page's text when it shows neither. */
    private String flash() {
        try {
            return wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("flash-message")),
                    ExpectedConditions.visibilityOfElementLocated(By.id("flash-error")))) ? browser.findElements(
                    By.cssSelector("#flash-message, #flash-error")).get(0).getText() : "";
        } catch (org.openqa.selenium.TimeoutException e) {
            return browser.getCurrentUrl() + " " + browser.findElement(By.tagName("body")).getText();
        }
    }

    /** A download with the browser's session, as the user's own click would make it. */
    private byte[] fetch(String url) throws Exception {
        var cookie = browser.manage().getCookieNamed("SESSION");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Cookie", "SESSION=" + cookie.getValue()).GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /**
     * Issue 18: every role lands on its own worklist, the navigation offers only pages the role may open (each link
     * is followed and none answers 403), and no page shows a raw JSON body; a screenshot of each landing page.
     */
    @Test
    void each_role_lands_on_its_worklist_and_every_link_of_its_navigation_opens() throws Exception {
        java.util.Map<Role, String> landing = new java.util.LinkedHashMap<>();
        landing.put(Role.MONITORING_OFFICER, "/monitoring");
        landing.put(Role.CASE_OFFICER, "/");
        landing.put(Role.BUREAU_HEAD, "/casework");                   // cases awaiting the head's approval
        landing.put(Role.LEGAL_REVIEWER, "/casework");                // cases awaiting legal review
        landing.put(Role.CREDIT_OFFICER, "/publicity");
        landing.put(Role.CAMPAIGN_COORDINATOR, "/campaign");
        landing.put(Role.AGENCY_LIAISON, "/clues/notifications");
        landing.put(Role.PLATFORM_COMPLIANCE, "/platform");
        landing.put(Role.ADMIN, "/");
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (var e : landing.entrySet()) {
            Role role = e.getKey();
            String name = "e2e.land." + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            testUser(name, switch (role) {
                case AGENCY_LIAISON -> "MPS";
                case PLATFORM_COMPLIANCE -> null;
                default -> "SAMR";
            }, role == Role.ADMIN || role == Role.CAMPAIGN_COORDINATOR ? "000000" : "110000", role);
            login(name);
            assertThat(new java.net.URI(browser.getCurrentUrl()).getPath()).as(role.name()).isEqualTo(e.getValue());
            assertThat(browser.findElement(By.tagName("body")).getText()).as(role.name()).doesNotStartWith("{");
            screenshot("landing-" + role.name().toLowerCase(java.util.Locale.ROOT));
            java.util.List<String> links = browser.findElements(By.cssSelector("nav a[data-area]")).stream()
                    .map(a -> a.getAttribute("href")).distinct().toList();
            assertThat(links).as(role.name()).isNotEmpty();
            for (String link : links) {
                browser.get(link);
                String text = browser.findElement(By.tagName("body")).getText();
                assertThat(text).as(role.name() + " " + link).doesNotContain("403 · 无权访问").doesNotStartWith("{");
                // names, not codes, in what the browser renders (tooltips and folded raw records are not text)
                codes.addAll(RenderedText.codesIn(text).stream().map(c -> role + " " + link + ": " + c).toList());
            }
        }
        assertThat(codes).isEmpty();
    }

    private void login(String username) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-title")));
    }

    /** Fills a field by script (date inputs take their value in the browser's locale format otherwise). */
    private void fill(String formId, String name, String value) {
        WebElement field = browser.findElement(By.cssSelector("#" + formId + " [name='" + name + "']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field,
                value);
    }

    /** The decision's fields as an officer fills them: type, kinds, amounts, wording, basis. */
    private void decision() {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#step-decide select[name='violationType']")))
                .selectByValue("COUNTERFEIT_TRADEMARK");
        click(browser.findElement(By.cssSelector("#step-decide input[name='kind.FINE']")));
        click(browser.findElement(By.cssSelector("#step-decide input[name='kind.CONFISCATE_PROPERTY']")));
        fill("step-decide", "fineYuan", "50000");
        if (browser.findElement(By.cssSelector("#step-decide input[name='creditCode']")).getAttribute("value").isBlank()) {
            fill("step-decide", "creditCode", "91110101MA0E2E001"
                    + cn.wangjian.engine.registry.UnifiedSocialCreditCode.checkCharacter("91110101MA0E2E001"));
        }
        fill("step-decide", "confiscatedYuan", "12800.50");
        fill("step-decide", "penalty", "没收违法商品，罚款五万元");
        fill("step-decide", "legalBasis", "《中华人民共和国商标法》第六十条第二款");
    }

    private void submit(String formId) {
        click(browser.findElement(By.cssSelector("#" + formId + " button[type='submit']")));
    }

    /** Scrolls to an element and clicks it as a user would (no other element in front of it). */
    private void click(WebElement e) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        wait.until(ExpectedConditions.elementToBeClickable(e)).click();
    }

    private void stageAfter(String expected) {
        try {
            wait.until(ExpectedConditions.textToBe(By.id("case-stage"), expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            var error = browser.findElements(By.id("flash-error"));
            throw new AssertionError("stage is not " + expected + "; "
                    + (error.isEmpty() ? "no error shown" : error.get(0).getText()), e);
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("dates")
    void a_clue_walks_from_a_monitoring_finding_through_routing_acceptance_filing_notice_decision_and_closing()
            throws Exception {
        testUser("e2e.mon2", "SAMR", "110000", Role.MONITORING_OFFICER);
        Bureau b = bureau("e2ew", "110000");
        testUser("e2e.cac", "CAC", "110000", Role.AGENCY_LIAISON);

        // the daily task has run (reruns add nothing); the monitoring officer confirms a finding: a clue with evidence
        monitoringTasks.list(cn.wangjian.platform.identity.DataScope.everything()).stream()
                .filter(t -> t.name().equals(cn.wangjian.platform.monitoring.MonitoringTestAccess.demoTaskName()))
                .findFirst().ifPresent(t -> monitoringRunner.runNow(t, "MANUAL", "test"));
        login("e2e.mon2");
        browser.get(baseUrl() + "/monitoring/findings?status=NEW&rule=TM-57-COUNTERFEIT");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#finding-table a.finding-link"))).click();
        click(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-finding"))));
        wait.until(ExpectedConditions.urlMatches(".*/clues/\\d+$"));
        String clueUrl = browser.getCurrentUrl();
        // routing by the division of duties: counterfeits, SAMR leads, MOFCOM and MPS assist; advertising → CAC
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#notify-form select[name='category']")))
                .selectByValue("advertising");
        click(browser.findElement(By.cssSelector("#notify-form input[name='withAssisting']")));
        submit("notify-form");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clue-notifications"), "待接收"));
        screenshot("walk-routed");

        // the receiving agency's liaison accepts it
        login("e2e.cac");
        browser.get(baseUrl() + "/clues/notifications");
        click(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#incoming .accept-notification"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incoming"), "已接收"));
        browser.get(clueUrl);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clue-notifications"))).getText())
                .contains("已接收");

        // separation of duties: the case officer verifies, the head approves the filing with two certified officers,
        // the officers investigate and notify, a legal reviewer who is not one of them reviews, the head decides
        login("e2ew.c1");
        browser.get(clueUrl);
        click(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#open-case button"))));
        stageAfter("核查");
        String caseUrl = browser.getCurrentUrl();
        assertThat(browser.findElements(By.id("step-file"))).isEmpty();
        assertThat(browser.findElement(By.id("case-waiting")).getText()).contains("批准立案（本局负责人）");
        login("e2ew.head");
        browser.get(caseUrl);
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#step-file input[name='officer.e2ew.c1']"))));
        click(browser.findElement(By.cssSelector("#step-file input[name='officer.e2ew.c2']")));
        submit("step-file");
        stageAfter("调查取证");
        assertThat(browser.findElement(By.id("case-no")).getText()).matches("京市监立〔" + clock.today().getYear() + "〕\\d+号");
        login("e2ew.c1");
        browser.get(caseUrl);
        fill("step-submit", "findings", "当事人在商品标题中使用“高仿”等字样，涉嫌销售侵犯注册商标专用权的商品");
        submit("step-submit");
        stageAfter("待法制审核");
        login("e2ew.review");
        browser.get(caseUrl);
        fill("step-legal-review", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法");
        submit("step-legal-review");
        stageAfter("法制审核通过，待告知");
        login("e2ew.c1");
        browser.get(caseUrl);
        // dates from the platform's clock: filed today, notice today, the party's five working days after it
        java.time.LocalDate today = clock.today();
        java.time.LocalDate windowEnd = cn.wangjian.engine.calendar.WorkingDayCalendar.builtIn().deadline(today, 5).date();
        fill("step-notice", "on", today.toString());
        fill("step-notice", "proposedPenalty", "没收违法商品，罚款五万元");
        submit("step-notice");
        stageAfter("已告知（陈述申辩、听证期）");
        assertThat(browser.findElements(By.id("step-decide"))).isEmpty();       // an officer of the case cannot decide
        // deciding before the party's five working days have run out is refused with the date
        login("e2ew.head");
        browser.get(caseUrl);
        fill("step-decide", "on", today.toString());
        decision();
        submit("step-decide");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-error"))).getText())
                .contains(windowEnd.toString());
        // the head decides on the day after the window, on that day (no act is dated in the future)
        java.time.LocalDate decided = windowEnd.plusDays(1);
        clock.fixAt(decided.atTime(10, 0));
        login("e2ew.head");
        browser.get(caseUrl);
        fill("step-decide", "on", decided.toString());
        decision();
        submit("step-decide");
        stageAfter("已作出处罚决定");
        // the refused attempt used up no document number; the decision's number is of the year it is decided in
        assertThat(browser.findElement(By.id("case-timeline")).getText())
                .containsPattern("京市监处罚〔" + decided.getYear() + "〕\\d+号");
        String href = browser.findElement(By.id("decision-pdf")).getAttribute("href");
        Object pdf = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' '"
                + " + b.byteLength + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))));", href);
        assertThat(pdf.toString()).startsWith("application/pdf").endsWith("%PDF-");
        screenshot("walk-decided");
        login("e2ew.c1");
        browser.get(caseUrl);
        fill("step-serve", "on", decided.toString());
        submit("step-serve");
        stageAfter("已送达，执行中");
        fill("step-close", "on", decided.toString());
        fill("step-close", "outcome", "当事人已缴纳罚款，违法商品已没收");
        submit("step-close");
        stageAfter("已结案");
        assertThat(browser.findElement(By.id("case-timeline")).getText()).contains("受理线索、开始核查", "批准立案",
                "法制审核通过", "作出处罚决定", "结案", "被拒绝", "测试用户 e2ew.head");
        screenshot("walk-closed");
    }

    @Test
    void a_decided_case_is_published_on_both_clocks_across_national_day_found_publicly_redacted_and_withdrawn()
            throws Exception {
        clock.fixAt(java.time.LocalDateTime.of(2026, 9, 29, 15, 0));
        Bureau b = bureau("e2ep", "110105");
        CurrentUser officer = b.officer();
        testUser("e2e.credit", "SAMR", "110000", Role.CREDIT_OFFICER);
        String code = "91110105MA0E2EPB1" + cn.wangjian.engine.registry.UnifiedSocialCreditCode.checkCharacter("91110105MA0E2EPB1");
        long clue = clues.register(new NewClue("网店绝对化用语", ClueSource.MONITORING, "北京浏览器公示测试有限公司", code,
                "监测发现"), officer).id();
        long id = cases.open(clue, java.time.LocalDate.of(2026, 9, 1), officer).id();
        cases.step(id, "file", java.util.Map.of("on", "2026-09-02", "officers", b.officers()), b.actorOf("file"));
        cases.step(id, "submit", java.util.Map.of("findings", "网店页面使用“国家级”字样，联系人手机13900139000"), b.actorOf("submit"));
        cases.step(id, "legal-review", java.util.Map.of("on", "2026-09-14", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法"), b.reviewer());
        cases.step(id, "serve-notice", java.util.Map.of("on", "2026-09-14", "proposedPenalty", "罚款",
                "hearingRight", "false"), b.actorOf("serve-notice"));

        // the bureau's head decides in the browser: the decision's data in the form
        login("e2ep.head");
        browser.get(baseUrl() + "/casework/" + id);
        fill("step-decide", "on", "2026-09-29");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#step-decide select[name='violationType']")))
                .selectByValue("ILLEGAL_ADVERTISING");
        click(browser.findElement(By.cssSelector("#step-decide input[name='kind.FINE']")));
        fill("step-decide", "fineYuan", "30000");
        fill("step-decide", "penalty", "罚款人民币叁万元");
        fill("step-decide", "legalBasis", "《中华人民共和国广告法》第五十七条");
        submit("step-decide");
        stageAfter("已作出处罚决定");

        // the credit officer's worklist: Credit China by 14 October and gsxt by 2 November, National Day skipped
        login("e2e.credit");
        browser.get(baseUrl() + "/publicity");
        String worklist = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publication-worklist"))).getText();
        assertThat(worklist).contains("北京浏览器公示测试有限公司", "2026-10-14", "2026-11-02");
        click(browser.findElement(By.xpath("//tr[contains(., '北京浏览器公示测试有限公司') and contains(., '信用中国')]//a")));
        String facts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facts"))).getAttribute("value");
        assertThat(facts).contains("国家级").doesNotContain("13900139000");
        screenshot("publication-preview");
        click(browser.findElement(By.id("publish")));
        wait.until(ExpectedConditions.textToBe(By.id("publication-state"), "已公示"));

        // the public query, without login, shows the redacted record
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/public/credit?q=" + java.net.URLEncoder.encode("北京浏览器公示测试",
                java.nio.charset.StandardCharsets.UTF_8));
        String publicPage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".public-record"))).getText();
        assertThat(publicPage).contains("北京浏览器公示测试有限公司", "罚款人民币叁万元", "国家级").doesNotContain("13900139000");
        screenshot("public-credit");

        // revoked on reconsideration on 20 October: the head records it, the public record is gone
        clock.fixAt(java.time.LocalDateTime.of(2026, 10, 20, 10, 0));
        login("e2ep.head");
        browser.get(baseUrl() + "/casework/" + id);
        fill("step-revoke", "on", "2026-10-20");
        fill("step-revoke", "reason", "京政复〔2026〕99号行政复议决定撤销");
        submit("step-revoke");
        stageAfter("决定已撤销或变更");
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/public/credit?q=" + java.net.URLEncoder.encode("北京浏览器公示测试",
                java.nio.charset.StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-results")));
    }

    @Autowired
    cn.wangjian.platform.casework.CaseFiles cases;

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
