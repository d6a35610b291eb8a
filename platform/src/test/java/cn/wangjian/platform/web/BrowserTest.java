package cn.wangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.NewClue;
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
        browser.findElement(By.id("confirm-finding")).click();

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

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
