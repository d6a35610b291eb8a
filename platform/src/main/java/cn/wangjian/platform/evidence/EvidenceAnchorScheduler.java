package cn.wangjian.platform.evidence;

import cn.wangjian.platform.audit.AuditLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Anchors the heads of both chains, the audit log's and the evidence register's, every hour. */
@Component
@ConditionalOnProperty(name = "wangjian.audit.anchors", havingValue = "true", matchIfMissing = true)
class EvidenceAnchorScheduler {

    private final AuditLog audit;
    private final Evidence evidence;

    EvidenceAnchorScheduler(AuditLog audit, Evidence evidence) {
        this.audit = audit;
        this.evidence = evidence;
    }

    @Scheduled(fixedDelayString = "${wangjian.audit.anchor-ms:3600000}", initialDelay = 3_600_000)
    void anchor() {
        audit.anchor();
        evidence.anchor();
    }
}
