package cn.wangjian.platform.trade;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.registry.Registry;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platforms' reports of orders, reviews and parcels (平台报送交易数据): read as a stream, checked row by row, written a
 * batch at a time inside one transaction. Idempotent: a row already held with the same content is counted as
 * unchanged and not rewritten, a row with changed content replaces the earlier one (a correction). All-or-nothing
 * by default (any rejected row: nothing is kept), or partial (the valid rows are kept and every rejected one is
 * listed). The report, its audit entry and its rows commit together, so a crash leaves nothing half-written.
 */
@Service
public class TradeReporting {

    public enum Mode {
        ALL_OR_NOTHING, PARTIAL;

        public static Mode ofParameter(String s) {
            return "partial".equalsIgnoreCase(s) ? PARTIAL : ALL_OR_NOTHING;
        }
    }

    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final TransactionTemplate tx;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TradeReporting(JdbcClient jdbc, JdbcTemplate batchJdbc, TransactionTemplate tx, Registry registry, AuditLog audit,
                   Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.tx = tx;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** One kind's statement and how a checked row fills it. */
    private record Writer<T>(String sql, int reportIdSlot, ParameterizedPreparedStatementSetter<T> setter) {
    }

    private static final Writer<TradeChecks.OrderRow> ORDERS = new Writer<>("""
            INSERT INTO trade_order AS t (platform_code, order_id, buyer_hash, shop_id, item_id, ordered_at, amount_cents,
                                          payment_hash, address_hash, device_hash, parcel_no, report_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform_code, order_id) DO UPDATE SET buyer_hash = EXCLUDED.buyer_hash,
                shop_id = EXCLUDED.shop_id, item_id = EXCLUDED.item_id, ordered_at = EXCLUDED.ordered_at,
                amount_cents = EXCLUDED.amount_cents, payment_hash = EXCLUDED.payment_hash,
                address_hash = EXCLUDED.address_hash, device_hash = EXCLUDED.device_hash,
                parcel_no = EXCLUDED.parcel_no, report_id = EXCLUDED.report_id
            WHERE (t.buyer_hash, t.shop_id, t.item_id, t.ordered_at, t.amount_cents, t.payment_hash, t.address_hash,
                   t.device_hash, t.parcel_no)
                  IS DISTINCT FROM (EXCLUDED.buyer_hash, EXCLUDED.shop_id, EXCLUDED.item_id, EXCLUDED.ordered_at,
                   EXCLUDED.amount_cents, EXCLUDED.payment_hash, EXCLUDED.address_hash, EXCLUDED.device_hash,
                   EXCLUDED.parcel_no)""", 12, (ps, o) -> {
        ps.setString(2, o.orderId());
        ps.setString(3, o.buyerHash());
        ps.setString(4, o.shopId());
        ps.setString(5, o.itemId());
        ps.setTimestamp(6, Timestamp.from(o.orderedAt()));
        ps.setLong(7, o.amountCents());
        ps.setString(8, o.paymentHash());
        ps.setString(9, o.addressHash());
        ps.setString(10, o.deviceHash());
        ps.setString(11, o.parcelNo());
    });

    private static final Writer<TradeChecks.ReviewRow> REVIEWS = new Writer<>("""
            INSERT INTO trade_review AS t (platform_code, review_id, order_id, buyer_hash, shop_id, rating, reviewed_at,
                                           text, image_hashes, report_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform_code, review_id) DO UPDATE SET order_id = EXCLUDED.order_id,
                buyer_hash = EXCLUDED.buyer_hash, shop_id = EXCLUDED.shop_id, rating = EXCLUDED.rating,
                reviewed_at = EXCLUDED.reviewed_at, text = EXCLUDED.text, image_hashes = EXCLUDED.image_hashes,
                report_id = EXCLUDED.report_id
            WHERE (t.order_id, t.buyer_hash, t.shop_id, t.rating, t.reviewed_at, t.text, t.image_hashes)
                  IS DISTINCT FROM (EXCLUDED.order_id, EXCLUDED.buyer_hash, EXCLUDED.shop_id, EXCLUDED.rating,
                   EXCLUDED.reviewed_at, EXCLUDED.text, EXCLUDED.image_hashes)""", 10, (ps, r) -> {
        ps.setString(2, r.reviewId());
        ps.setString(3, r.orderId());
        ps.setString(4, r.buyerHash());
        ps.setString(5, r.shopId());
        ps.setInt(6, r.rating());
        ps.setTimestamp(7, Timestamp.from(r.reviewedAt()));
        ps.setString(8, r.text());
        ps.setArray(9, ps.getConnection().createArrayOf("text", r.imageHashes().toArray()));
    });

    private static final Writer<TradeChecks.ParcelRow> PARCELS = new Writer<>("""
            INSERT INTO trade_parcel AS t (platform_code, carrier, tracking_no, order_id, weight_grams, picked_up_at,
                                           signed_at, pickup_place, sign_place, report_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform_code, carrier, tracking_no) DO UPDATE SET order_id = EXCLUDED.order_id,
                weight_grams = EXCLUDED.weight_grams, picked_up_at = EXCLUDED.picked_up_at,
                signed_at = EXCLUDED.signed_at, pickup_place = EXCLUDED.pickup_place, sign_place = EXCLUDED.sign_place,
                report_id = EXCLUDED.report_id
            WHERE (t.order_id, t.weight_grams, t.picked_up_at, t.signed_at, t.pickup_place, t.sign_place)
                  IS DISTINCT FROM (EXCLUDED.order_id, EXCLUDED.weight_grams, EXCLUDED.picked_up_at, EXCLUDED.signed_at,
                   EXCLUDED.pickup_place, EXCLUDED.sign_place)""", 10, (ps, p) -> {
        ps.setString(2, p.carrier());
        ps.setString(3, p.trackingNo());
        ps.setString(4, p.orderId());
        if (p.weightGrams() == null) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setInt(5, p.weightGrams());
        }
        ps.setTimestamp(6, p.pickedUpAt() == null ? null : Timestamp.from(p.pickedUpAt()));
        ps.setTimestamp(7, p.signedAt() == null ? null : Timestamp.from(p.signedAt()));
        ps.setString(8, p.pickupPlace());
        ps.setString(9, p.signPlace());
    });

    /** Reports one kind of transaction data for {@code platform} (the reporting user's own platform). */
    public TradeReport report(String platform, TradeKind kind, BufferedReader body, Mode mode, String actor) {
        return switch (kind) {
            case ORDERS -> report(platform, kind, body, mode, actor, ORDERS, c -> c::order,
                    o -> o.orderId());
            case REVIEWS -> report(platform, kind, body, mode, actor, REVIEWS, c -> c::review,
                    r -> r.reviewId());
            case PARCELS -> report(platform, kind, body, mode, actor, PARCELS, c -> c::parcel,
                    p -> p.carrier() + "\u0000" + p.trackingNo());
        };
    }

    private <T> TradeReport report(String platform, TradeKind kind, BufferedReader body, Mode mode, String actor,
                                   Writer<T> writer, Function<TradeChecks, Function<TradeRows.Row, T>> checkOf,
                                   Function<T, String> keyOf) {
        Instant now = clock.instant();
        List<TradeReport.Rejected> rejected = new ArrayList<>();
        int[] counts = new int[3];                   // rows read, stored, unchanged
        Long id = tx.execute(status -> {
            long reportId = jdbc.sql("""
                    INSERT INTO trade_report (platform_code, kind, mode, rows_total, stored, unchanged, rejected,
                                              reported_by, reported_at) VALUES (?, ?, ?, 0, 0, 0, 0, ?, ?) RETURNING id""")
                    .params(platform, kind.name(), mode.name(), actor, Timestamp.from(now)).query(Long.class).single();
            Function<TradeRows.Row, T> check = checkOf.apply(new TradeChecks(platform, registry.shopOpenings(platform), now));
            Map<String, Long> seen = new HashMap<>();
            List<T> batch = new ArrayList<>(BATCH);
            try {
                TradeRows.read(body, row -> {
                    counts[0]++;
                    try {
                        T checked = check.apply(row);
                        Long earlier = seen.putIfAbsent(keyOf.apply(checked), row.line());
                        if (earlier != null) {
                            throw new RowRejected("与第 " + earlier + " 行重复 (duplicate of line " + earlier + ")");
                        }
                        if (mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
                            return;                  // nothing will be kept: check the rest, write no more
                        }
                        batch.add(checked);
                        if (batch.size() >= BATCH) {
                            write(writer, batch, platform, reportId, counts);
                        }
                    } catch (RowRejected e) {
                        rejected.add(new TradeReport.Rejected(row.line(), e.getMessage()));
                    }
                }, r -> {
                    counts[0]++;
                    rejected.add(r);
                });
            } catch (IOException e) {
                rejected.add(new TradeReport.Rejected(counts[0] + 1, "无法读取报送内容 (cannot read the body): "
                        + e.getMessage()));
            }
            if (mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
                status.setRollbackOnly();
                return null;
            }
            write(writer, batch, platform, reportId, counts);
            jdbc.sql("UPDATE trade_report SET rows_total = ?, stored = ?, unchanged = ?, rejected = ? WHERE id = ?")
                    .params(counts[0], counts[1], counts[2], rejected.size(), reportId).update();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("platform", platform);
            after.put("kind", kind.name());
            after.put("rows", counts[0]);
            after.put("stored", counts[1]);
            after.put("unchanged", counts[2]);
            after.put("rejected", rejected.size());
            audit.record(actor, "trade.reported", "trade_report", Long.toString(reportId), null, after);
            events.publishEvent(new TradeReported(reportId, platform, kind, counts[1], counts[2], rejected.size(),
                    actor, now));
            return reportId;
        });
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new TradeReport(id == null ? 0 : id, kind, mode.name(), counts[0], id == null ? 0 : counts[1],
                id == null ? 0 : counts[2], rejected, id != null);
    }

    private <T> void write(Writer<T> writer, List<T> batch, String platform, long reportId, int[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        int[][] written = batchJdbc.batchUpdate(writer.sql(), batch, BATCH, (PreparedStatement ps, T row) -> {
            ps.setString(1, platform);
            writer.setter().setValues(ps, row);
            ps.setLong(writer.reportIdSlot(), reportId);
        });
        for (int[] chunk : written) {
            for (int n : chunk) {
                if (n > 0) {
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            }
        }
        batch.clear();
    }

    /** Rows held for a platform (for the platform's own check and for tests). */
    public Map<TradeKind, Long> held(String platform) {
        Map<TradeKind, Long> out = new LinkedHashMap<>();
        out.put(TradeKind.ORDERS, count("trade_order", platform));
        out.put(TradeKind.REVIEWS, count("trade_review", platform));
        out.put(TradeKind.PARCELS, count("trade_parcel", platform));
        return out;
    }

    private long count(String table, String platform) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE platform_code = ?").param(platform)
                .query(Long.class).single();
    }

}
