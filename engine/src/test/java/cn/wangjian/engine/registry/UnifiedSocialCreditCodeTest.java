package cn.wangjian.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "9144030071526726XG", "914403001922038216", "91110108551385082Q"})
    void acceptsCodesFromTheReference(String code) {
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
    }

    @Test
    void computesTheStandardsWorkedExample() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4Z", "91310000MA1FL0DT5U", "91330000MA27U0JC5X"})
    void rejectsInvalidVectorsFromTheReference(String code) {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(code))
                .isInstanceOf(UnifiedSocialCreditCode.InvalidCodeException.class);
    }

    @Test
    void namesTheProblem() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9135010"))
                .hasMessageContaining("18位").hasMessageContaining("has 7");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M0001O0Y43"))
                .hasMessageContaining("第14位").hasMessageContaining("'O'");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100Y44"))
                .hasMessageContaining("校验位错误：应为3");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M000100Y4Z"))
                .hasMessageContaining("第18位").hasMessageContaining("'Z'");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(null)).hasMessageContaining("为空");
    }

    @Test
    void exposesTheRegionCode() {
        assertThat(UnifiedSocialCreditCode.parse("91350100M000100Y43").regionCode()).isEqualTo("350100");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> head = Arbitraries.of("91", "92", "93", "11", "12", "51", "52", "Y1");
        Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> rest = Arbitraries.strings().withChars(UnifiedSocialCreditCode.ALPHABET.toCharArray()).ofLength(9);
        return net.jqwik.api.Combinators.combine(head, region, rest).as((h, r, s) -> h + r + s);
    }

    @Property
    void everyCodeWithItsCheckCharacterIsValid(@ForAll("bodies") String body) {
        String code = body + UnifiedSocialCreditCode.checkCharacter(body);
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @Property
    void anySingleSubstitutionIsDetected(@ForAll("bodies") String body,
                                         @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 17) int position,
                                         @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 30) int shift) {
        String code = body + UnifiedSocialCreditCode.checkCharacter(body);
        char original = code.charAt(position);
        int v = UnifiedSocialCreditCode.ALPHABET.indexOf(original);
        char replaced = UnifiedSocialCreditCode.ALPHABET.charAt((v + shift) % 31);
        String mutated = code.substring(0, position) + replaced + code.substring(position + 1);
        // a substitution in positions 3-8 may turn a digit into a letter, which is rejected for that reason instead
        assertThat(UnifiedSocialCreditCode.isValid(mutated)).isFalse();
    }
}
