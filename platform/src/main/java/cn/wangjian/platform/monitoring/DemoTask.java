package cn.wangjian.platform.monitoring;

import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * On the first start, a daily monitoring task of the demo Beijing bureau over every platform, scheduled nightly;
 * the officer runs it from the UI to see the demo market's violations.
 */
@Configuration
class DemoTask {

    static final String NAME = "日常监测：全部平台商品与主体";

    @Bean
    @Order(20)
    @ConditionalOnProperty(name = "wangjian.bootstrap.demo-market", havingValue = "true", matchIfMissing = true)
    ApplicationRunner demoMonitoringTask(MonitoringTasks tasks) {
        return args -> {
            if (!tasks.any()) {
                tasks.create(new TaskForm(NAME, TaskKind.DAILY, "以网管网日常巡查", List.of(), List.of(), "",
                        List.of(RuleSet.values()), List.of(), "0 0 2 * * *", "", 2.0, 1000), "system", "SAMR",
                        "110000");
            }
        };
    }
}
