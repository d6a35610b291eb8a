package cn.wangjian.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.stream.CreditCodeCheckJob.Rejection;
import cn.wangjian.stream.CreditCodeCheckJob.ReportedSubject;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CreditCodeCheckJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @Test
    void rejectsMalformedCodesOnAMiniCluster() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        var subjects = env.fromData(
                new ReportedSubject("a", "91350100M000100Y43"),
                new ReportedSubject("b", "91350100M000100Y44"),
                new ReportedSubject("c", "9144030071526726XG"),
                new ReportedSubject("d", "913501"));

        List<Rejection> rejected = new ArrayList<>();
        try (CloseableIterator<Rejection> it = CreditCodeCheckJob.build(subjects).executeAndCollect()) {
            it.forEachRemaining(rejected::add);
        }

        assertThat(rejected).extracting(Rejection::recordId).containsExactlyInAnyOrder("b", "d");
        assertThat(rejected).filteredOn(r -> r.recordId().equals("b"))
                .singleElement().extracting(Rejection::reason).asString().contains("校验位错误");
    }
}
