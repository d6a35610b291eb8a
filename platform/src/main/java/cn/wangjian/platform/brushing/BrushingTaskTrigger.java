package cn.wangjian.platform.brushing;

import cn.wangjian.platform.trade.TradeKind;
import cn.wangjian.platform.trade.TradeReported;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What sets the standing tasks going, in the server only (a command-line import leaves its report to the server):
 * a report of new orders, once committed; and every five minutes, any task behind its platform's reports.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "wangjian.brushing.tasks", havingValue = "true", matchIfMissing = true)
class BrushingTaskTrigger {

    private final BrushingTasks tasks;

    BrushingTaskTrigger(BrushingTasks tasks) {
        this.tasks = tasks;
    }

    @TransactionalEventListener
    void onReport(TradeReported report) {
        if (report.kind() == TradeKind.ORDERS && report.stored() > 0) {
            tasks.queueBehind(report.platformCode());
        }
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void catchUp() {
        tasks.queueAllBehind();
    }
}
