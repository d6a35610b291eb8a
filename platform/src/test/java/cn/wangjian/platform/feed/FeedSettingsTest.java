package cn.wangjian.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.engine.feed.FeedTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secured Kafka's client settings come from a file outside the repository and reach every client. */
class FeedSettingsTest {

    @Test
    void client_settings_from_a_file_go_with_the_bootstrap_servers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        FeedLink.Settings s = new FeedLink.Settings("k1:9093", FeedTopics.defaults(), "g", "SAMR", "110000", true,
                FeedLink.clientSettings(file.toString()));
        assertThat(s.kafka()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("bootstrap.servers", "k1:9093");
        assertThat(FeedLink.clientSettings("")).isEmpty();
        assertThatThrownBy(() -> FeedLink.clientSettings(dir.resolve("missing").toString()))
                .hasMessageContaining("kafka-config");
    }
}
