package cn.wangjian.engine.brushing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TensorCsvTest {

    private static Tensor read(String text) throws Exception {
        return TensorCsv.read(new BufferedReader(new StringReader(text)));
    }

    @Test
    void reads_cells_with_and_without_a_header_and_an_ip_column() throws Exception {
        Tensor t = read("user,shop,day,count\n0,1,2,3\n4,5,6,1\n");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.mass()).isEqualTo(4);
        assertThat(t.users()).isEqualTo(5);
        Tensor withIp = read("0,1,2,9,3\n");
        assertThat(withIp.hasExtra()).isTrue();
        assertThat(withIp.extra(0)).isEqualTo(9);
    }

    @Test
    void a_file_too_large_for_the_heap_is_refused_at_the_line_where_it_stops_fitting() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            big.append(i).append(",1,2,3\n");
        }
        assertThatThrownBy(() -> TensorCsv.read(new BufferedReader(new StringReader(big.toString())), 64_000))
                .hasMessageContaining("does not fit the heap").hasMessageContaining("line 2002");
    }

    @Test
    void bad_input_is_refused_with_the_line_number() {
        assertThatThrownBy(() -> read("0,1,2,3\n0,x,2,3\n")).hasMessageContaining("第 2 行").hasMessageContaining("column 2");
        assertThatThrownBy(() -> read("0,1,2,3\n0,1,2\n")).hasMessageContaining("line 2").hasMessageContaining("columns");
        assertThatThrownBy(() -> read("0,1,2,-3\n")).hasMessageContaining("line 1").hasMessageContaining("positive");
        assertThatThrownBy(() -> read("0,-1,2,3\n")).hasMessageContaining("negative");
        assertThatThrownBy(() -> read("0,1,2,3,4,5\n")).hasMessageContaining("4 or 5 columns");
        assertThatThrownBy(() -> read("user,shop,day,count\n")).hasMessageContaining("no data lines");
        assertThatThrownBy(() -> read("")).hasMessageContaining("no data lines");
        assertThatThrownBy(() -> read("0,1,2,99999999999\n")).hasMessageContaining("not an integer");
    }
}
