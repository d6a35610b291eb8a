package cn.wangjian.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command's options: known ones with their values, anything else refused naming it. */
class StreamMainTest {

    @Test
    void options_are_read_and_bad_ones_refused_by_name() {
        assertThat(StreamMain.options(new String[] {"--bootstrap", "k:9092", "--parallelism=4", "--builtin-rules",
                "--kafka-config", "/etc/wangjian/kafka.properties"}))
                .containsEntry("bootstrap", "k:9092").containsEntry("parallelism", "4").containsKey("builtin-rules")
                .containsEntry("kafka-config", "/etc/wangjian/kafka.properties");
        assertThatThrownBy(() -> StreamMain.options(new String[] {"--bogus"})).hasMessageContaining("--bogus")
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> StreamMain.options(new String[] {"--parallelism", "0"}))
                .hasMessageContaining("--parallelism");
        assertThatThrownBy(() -> StreamMain.options(new String[] {"--bootstrap"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> StreamMain.options(new String[] {"stray"})).hasMessageContaining("stray");
    }
}
