package cn.wangjian.platform.trade;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes expired reported transactions every night (off with {@code wangjian.trade.retention-scheduler=false}). */
@Component
@ConditionalOnProperty(name = "wangjian.trade.retention-scheduler", havingValue = "true", matchIfMissing = true)
class TradeRetentionScheduler {

    private final TradeRetention retention;

    TradeRetentionScheduler(TradeRetention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "Asia/Shanghai")
    void nightly() {
        retention.purge();
    }
}
