package cn.wangjian.platform.trade;

import cn.wangjian.platform.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long raw reported transactions are kept, as data ({@code trade_retention}: days, law, article, source,
 * effective date; the newest rule in force applies), and the daily removal of what is older. Orders and reviews
 * count from their own time, parcels from the time they were reported.
 */
@Service
public class TradeRetention {

    /** A retention rule with its source. */
    public record Rule(TradeKind kind, int keepDays, String law, String article, String sourceUrl,
                       LocalDate effectiveFrom, String note) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    TradeRetention(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rule in force on {@code day} for a kind. */
    public Optional<Rule> rule(TradeKind kind, LocalDate day) {
        return jdbc.sql("""
                SELECT keep_days, law, article, source_url, effective_from, note FROM trade_retention
                WHERE kind = ? AND effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1""")
                .params(kind.name(), day)
                .query((rs, n) -> new Rule(kind, rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6)))
                .optional();
    }

    /** Removes the reported records older than their rule allows; returns how many of each kind went. */
    @Transactional
    public Map<TradeKind, Integer> purge() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Map<TradeKind, Integer> removed = new LinkedHashMap<>();
        for (TradeKind kind : TradeKind.values()) {
            Optional<Rule> rule = rule(kind, today);
            if (rule.isEmpty()) {
                continue;
            }
            Timestamp before = Timestamp.from(now.minus(Duration.ofDays(rule.get().keepDays())));
            int n = switch (kind) {
                case ORDERS -> jdbc.sql("DELETE FROM trade_order WHERE ordered_at < ?").param(before).update();
                case REVIEWS -> jdbc.sql("DELETE FROM trade_review WHERE reviewed_at < ?").param(before).update();
                case PARCELS -> jdbc.sql("""
                        DELETE FROM trade_parcel p USING trade_report r
                        WHERE r.id = p.report_id AND r.reported_at < ?""").param(before).update();
            };
            removed.put(kind, n);
        }
        if (removed.values().stream().anyMatch(n -> n > 0)) {
            audit.record("system", "trade.purged", "trade_retention", today.toString(), null, removed);
        }
        return removed;
    }
}
