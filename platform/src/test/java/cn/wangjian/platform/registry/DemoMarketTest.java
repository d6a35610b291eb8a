package cn.wangjian.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.database.DatabaseProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The small demo market is loaded on the platform's first start (this test context's start), and the registry
 * cross-checks find exactly its planted violations.
 */
class DemoMarketTest extends PlatformTest {

    @Autowired
    DatabaseProperties properties;

    @Autowired
    CrossChecks checks;

    @Autowired
    JdbcClient jdbc;

    private Path dir() {
        return properties.dataDir().resolve("demo-market");
    }

    private List<String[]> csv(String file) throws IOException {
        return Files.readAllLines(dir().resolve(file), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",", -1)).toList();
    }

    @Test
    void the_first_start_loads_the_small_market_with_its_bad_rows_rejected() throws IOException {
        List<String[]> truth = csv("ground-truth.csv");
        Set<String> rejectedCodes = truth.stream().filter(t -> t[0].equals("IMPORT_REJECTED")).map(t -> t[2])
                .collect(Collectors.toSet());
        assertThat(rejectedCodes).isNotEmpty();
        List<String[]> enterprises = csv("enterprises.csv");
        assertThat(enterprises).hasSize(1000);
        long loaded = enterprises.stream().filter(e -> jdbc.sql("SELECT count(*) FROM enterprise WHERE credit_code = ?")
                .param(e[0]).query(Long.class).single() == 1).count();
        assertThat(loaded).isEqualTo(1000 - rejectedCodes.size());
        for (String code : rejectedCodes) {
            assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE credit_code = ?").param(code)
                    .query(Long.class).single()).isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM shop WHERE shop_id ~ '^S1[0-9]{5}$'").query(Long.class).single())
                .isEqualTo(5000);
        assertThat(jdbc.sql("SELECT count(*) FROM registry_import WHERE imported_by = 'demo-market'")
                .query(Long.class).single()).isEqualTo(6);
        // 50,000 generated listings and one per text of the real-case suite's development part
        long realCases = java.nio.file.Files.readAllLines(dataDir().resolve("demo-market").resolve("real-case-listings.csv"))
                .size() - 1;
        assertThat(realCases).isGreaterThanOrEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM listing WHERE listing_id ~ '^L1[0-9]{7}$'").query(Long.class).single())
                .isEqualTo(50_000 + realCases);
    }

    @Test
    void the_demo_platform_user_can_report_the_demo_platforms_shops() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
        if (accounts.find("demo.platform.user").isEmpty()) {
            accounts.create(new cn.wangjian.platform.identity.NewAccount("demo.platform.user", "示例平台合规", PASSWORD,
                    null, new cn.wangjian.platform.identity.RegionCode("110000"), "示例电商平台",
                    Set.of(cn.wangjian.platform.identity.Role.PLATFORM_COMPLIANCE)), "test");
        }
        var response = withToken("demo.platform.user").postForEntity("/api/platform-reports/shops",
                new org.springframework.http.HttpEntity<>("shop_id,shop_name\nP900001,示例报送店\n"
                        .getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT platform_code FROM shop WHERE shop_id = 'P900001'").query(String.class).single())
                .isEqualTo("demo-mall");
    }

    @Test
    void the_cross_checks_find_the_planted_violations_and_nothing_else() throws IOException {
        Set<String> shops = new HashSet<>();
        csv("shops.csv").forEach(s -> shops.add(s[0] + "/" + s[1]));
        Set<String> websites = new HashSet<>();
        csv("websites.csv").forEach(w -> websites.add(w[0]));
        Set<String> licences = new HashSet<>();
        csv("licences.csv").forEach(l -> licences.add(l[0] + " " + l[1]));
        Set<String> truth = new TreeSet<>();
        csv("ground-truth.csv").stream().filter(t -> Set.of("SHOP", "WEBSITE", "LICENCE").contains(t[1]))
                .forEach(t -> truth.add(t[0] + " " + t[2].replace("FOOD_BUSINESS ", "FOOD_BUSINESS_")));
        Set<String> found = new TreeSet<>();
        for (CrossChecks.Finding f : checks.run(LocalDate.of(2026, 11, 30))) {
            String subject = switch (f.subjectKind()) {
                case "SHOP" -> f.subject().split(" ")[0];
                default -> f.subject();
            };
            boolean demo = switch (f.subjectKind()) {
                case "SHOP" -> shops.contains(subject);
                case "WEBSITE" -> websites.contains(subject);
                default -> licences.contains(subject);
            };
            if (demo) {
                found.add(f.check() + " " + subject.replace("FOOD_BUSINESS ", "FOOD_BUSINESS_"));
            }
        }
        Map<String, int[]> byCheck = new TreeMap<>(); // true positives, false positives, false negatives
        for (String f : found) {
            byCheck.computeIfAbsent(f.split(" ")[0], k -> new int[3])[truth.contains(f) ? 0 : 1]++;
        }
        for (String t : truth) {
            if (!found.contains(t)) {
                byCheck.computeIfAbsent(t.split(" ")[0], k -> new int[3])[2]++;
            }
        }
        byCheck.forEach((check, c) -> System.out.printf("demo market %-30s planted %4d found %4d precision %.3f recall %.3f%n",
                check, c[0] + c[2], c[0] + c[1], c[0] / (double) Math.max(1, c[0] + c[1]),
                c[0] / (double) Math.max(1, c[0] + c[2])));
        assertThat(byCheck.keySet()).containsAll(List.of("OPERATOR_UNREGISTERED", "OPERATOR_NOT_ACTIVE",
                "LICENCE_INFO_NOT_DISPLAYED", "FOOD_WITHOUT_LICENCE", "LICENCE_NUMBER_MALFORMED",
                "NAME_RESEMBLES_OTHER_SUBJECT", "WEBSITE_FILING_MISSING", "WEBSITE_FILING_MALFORMED",
                "WEBSITE_FILING_SHARED", "WEBSITE_NAME_RESEMBLES_OTHER_SUBJECT"));
        assertThat(found).as("findings that were not planted").isSubsetOf(truth);
        assertThat(truth).as("planted violations that were not found").isSubsetOf(found);
    }
}
