package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The development part of the real-case suites (engine/suites/real): a guard that the figures measured there do
 * not fall (the measure itself, with the held-out part, is in real/README.md). The held-out part is never read here.
 */
class RealSuitesTest {

    static final Path DEV = Path.of("suites", "real", "dev.jsonl");

    @Test
    void the_development_figures_do_not_fall_below_those_measured() throws Exception {
        List<SuiteEvaluation.Case> cases = SuiteEvaluation.read(DEV);
        assertThat(cases).hasSize(271);
        // the engine as the scan command runs it: the text scanner and the listing checks
        TextScanner scanner = TextScanner.build(RuleCatalog.builtIn());
        var checks = cn.wangjian.engine.listing.ListingChecks.builtIn(scanner.catalog());
        LocalDate day = LocalDate.of(2026, 12, 1);
        SuiteEvaluation.Report report = SuiteEvaluation.evaluate(scanner, cases, day, false, (text, category) ->
                checks.checkText(category, text, day));
        int caught = 0;
        int violations = 0;
        for (var e : report.byFamily().entrySet()) {
            if (!e.getKey().equals("lawful")) {
                caught += e.getValue()[0];
                violations += e.getValue()[1];
            }
        }
        int[] lawful = report.byFamily().get("lawful");
        assertThat(violations).isEqualTo(150);
        assertThat(caught).as(report.describe()).isGreaterThanOrEqualTo(103);
        assertThat(lawful[1]).isEqualTo(121);
        assertThat(lawful[0]).as(report.describe()).isLessThanOrEqualTo(11);
    }
}
