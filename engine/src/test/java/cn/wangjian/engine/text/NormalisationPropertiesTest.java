package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NormalisationPropertiesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.of("\u200b", " ", "\u3000", "*", ".", "·", "~", "\u2060", "\t", "\u00a0", "\ufeff", "-", "/");
    }

    @Provide
    Arbitrary<String> terms() {
        return Arbitraries.of("最佳", "国家级", "高仿", "根治", "保本", "包过", "概不退换", "好评返现", "稳赚不赔");
    }

    @Property(tries = 300)
    void noise_between_the_characters_of_a_term_does_not_hide_it(@ForAll("terms") String term,
                                                                    @ForAll("noise") String noise) {
        StringBuilder evasive = new StringBuilder("商品：");
        for (int i = 0; i < term.length(); i++) {
            evasive.append(term.charAt(i));
            if (i < term.length() - 1) {
                evasive.append(noise);
            }
        }
        evasive.append("，欢迎选购");
        String category = term.equals("根治") ? "food" : term.equals("保本") || term.equals("稳赚不赔") ? "investment"
                : term.equals("包过") ? "education" : "general";
        var findings = TextScannerTest.SCANNER.scan(evasive.toString(), category, DAY);
        assertThat(findings).extracting(Finding::term).contains(term);
    }

    @Property(tries = 500)
    void every_span_is_the_original_text_at_that_place(@ForAll("text") String text) {
        for (Finding f : TextScannerTest.SCANNER.scan(text, null, DAY)) {
            assertThat(f.start()).isBetween(0, text.length());
            assertThat(f.end()).isBetween(f.start(), text.length());
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.matched());
        }
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.of("最", "佳", "高", "仿", "<b>", "</b>", "&nbsp;", "&#26368;", "\u200b",
                "𝐀", "货", "1", ":", "no", ".", "全网", "第", "一", "zui", "jia", "😀", "治", "根", " ", "&", "<");
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
    }
}
