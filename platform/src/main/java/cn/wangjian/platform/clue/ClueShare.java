package cn.wangjian.platform.clue;

import java.time.Instant;

/** A clue made visible to another bureau's subtree. */
public record ClueShare(String agencyCode, String regionCode, String sharedBy, Instant sharedAt) {
}
