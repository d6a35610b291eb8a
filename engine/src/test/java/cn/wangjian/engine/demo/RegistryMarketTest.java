package cn.wangjian.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.engine.registry.NumberFormats;
import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryMarketTest {

    @TempDir
    Path tmp;

    private static List<String[]> rows(Path dir, String file) throws IOException {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",", -1)).toList();
    }

    @Test
    void the_same_seed_writes_the_same_bytes_and_another_seed_another_market() throws IOException {
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(tmp.resolve("a"));
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(tmp.resolve("b"));
        new RegistryMarket(RegistryMarket.Scale.SMALL, 8).write(tmp.resolve("c"));
        for (String f : List.of("enterprises.csv", "shops.csv", "websites.csv", "licences.csv", "ground-truth.csv")) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
        }
        assertThat(Files.readAllBytes(tmp.resolve("a").resolve("shops.csv")))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("c").resolve("shops.csv")));
    }

    @Test
    void only_the_planted_codes_are_invalid_and_the_rates_are_near_the_stated_ones() throws IOException {
        RegistryMarket.Summary summary = new RegistryMarket(RegistryMarket.Scale.SMALL, 11).write(tmp);
        List<String[]> enterprises = rows(tmp, "enterprises.csv");
        Set<String> planted = rows(tmp, "ground-truth.csv").stream().filter(t -> t[0].equals("IMPORT_REJECTED"))
                .map(t -> t[2]).collect(Collectors.toSet());
        assertThat(enterprises).hasSize(1000);
        assertThat(enterprises).allSatisfy(e ->
                assertThat(UnifiedSocialCreditCode.isValid(e[0])).as(e[0]).isEqualTo(!planted.contains(e[0])));
        assertThat(enterprises.stream().map(e -> e[1]).distinct().count()).isEqualTo(1000);
        assertThat(rows(tmp, "shops.csv")).hasSize(5000);
        assertThat(summary.planted().get("LICENCE_INFO_NOT_DISPLAYED")).isBetween(100, 200); // 3 % of 5,000
        assertThat(summary.planted().get("OPERATOR_NOT_ACTIVE")).isBetween(50, 160);          // 2 % of operators
        for (String[] l : rows(tmp, "licences.csv")) {
            boolean malformed = NumberFormats.builtIn().problem("FOOD_BUSINESS_LICENCE", l[1]).isPresent();
            assertThat(malformed).as(l[1]).isEqualTo(l[1].startsWith("JY-"));
        }
    }

    @Test
    void an_unknown_scale_is_refused() {
        assertThatThrownBy(() -> RegistryMarket.Scale.parse("huge")).hasMessageContaining("small、medium 或 large");
    }

    @Test
    void the_text_engine_finds_the_planted_listing_wording_and_nothing_above_a_hint_in_the_rest() throws IOException {
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(tmp);
        Set<String> absolute = new java.util.HashSet<>();
        Set<String> disease = new java.util.HashSet<>();
        Set<String> fictitious = new java.util.HashSet<>();
        Set<String> counterfeit = new java.util.HashSet<>();
        Set<String> raised = new java.util.HashSet<>();
        Set<String> homeLower = new java.util.HashSet<>();
        Set<String> real = new java.util.HashSet<>();
        for (String[] t : rows(tmp, "ground-truth.csv")) {
            switch (t[0]) {
                case "ABSOLUTE_WORDING" -> absolute.add(t[2]);
                case "DISEASE_CLAIM_ON_FOOD" -> disease.add(t[2]);
                case "FICTITIOUS_ORIGINAL_PRICE" -> fictitious.add(t[2]);
                case "COUNTERFEIT_WORDING" -> counterfeit.add(t[2]);
                case "RAISE_BEFORE_DISCOUNT" -> raised.add(t[2]);
                case "HOME_PRICE_LOWER" -> homeLower.add(t[2]);
                case "REAL_CASE_WORDING", "REAL_LAWFUL_LISTING" -> real.add(t[2]);
                default -> { }
            }
        }
        assertThat(absolute).hasSizeBetween(700, 1300);   // 2 % of 50,000
        assertThat(disease).isNotEmpty();
        assertThat(counterfeit).isNotEmpty();
        var scanner = cn.wangjian.engine.text.TextScanner.build(cn.wangjian.engine.text.RuleCatalog.builtIn());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var prices = cn.wangjian.engine.price.PriceRules.builtIn();
        assertThat(raised).isNotEmpty();
        assertThat(homeLower).isNotEmpty();
        int listings = 0;
        for (String line : Files.readAllLines(tmp.resolve("listings.jsonl"), StandardCharsets.UTF_8)) {
            var l = json.readTree(line);
            String id = l.get("listing_id").asText();
            if (real.contains(id)) {
                continue; // the published cases' own wording: measured by the monitoring test, not planted by rule
            }
            listings++;
            Set<String> rules = scanner.scan(l.get("title").asText() + "\n" + l.get("description").asText(),
                            l.get("category").asText(), java.time.LocalDate.of(2026, 11, 30)).stream()
                    .filter(f -> f.severity() != cn.wangjian.engine.text.Severity.HINT)
                    .map(cn.wangjian.engine.text.Finding::rule).collect(Collectors.toSet());
            Set<String> expected = new java.util.HashSet<>();
            if (absolute.contains(id)) {
                expected.add("AD-9.3-ABSOLUTE");
            }
            if (disease.contains(id)) {
                expected.add("AD-17-DISEASE");
            }
            if (counterfeit.contains(id)) {
                expected.add("TM-57-COUNTERFEIT");
            }
            assertThat(rules).as(line).isEqualTo(expected);
            // the price rules find exactly the planted price violations
            var offer = new cn.wangjian.engine.price.PriceRules.Offer(l.get("original_price").asLong() * 100,
                    l.has("home_price") ? l.get("home_price").asLong() * 100 : -1,
                    cn.wangjian.engine.price.PriceHistory.parse(l.get("prices").toString()));
            Set<String> priceRules = prices.check(offer, java.time.LocalDate.of(2026, 11, 30)).stream()
                    .map(f -> f.rule().id()).collect(Collectors.toSet());
            Set<String> expectedPrice = new java.util.HashSet<>();
            if (fictitious.contains(id)) {
                expectedPrice.addAll(Set.of("PR-16-REFERENCE-PRICE", "PR-17.2-GROUNDLESS-BASE"));
            }
            if (raised.contains(id)) {
                expectedPrice.addAll(Set.of("PR-16-REFERENCE-PRICE", "PR-17.1-RAISE-BEFORE-DISCOUNT"));
            }
            if (homeLower.contains(id)) {
                expectedPrice.add("PR-20.1-HOME-PRICE");
            }
            assertThat(priceRules).as(line).isEqualTo(expectedPrice);
        }
        assertThat(listings).isEqualTo(50_000);
        // one listing per text of the real-case suite's development part, named in the manifest with its source
        long devTexts;
        try (var in = RegistryMarketTest.class.getResourceAsStream("/cn/wangjian/engine/demo/dev.jsonl")) {
            devTexts = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(x -> !x.isBlank()).count();
        }
        assertThat(real).hasSize((int) devTexts);
        List<String[]> manifest = rows(tmp, "real-case-listings.csv");
        assertThat(manifest).hasSize((int) devTexts);
        assertThat(manifest).allSatisfy(m -> assertThat(real).contains(m[0]));
    }
}
