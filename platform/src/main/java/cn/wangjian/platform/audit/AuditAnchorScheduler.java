package cn.wangjian.platform.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Anchors the audit chain's head every hour ({@code wangjian.audit.anchor-ms}). */
@Component
@ConditionalOnProperty(name = "wangjian.audit.anchors", havingValue = "true", matchIfMissing = true)
class AuditAnchorScheduler {

    private final AuditLog audit;

    AuditAnchorScheduler(AuditLog audit) {
        this.audit = audit;
    }

    @Scheduled(fixedDelayString = "${wangjian.audit.anchor-ms:3600000}", initialDelay = 3_600_000)
    void anchor() {
        audit.anchor();
    }
}
