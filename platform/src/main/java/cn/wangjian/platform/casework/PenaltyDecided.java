package cn.wangjian.platform.casework;

import java.time.LocalDate;

/**
 * A penalty decision was made under the ordinary procedure (published in the deciding transaction). What
 * publication and credit need travels with it: the party, what is imposed, the facts in the officer's words, the
 * penalty as written, the legal basis as written, and the deciding authority.
 */
public record PenaltyDecided(long caseId, String decisionNo, LocalDate decidedOn, Party party, Sanction sanction,
                             String facts, String penaltyText, String legalBasisText, String authorityName,
                             String agencyCode, String regionCode, String actor) {
}
