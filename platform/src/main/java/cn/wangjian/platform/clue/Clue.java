package cn.wangjian.platform.clue;

import java.time.Instant;

/** A registered clue, owned by a bureau (agency + region). */
public record Clue(long id, String clueNo, String title, ClueSource source, String subjectName,
                   String subjectCreditCode, String description, ClueStatus status, String agencyCode,
                   String regionCode, String createdBy, Instant createdAt) {
}
