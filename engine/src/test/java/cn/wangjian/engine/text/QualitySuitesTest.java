package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The suites in engine/suites: the quality bars of the text engine, asserted on every build. */
class QualitySuitesTest {

    static final Path SUITES = Path.of("suites");
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private static SuiteEvaluation.Report run(String suite) throws Exception {
        var report = SuiteEvaluation.evaluate(TextScannerTest.SCANNER, SuiteEvaluation.read(SUITES.resolve(suite)), DAY);
        System.out.println("== " + suite + System.lineSeparator() + report.describe());
        return report;
    }

    @Test
    void at_least_95_percent_of_the_evasions_are_caught_and_every_kind_is_covered() throws Exception {
        var report = run("evasion.jsonl");
        assertThat(report.evasionCases()).isGreaterThanOrEqualTo(60);
        assertThat(report.evasionsByKind().keySet()).contains("fullwidth", "case", "traditional", "whitespace",
                "zero-width", "punctuation", "emoji", "html-tag", "html-entity", "repeat", "numerals", "circled",
                "styled", "pinyin", "homophone", "lookalike", "symbol-term");
        assertThat((double) report.evasionsCaught() / report.evasionCases()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void ordinary_listings_full_of_traps_get_no_finding_above_hint() throws Exception {
        var report = run("false-positive.jsonl");
        assertThat(report.cases()).isGreaterThanOrEqualTo(100);
        assertThat(report.textsWithFindingsAboveHint()).isZero();
    }

    @Test
    void labelled_texts_reach_precision_and_recall_of_90_percent_in_every_category() throws Exception {
        var report = run("labelled.jsonl");
        assertThat(report.cases()).isGreaterThanOrEqualTo(300);
        assertThat(report.byCategory()).hasSizeGreaterThanOrEqualTo(12);
        report.byCategory().forEach((category, score) -> {
            assertThat(score.precision()).as("precision of %s", category).isGreaterThanOrEqualTo(0.9);
            assertThat(score.recall()).as("recall of %s", category).isGreaterThanOrEqualTo(0.9);
        });
    }
}
