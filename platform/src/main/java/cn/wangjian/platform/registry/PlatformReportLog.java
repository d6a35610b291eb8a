package cn.wangjian.platform.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What each platform reported when — refused reports too — with the first rejected rows' reasons. */
@Component
public class PlatformReportLog {

    static final int KEPT_REJECTIONS = 100;

    public record Entry(String kind, String fileName, int rows, int imported, int rejected, boolean committed,
                        List<String> rejections, String reportedBy, Instant reportedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PlatformReportLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String platform, String kind, String fileName, int rows, int imported, List<String> rejections,
                boolean committed, String actor) {
        jdbc.sql("""
                INSERT INTO platform_report_log (platform_code, kind, file_name, rows_total, imported, rejected,
                    committed, rejections, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(platform, kind, fileName, rows, imported, rejections.size(), committed,
                        rejections.stream().limit(KEPT_REJECTIONS).toArray(String[]::new), actor,
                        Timestamp.from(clock.instant())).update();
    }

    void record(String platform, ImportReport report, String fileName, String actor) {
        record(platform, report.kind().label(), fileName, report.rows(), report.imported(), report.rejected().stream()
                .map(r -> "第 " + r.line() + " 行：" + r.reason()).toList(), report.committed(), actor);
    }

    public List<Entry> recent(String platform, int limit) {
        return jdbc.sql("""
                SELECT kind, file_name, rows_total, imported, rejected, committed, rejections, reported_by, reported_at
                FROM platform_report_log WHERE platform_code = ? ORDER BY reported_at DESC, id DESC LIMIT ?""")
                .params(platform, Math.max(1, Math.min(limit, 500))).query((rs, n) -> {
                    List<String> reasons = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(7).getArray()) {
                        reasons.add((String) o);
                    }
                    return new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getBoolean(6), List.copyOf(reasons), rs.getString(8), rs.getTimestamp(9).toInstant());
                }).list();
    }
}
