package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Severity follows the evidence, not the matching path: a clear evasion is as severe as the plain term. */
class EvasionSeverityTest {

    static final TextScanner SCANNER = TextScanner.build(RuleCatalog.builtIn());
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static List<String> found(String text) {
        return SCANNER.scan(text, "general", TODAY).stream()
                .map(f -> f.rule() + "/" + f.severity().label() + "/" + f.matched()).toList();
    }

    @Test
    void a_sound_alike_that_keeps_part_of_the_term_and_is_no_word_is_the_term() {
        assertThat(found("醉佳口感 零食")).contains("AD-9.3-ABSOLUTE/medium/醉佳");
        assertThat(found("蕞好的选择 保温杯")).contains("AD-9.3-ABSOLUTE/medium/蕞好");
        // spaced out and split by a tag: the plain term's severity already
        assertThat(found("全 网 销 量 第 一 的羽绒服")).contains("AD-9.3-ABSOLUTE/medium/全 网 销 量 第 一");
        assertThat(found("<b>国家</b>级品质")).contains("AD-9.3-ABSOLUTE/medium/国家</b>级");
    }

    @Test
    void a_sound_alike_that_is_a_word_of_its_own_or_shares_no_character_stays_a_hint() {
        // 复课 (classes resume) is a word; 价比 in 性价比 shares nothing with 假币; 级品 straddles 国家级|品质
        assertThat(found("复课潮鞋")).allMatch(f -> f.contains("/hint/"));
        assertThat(found("性价比高的保温杯")).allMatch(f -> f.contains("/hint/"));
        assertThat(found("国家级品质")).filteredOn(f -> f.endsWith("/级品")).allMatch(f -> f.contains("/hint/"));
    }
}
