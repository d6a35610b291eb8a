package cn.wangjian.platform.notice;

import java.time.LocalDate;

/**
 * A notice's demand was carried out and proven — listings removed, a shop's service stopped, a page or licence
 * display corrected — on {@code day}; {@code quantity} is the listings removed for a takedown, else 1.
 */
public record PlatformNoticeProven(long noticeId, String noticeNo, NoticeKind kind, String platformCode,
                                   String shopId, String agencyCode, String regionCode, LocalDate day, int quantity,
                                   String actor) {
}
