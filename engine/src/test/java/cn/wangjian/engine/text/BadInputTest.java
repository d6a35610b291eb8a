package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.engine.listing.ListingChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's bad input: a text of 10 MB, a text of only symbols or only emoji, malformed UTF-16 surrogates, a rule
 * whose law has no effective date. Each gives a result in bounded time or a clear error, never a hang or a crash.
 * (The time limit is a hang guard, far above the expected time; speed is measured in bench/.)
 */
class BadInputTest {

    static final TextScanner SCANNER = TextScanner.build(RuleCatalog.builtIn());
    static final ListingChecks CHECKS = ListingChecks.builtIn(SCANNER.catalog());
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static void spansInside(String text, List<Finding> found) {
        for (Finding f : found) {
            assertThat(f.start()).isBetween(0, text.length());
            assertThat(f.end()).isBetween(f.start(), text.length());
        }
    }

    @Test
    void a_text_of_ten_megabytes_is_scanned_as_a_page_and_checked_as_a_listing() {
        StringBuilder sb = new StringBuilder();
        String[] parts = {"全网最佳 ", "原价999元现价9元 ", "不支持七天无理由退货 ", "喝了一个月肠胃好多了 ", "普通的杯子，", "🙂"};
        for (int i = 0; sb.length() < 4_000_000; i++) {
            sb.append(parts[i % parts.length]);
        }
        String text = sb.toString();
        assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(10_000_000);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            List<Finding> found = new ArrayList<>();
            String category = SCANNER.scanPage(text, TODAY, found::add);
            assertThat(category).isNotBlank();
            assertThat(found).isNotEmpty();
            spansInside(text, found);
            assertThat(CHECKS.check(new ListingChecks.Listing(category, text, null, 900L, null, "110101"), TODAY))
                    .isNotEmpty();
        });
    }

    @Test
    void only_symbols_only_emoji_and_broken_surrogates_give_nothing_and_no_error() {
        List<String> texts = List.of("!!!@@@###$$$%%%^^^&&&***((()))____++++", "🙂🙃😀😁😂🤣😊😇🥰😍🤩😘".repeat(500),
                "\uD83D", "\uDE00abc\uD83D", "最\uD83D佳", "\uDE00\uD83D最佳\uDE00", "　\u0000\uFFFF\uFFFE");
        for (String t : texts) {
            List<Finding> found = new ArrayList<>();
            SCANNER.scanPage(t, TODAY, found::add);
            spansInside(t, found);
            assertThat(found).as(t).allMatch(f -> !f.rule().isEmpty());
            CHECKS.check(new ListingChecks.Listing("general", t, t, 100L, null, "110101"), TODAY);
        }
        assertThat(SCANNER.scan("🙂🙃😀".repeat(1000), "general", TODAY)).isEmpty();
    }

    @Test
    void a_rule_whose_law_has_no_effective_date_is_refused_with_its_file_rule_and_field(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("catalog.json"), """
                {"version": "t", "productCategories": {"general": "一般商品"}, "files": ["r.json"]}
                """);
        Files.writeString(dir.resolve("r.json"), """
                {"rules": [{"id": "X-1", "category": "c", "title": "t", "severity": "medium",
                  "laws": [{"law": "广告法", "article": "第九条"}], "terms": ["最佳"], "explanation": "e"}]}
                """);
        assertThatThrownBy(() -> RuleCatalog.load(dir)).isInstanceOf(RuleCatalog.CatalogException.class)
                .hasMessageContaining("r.json").hasMessageContaining("X-1").hasMessageContaining("effectiveFrom");
    }
}
