package cn.wangjian.platform.credit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Pushes due joint-punishment deliveries every few seconds and removes expired listings hourly. */
@Component
@ConditionalOnProperty(name = "wangjian.credit.scheduler", havingValue = "true", matchIfMissing = true)
class CreditScheduler {

    private final JointPunishment joint;
    private final CreditLists lists;

    CreditScheduler(JointPunishment joint, CreditLists lists) {
        this.joint = joint;
        this.lists = lists;
    }

    @Scheduled(fixedDelayString = "${wangjian.credit.push-ms:5000}", initialDelay = 20_000)
    void push() {
        joint.deliverDue();
    }

    @Scheduled(fixedDelayString = "${wangjian.credit.expiry-ms:3600000}", initialDelay = 60_000)
    void expire() {
        lists.removeExpired();
    }
}
