package cn.wangjian.platform.casework;

import java.time.LocalDate;

/** A decision was changed, revoked, confirmed illegal or void; its publications are withdrawn. */
public record DecisionRevoked(long caseId, String decisionNo, LocalDate revokedOn, String reason, String actor) {
}
