package cn.wangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** People read refusals without their English gloss; values and Chinese brackets stay. */
class ChineseForPeopleTest {

    @Test
    void the_english_gloss_goes_and_the_rest_stays() {
        assertThat(ChineseForPeople.chinese("立案须指定两名以上执法人员（行政处罚法第四十二条）(at least two officers)"))
                .isEqualTo("立案须指定两名以上执法人员（行政处罚法第四十二条）");
        assertThat(ChineseForPeople.chinese("没有这个案件 (no such case): 12")).isEqualTo("没有这个案件: 12");
        assertThat(ChineseForPeople.chinese("字段 on 不是日期（YYYY-MM-DD）(not a date)"))
                .isEqualTo("字段 on 不是日期（YYYY-MM-DD）");
        // not a gloss: in the middle of the text, numbers only, or Chinese inside
        assertThat(ChineseForPeople.chinese("已通报 (2) 个部门")).isEqualTo("已通报 (2) 个部门");
        assertThat(ChineseForPeople.chinese("文号 (京) 格式")).isEqualTo("文号 (京) 格式");
        assertThat(ChineseForPeople.chinese("已完成：调查取证")).isEqualTo("已完成：调查取证");
        assertThat(ChineseForPeople.chinese("线索 (12): see file")).isEqualTo("线索 (12): see file");
        assertThat(ChineseForPeople.chinese(null)).isNull();
    }
}
