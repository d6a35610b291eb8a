package cn.wangjian.platform.casework;

import java.time.LocalDate;

/**
 * A step of a case that the campaign's statistics count: its clue verified and the case filed (立案) or not filed
 * (不予立案), or the case transferred to the police (移送公安机关). Published in the step's transaction.
 */
public record CaseMilestone(long caseId, long clueId, Kind kind, LocalDate on, String agencyCode, String regionCode,
                            String caseNo, String actor) {

    public enum Kind {
        FILED, NOT_FILED, TRANSFERRED_TO_POLICE
    }
}
