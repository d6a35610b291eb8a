package cn.wangjian.platform.monitoring;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * On the first start, a daily monitoring task of the demo Beijing bureau over every platform, scheduled nightly and
 * run once in the background at once (unless {@code wangjian.bootstrap.demo-run=false}); the officer runs it again
 * from the UI.
 */
@Configuration
class DemoTask {

    static final String NAME = "日常监测：全部平台商品与主体";

    @Bean
    @Order(20)
    @ConditionalOnProperty(name = "wangjian.bootstrap.demo-market", havingValue = "true", matchIfMissing = true)
    ApplicationRunner demoMonitoringTask(MonitoringTasks tasks, MonitoringRunner runner,
                                         @Value("${wangjian.bootstrap.demo-run:true}") boolean runOnce) {
        return args -> {
            if (!tasks.any()) {
                MonitoringTask task = tasks.create(new TaskForm(NAME, TaskKind.DAILY, "以网管网日常巡查", List.of(), List.of(), "",
                        List.of(RuleSet.values()), List.of(), "0 0 2 * * *", "", 2.0, 1000), "system", "SAMR",
                        "110000");
                if (runOnce) {
                    // one run in the background, so that the demo's findings and the campaign's online checks are
                    // there without a click; later runs are nightly or the officer's
                    runner.start(task, "SCHEDULE", "system");
                }
            }
        };
    }
}
