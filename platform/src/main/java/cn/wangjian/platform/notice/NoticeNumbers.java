package cn.wangjian.platform.notice;

import cn.wangjian.platform.identity.CurrentUser;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The numbers of a bureau's notices and data requests: prefix-region-agency-year-sequence, one sequence a year. */
@Component
class NoticeNumbers {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    NoticeNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the officer's bureau for the year of {@code at} (TZ for notices, DQ for data requests). */
    String next(String prefix, CurrentUser officer, Instant at) {
        int year = at.atZone(CHINA).getYear();
        int seq = jdbc.sql("""
                INSERT INTO platform_notice_number (agency_code, region_code, year, last_value) VALUES (?, ?, ?, 1)
                ON CONFLICT (agency_code, region_code, year)
                DO UPDATE SET last_value = platform_notice_number.last_value + 1 RETURNING last_value""")
                .params(officer.agencyCode(), officer.region().value(), year).query(Integer.class).single();
        return String.format("%s-%s-%s-%d-%05d", prefix, officer.region().value(), officer.agencyCode(), year, seq);
    }
}
