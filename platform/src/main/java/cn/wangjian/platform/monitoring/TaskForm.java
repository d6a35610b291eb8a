package cn.wangjian.platform.monitoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A task as an officer defines it in the form or the API (never the stored task itself). */
public record TaskForm(
        @NotBlank(message = "任务名称不能为空") @Size(max = 200, message = "任务名称不能超过200字") String name,
        @NotNull(message = "请选择监测类型") TaskKind kind,
        @Size(max = 200, message = "专题不能超过200字") String topic,
        List<String> platforms,
        List<String> categories,
        @Size(max = 500, message = "区划代码过多") String regions,
        List<RuleSet> ruleSets,
        List<String> textCategories,
        @Size(max = 100, message = "执行计划过长") String schedule,
        @Size(max = 5000, message = "起始网址过长") String seeds,
        Double crawlRate,
        Integer crawlMaxPages) {

    /** The same form with the schedule the pickers wrote. */
    TaskForm withSchedule(String cron) {
        return new TaskForm(name, kind, topic, platforms, categories, regions, ruleSets, textCategories, cron, seeds,
                crawlRate, crawlMaxPages);
    }

    static TaskForm empty() {
        return new TaskForm("", TaskKind.DAILY, "", List.of(), List.of(), "", List.of(RuleSet.values()), List.of(),
                "0 0 2 * * *", "", 2.0, 1000);
    }
}
