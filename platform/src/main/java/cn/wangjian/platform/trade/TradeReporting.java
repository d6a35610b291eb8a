package cn.wangjian.platform.trade;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.registry.Registry;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platforms' reports of orders, reviews and parcels (平台报送交易数据): read as a stream, checked row by row, staged
 * with COPY and merged into the tables by one statement, all inside one transaction. Idempotent: a row already held with the same content is counted as
 * unchanged and not rewritten, a row with changed content replaces the earlier one (a correction). All-or-nothing
 * by default (any rejected row: nothing is kept), or partial (the valid rows are kept and every rejected one is
 * listed). The report, its audit entry and its rows commit together, so a crash leaves nothing half-written.
 */
@Service
public class TradeReporting {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TradeReporting.class);

    public enum Mode {
        ALL_OR_NOTHING, PARTIAL;

        public static Mode ofParameter(String s) {
            return "partial".equalsIgnoreCase(s) ? PARTIAL : ALL_OR_NOTHING;
        }
    }

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;
    private final TransactionTemplate tx;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TradeReporting(JdbcClient jdbc, javax.sql.DataSource dataSource, TransactionTemplate tx, Registry registry,
                   AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * One kind's staging table, the columns a checked row gives (as COPY CSV fields, null for SQL NULL), and the
     * statement that moves the staged rows into the table: new rows inserted, changed rows replaced, unchanged rows
     * left alone; it returns how many were written.
     */
    private record Writer<T>(String stage, List<String> columns, String merge, Function<T, List<String>> fields,
                             String table) {
        /** The columns as COPY writes them: the platform and the report first, then the row's own. */
        String copyColumns() {
            return "platform_code, report_id, " + String.join(", ", columns);
        }
    }

    private static final Writer<TradeChecks.OrderRow> ORDERS = new Writer<>("""
            CREATE TEMP TABLE trade_stage (platform_code TEXT, report_id BIGINT, order_id TEXT, buyer_hash TEXT, shop_id TEXT, item_id TEXT,
                ordered_at TIMESTAMPTZ, amount_cents BIGINT, payment_hash TEXT, address_hash TEXT, device_hash TEXT,
                parcel_no TEXT) ON COMMIT DROP""",
            List.of("order_id", "buyer_hash", "shop_id", "item_id", "ordered_at", "amount_cents", "payment_hash",
                    "address_hash", "device_hash", "parcel_no"), """
            WITH written AS (
              INSERT INTO trade_order AS t (platform_code, order_id, buyer_hash, shop_id, item_id, ordered_at,
                                            amount_cents, payment_hash, address_hash, device_hash, parcel_no, report_id)
              SELECT :platform, order_id, buyer_hash, shop_id, item_id, ordered_at, amount_cents, payment_hash,
                     address_hash, device_hash, parcel_no, :report FROM trade_stage
              ON CONFLICT (platform_code, order_id) DO UPDATE SET buyer_hash = EXCLUDED.buyer_hash,
                  shop_id = EXCLUDED.shop_id, item_id = EXCLUDED.item_id, ordered_at = EXCLUDED.ordered_at,
                  amount_cents = EXCLUDED.amount_cents, payment_hash = EXCLUDED.payment_hash,
                  address_hash = EXCLUDED.address_hash, device_hash = EXCLUDED.device_hash,
                  parcel_no = EXCLUDED.parcel_no, report_id = EXCLUDED.report_id
              WHERE (t.buyer_hash, t.shop_id, t.item_id, t.ordered_at, t.amount_cents, t.payment_hash, t.address_hash,
                     t.device_hash, t.parcel_no)
                    IS DISTINCT FROM (EXCLUDED.buyer_hash, EXCLUDED.shop_id, EXCLUDED.item_id, EXCLUDED.ordered_at,
                     EXCLUDED.amount_cents, EXCLUDED.payment_hash, EXCLUDED.address_hash, EXCLUDED.device_hash,
                     EXCLUDED.parcel_no)
              RETURNING 1)
            SELECT count(*) FROM written""",
            o -> java.util.Arrays.asList(o.orderId(), o.buyerHash(), o.shopId(), o.itemId(), o.orderedAt().toString(),
                    Long.toString(o.amountCents()), o.paymentHash(), o.addressHash(), o.deviceHash(), o.parcelNo()),
            "trade_order");

    private static final Writer<TradeChecks.ReviewRow> REVIEWS = new Writer<>("""
            CREATE TEMP TABLE trade_stage (platform_code TEXT, report_id BIGINT, review_id TEXT, order_id TEXT, buyer_hash TEXT, shop_id TEXT,
                rating SMALLINT, reviewed_at TIMESTAMPTZ, text TEXT, image_hashes TEXT[]) ON COMMIT DROP""",
            List.of("review_id", "order_id", "buyer_hash", "shop_id", "rating", "reviewed_at", "text", "image_hashes"),
            """
            WITH written AS (
              INSERT INTO trade_review AS t (platform_code, review_id, order_id, buyer_hash, shop_id, rating,
                                             reviewed_at, text, image_hashes, report_id)
              SELECT :platform, review_id, order_id, buyer_hash, shop_id, rating, reviewed_at, text, image_hashes,
                     :report FROM trade_stage
              ON CONFLICT (platform_code, review_id) DO UPDATE SET order_id = EXCLUDED.order_id,
                  buyer_hash = EXCLUDED.buyer_hash, shop_id = EXCLUDED.shop_id, rating = EXCLUDED.rating,
                  reviewed_at = EXCLUDED.reviewed_at, text = EXCLUDED.text, image_hashes = EXCLUDED.image_hashes,
                  report_id = EXCLUDED.report_id
              WHERE (t.order_id, t.buyer_hash, t.shop_id, t.rating, t.reviewed_at, t.text, t.image_hashes)
                    IS DISTINCT FROM (EXCLUDED.order_id, EXCLUDED.buyer_hash, EXCLUDED.shop_id, EXCLUDED.rating,
                     EXCLUDED.reviewed_at, EXCLUDED.text, EXCLUDED.image_hashes)
              RETURNING 1)
            SELECT count(*) FROM written""",
            r -> java.util.Arrays.asList(r.reviewId(), r.orderId(), r.buyerHash(), r.shopId(),
                    Integer.toString(r.rating()), r.reviewedAt().toString(), r.text(),
                    "{" + String.join(",", r.imageHashes()) + "}"), "trade_review");

    private static final Writer<TradeChecks.ParcelRow> PARCELS = new Writer<>("""
            CREATE TEMP TABLE trade_stage (platform_code TEXT, report_id BIGINT, carrier TEXT, tracking_no TEXT, order_id TEXT, weight_grams INT,
                picked_up_at TIMESTAMPTZ, signed_at TIMESTAMPTZ, pickup_place TEXT, sign_place TEXT) ON COMMIT DROP""",
            List.of("carrier", "tracking_no", "order_id", "weight_grams", "picked_up_at", "signed_at", "pickup_place",
                    "sign_place"), """
            WITH written AS (
              INSERT INTO trade_parcel AS t (platform_code, carrier, tracking_no, order_id, weight_grams, picked_up_at,
                                             signed_at, pickup_place, sign_place, report_id)
              SELECT :platform, carrier, tracking_no, order_id, weight_grams, picked_up_at, signed_at, pickup_place,
                     sign_place, :report FROM trade_stage
              ON CONFLICT (platform_code, carrier, tracking_no) DO UPDATE SET order_id = EXCLUDED.order_id,
                  weight_grams = EXCLUDED.weight_grams, picked_up_at = EXCLUDED.picked_up_at,
                  signed_at = EXCLUDED.signed_at, pickup_place = EXCLUDED.pickup_place,
                  sign_place = EXCLUDED.sign_place, report_id = EXCLUDED.report_id
              WHERE (t.order_id, t.weight_grams, t.picked_up_at, t.signed_at, t.pickup_place, t.sign_place)
                    IS DISTINCT FROM (EXCLUDED.order_id, EXCLUDED.weight_grams, EXCLUDED.picked_up_at,
                     EXCLUDED.signed_at, EXCLUDED.pickup_place, EXCLUDED.sign_place)
              RETURNING 1)
            SELECT count(*) FROM written""",
            p -> java.util.Arrays.asList(p.carrier(), p.trackingNo(), p.orderId(),
                    p.weightGrams() == null ? null : Integer.toString(p.weightGrams()),
                    p.pickedUpAt() == null ? null : p.pickedUpAt().toString(),
                    p.signedAt() == null ? null : p.signedAt().toString(), p.pickupPlace(), p.signPlace()),
            "trade_parcel");

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
            long reading = System.nanoTime();
            Object savepoint = status.createSavepoint();
            Stage<T> stage = new Stage<>(writer, platform, reportId);
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
                        stage.add(checked);
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
            } catch (RuntimeException e) {
                stage.cancel();               // the connection must leave COPY before the transaction rolls back
                throw e;
            }
            if (mode == Mode.ALL_OR_NOTHING && !rejected.isEmpty()) {
                stage.cancel();
                status.setRollbackOnly();
                return null;
            }
            long merging = System.nanoTime();
            long staged;
            int stored;
            if (stage.finishDirect()) {
                staged = stage.rows();
                stored = (int) staged;
                status.releaseSavepoint(savepoint);
            } else {
                // a key already held (a row sent again, or corrected): the whole report is merged instead
                status.rollbackToSavepoint(savepoint);
                jdbc.sql(writer.stage()).update();
                staged = stage.stageSpooled();
                stored = jdbc.sql(writer.merge()).param("platform", platform).param("report", reportId)
                        .query(Integer.class).single();
                jdbc.sql("DROP TABLE trade_stage").update();
            }
            log.info("平台 {} 报送{} {} 行：读取、检查并写入 {} ms，收尾 {} ms (report {})", platform, kind.label(), counts[0],
                    (merging - reading) / 1_000_000, (System.nanoTime() - merging) / 1_000_000, reportId);
            counts[1] = stored;
            counts[2] = (int) staged - stored;
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

    /**
     * The checked rows on their way into the table: COPY in CSV, a megabyte at a time, on the connection of the
     * current transaction, straight into the kind's table, so that the database writes while the next rows are read
     * and checked. The same bytes go to a spool file: should a key already be held (the COPY fails with a unique
     * violation), the transaction returns to its savepoint and the spooled rows are staged and merged instead.
     */
    private final class Stage<T> {
        private static final String UNIQUE_VIOLATION = "23505";
        private final Writer<T> writer;
        private final String prefix;
        private final StringBuilder buffer = new StringBuilder(1 << 20);
        private final java.nio.file.Path spoolFile;
        private final java.io.OutputStream spool;
        private org.postgresql.copy.CopyIn copy;
        private java.sql.SQLException failed;
        private long rows;

        Stage(Writer<T> writer, String platform, long reportId) {
            this.writer = writer;
            this.prefix = quoted(platform) + "," + reportId;
            try {
                spoolFile = java.nio.file.Files.createTempFile("wangjian-report-", ".csv");
                spool = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(spoolFile), 1 << 16);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        long rows() {
            return rows;
        }

        void add(T row) {
            List<String> fields = writer.fields().apply(row);
            buffer.append(prefix);
            for (String f : fields) {
                buffer.append(',');
                if (f != null) {
                    // quoted: an empty string stays an empty string, NULL is the unquoted empty field
                    buffer.append(quoted(f));
                }
            }
            buffer.append('\n');
            rows++;
            if (buffer.length() >= 1 << 20) {
                flush();
            }
        }

        /** Ends the direct COPY: true when every row is in the table, false when a key was already held. */
        boolean finishDirect() {
            flush();
            closeSpool();
            if (failed == null && copy != null) {
                try {
                    copy.endCopy();
                } catch (java.sql.SQLException e) {
                    failed = e;
                }
            }
            if (failed == null) {
                deleteSpool();
                return true;
            }
            if (!UNIQUE_VIOLATION.equals(failed.getSQLState())) {
                deleteSpool();
                throw new IllegalStateException("写入报送数据失败 (writing failed): " + failed.getMessage(), failed);
            }
            return false;
        }

        /** Copies the spooled rows into the staging table; their count. */
        long stageSpooled() {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(spoolFile)) {
                java.sql.Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
                return c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY trade_stage ("
                        + writer.copyColumns() + ") FROM STDIN WITH (FORMAT csv)", in);
            } catch (java.sql.SQLException | IOException e) {
                throw new IllegalStateException("暂存报送数据失败 (staging failed): " + e.getMessage(), e);
            } finally {
                deleteSpool();
            }
        }

        /** Abandons the rows (the report keeps nothing). */
        void cancel() {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (java.sql.SQLException e) {
                    // the transaction rolls back in any case
                }
            }
            closeSpool();
            deleteSpool();
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                spool.write(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (failed != null) {
                return;                          // the spool alone goes on
            }
            try {
                if (copy == null) {
                    java.sql.Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
                    copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
                            "COPY " + writer.table() + " (" + writer.copyColumns() + ") FROM STDIN WITH (FORMAT csv)");
                }
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (java.sql.SQLException e) {
                failed = e;
                if (copy != null && copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (java.sql.SQLException ignored) {
                        // the COPY has failed already; the savepoint undoes it
                    }
                }
            }
        }

        private void closeSpool() {
            try {
                spool.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void deleteSpool() {
            try {
                java.nio.file.Files.deleteIfExists(spoolFile);
            } catch (IOException e) {
                log.warn("无法删除临时文件 {} (cannot delete a spool file)", spoolFile);
            }
        }

        private static String quoted(String f) {
            return "\"" + f.replace("\"", "\"\"") + "\"";
        }
    }

    /** A platform's transaction report as recorded: kind, rows read, stored, unchanged, rejected, by whom, when. */
    public record Reported(TradeKind kind, int rows, int stored, int unchanged, int rejected, String reportedBy,
                           Instant reportedAt) {
    }

    /** The platform's latest transaction reports (those that were stored; a refused all-or-nothing one leaves none). */
    public List<Reported> recent(String platform, int limit) {
        return jdbc.sql("""
                SELECT kind, rows_total, stored, unchanged, rejected, reported_by, reported_at FROM trade_report
                WHERE platform_code = ? ORDER BY reported_at DESC, id DESC LIMIT ?""")
                .params(platform, Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new Reported(TradeKind.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }
}
