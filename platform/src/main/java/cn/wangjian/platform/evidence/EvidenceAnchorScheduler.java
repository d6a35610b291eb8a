package cn.wangjian.platform.evidence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Anchors the evidence register's head every hour, like the audit log's. */
@Component
@ConditionalOnProperty(name = "wangjian.audit.anchors", havingValue = "true", matchIfMissing = true)
class EvidenceAnchorScheduler {

    private final Evidence evidence;

    EvidenceAnchorScheduler(Evidence evidence) {
        this.evidence = evidence;
    }

    @Scheduled(fixedDelayString = "${wangjian.audit.anchor-ms:3600000}", initialDelay = 3_600_000)
    void anchor() {
        evidence.anchor();
    }
}
