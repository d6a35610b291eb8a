package cn.wangjian.platform.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Rows of COPY's text format as the brushing run reads them. */
class TradeDataTest {

    @Test
    void a_copy_row_splits_on_tabs_with_nulls_and_escapes() {
        String[] f = new String[4];
        TradeData.copyFields("O1\t\\N\ta\\tb\\\\c\\nd\t", f);
        assertThat(f).containsExactly("O1", null, "a\tb\\c\nd", "");
        assertThatThrownBy(() -> TradeData.copyFields("O1\tx", f)).hasMessageContaining("2 fields, 4 expected");
    }
}
