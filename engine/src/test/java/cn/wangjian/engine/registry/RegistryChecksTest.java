package cn.wangjian.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryChecksTest {

    final NumberFormats formats = NumberFormats.builtIn();

    @ParameterizedTest
    @CsvSource({
            "ICP_FILING, 京ICP备12345678号-1, true",
            "ICP_FILING, 粤ICP备123456号, true",
            "ICP_FILING, 京ICP备1234号, false",
            "ICP_FILING, ICP备12345678号, false",
            "ICP_FILING, 京ICP证12345678号, false",
            "ICP_LICENCE, 京B2-20090008, true",
            "ICP_LICENCE, B2-20090008, true",
            "ICP_LICENCE, 京B2-2009008, false",
            "PUBLIC_SECURITY_FILING, 京公网安备 11010502030143号, true",
            "PUBLIC_SECURITY_FILING, 京公网安备1101050203014号, false",
            "FOOD_BUSINESS_LICENCE, JY11101050123456, true",
            "FOOD_BUSINESS_LICENCE, ｊｙ11101050123456, true",
            "FOOD_BUSINESS_LICENCE, JY41101050123456, false",
            "FOOD_BUSINESS_LICENCE, JY1110105012345, false",
            "FOOD_PRODUCTION_LICENCE, SC10611010500018, true",
            "HEALTH_FOOD_APPROVAL, 国食健注G20190123, true",
            "HEALTH_FOOD_APPROVAL, 国食健字X20190123, false"
    })
    void numbers_are_checked_against_their_formats(String kind, String value, boolean valid) {
        assertThat(formats.problem(kind, value).isEmpty()).as(kind + " " + value).isEqualTo(valid);
    }

    @Test
    void a_malformed_number_is_explained_with_an_example_and_the_verification_tag() {
        assertThat(formats.problem("ICP_FILING", "京ICP备1234号").orElseThrow())
                .contains("ICP备案号格式不符", "京ICP备12345678号-1", "待核实", "malformed ICP_FILING");
        assertThat(formats.problem("ICP_FILING", " ").orElseThrow()).contains("为空");
        assertThatThrownBy(() -> formats.problem("NO_SUCH_KIND", "x")).hasMessageContaining("unknown");
    }

    @Test
    void impersonating_names_are_found_and_unrelated_ones_are_not() {
        NameIndex index = new NameIndex(List.of("北京小米科技有限责任公司", "深圳市腾讯计算机系统有限公司",
                "华为技术有限公司", "杭州阿里巴巴网络科技有限公司", "北京京东世纪贸易有限公司"));
        assertThat(index.similar("北京小米科技有限责任公司")).extracting(NameIndex.Match::similarity)
                .containsExactly(NameIndex.Similarity.IDENTICAL);
        assertThat(index.similar("北京小米科技有限公司")).extracting(NameIndex.Match::similarity)
                .containsExactly(NameIndex.Similarity.SAME_CORE);
        assertThat(index.similar("北京小米科技（深圳）有限公司")).extracting(NameIndex.Match::registeredName)
                .containsExactly("北京小米科技有限责任公司");
        assertThat(index.similar("北京小米科枝有限公司")).extracting(NameIndex.Match::similarity)
                .containsExactly(NameIndex.Similarity.ONE_CHARACTER);
        assertThat(index.similar("華為技術有限公司")).extracting(NameIndex.Match::registeredName)
                .containsExactly("华为技术有限公司");
        assertThat(index.similar("华为技术官方旗舰店")).extracting(NameIndex.Match::registeredName)
                .containsExactly("华为技术有限公司");
        assertThat(index.similar("杭州阿里巴巴巴网络科技有限公司")).extracting(NameIndex.Match::similarity)
                .containsExactly(NameIndex.Similarity.ONE_CHARACTER);
        assertThat(index.similar("上海某某服饰有限公司")).isEmpty();
        assertThat(index.similar("北京米小科技有限公司")).isEmpty(); // two characters moved: not one change
    }

    @Test
    void encodings_are_detected_and_a_misfit_names_the_line() throws Exception {
        String text = "统一社会信用代码,名称\n91350100M000100Y43,福建某某有限公司\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] gb = text.getBytes(TextEncoding.GB18030);
        assertThat(TextEncoding.detect(utf8)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextEncoding.detect(gb)).isEqualTo(TextEncoding.GB18030);
        assertThat(TextEncoding.decode(gb, null)).isEqualTo(text);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(TextEncoding.decode(bom, null)).isEqualTo(text);
        assertThatThrownBy(() -> TextEncoding.decode(gb, StandardCharsets.UTF_8))
                .isInstanceOf(TextEncoding.MisfitException.class)
                .hasMessageContaining("第 1 行").hasMessageContaining("GB18030");
    }

    @Test
    void the_search_form_folds_width_script_and_spaces() {
        org.assertj.core.api.Assertions.assertThat(NameIndex.searchForm("杭州 星辰數碼ＡＢＣ")).isEqualTo("杭州星辰数码ABC");
    }

    @org.junit.jupiter.api.Test
    void imports_accept_utf8_and_gb18030_with_its_subsets_only() {
        org.assertj.core.api.Assertions.assertThat(TextEncoding.allowed("utf-8")).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(TextEncoding.allowed("GBK")).isEqualTo(TextEncoding.GB18030);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextEncoding.allowed("ISO-8859-1"))
                .hasMessageContaining("只接受 UTF-8 或 GB18030");
    }
}
