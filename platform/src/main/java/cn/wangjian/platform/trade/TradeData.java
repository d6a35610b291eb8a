package cn.wangjian.platform.trade;

import cn.wangjian.engine.brushing.Order;
import cn.wangjian.engine.brushing.Parcel;
import cn.wangjian.engine.brushing.Review;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The reported transactions as the brushing detector reads them (engine records; buyers and addresses are the
 * platform's salted hashes, times in epoch seconds). Other areas read transactions only through this.
 */
@Service
public class TradeData {

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;

    TradeData(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * A platform's orders placed in [from, to), in no particular order, streamed from the database as one COPY
     * (inside the caller's transaction). The same buyer, shop or address is handed on as one string, so ten
     * million orders of a million buyers hold a million buyer strings, not ten million.
     */
    public void orders(String platform, Instant from, Instant to, Consumer<Order> sink) {
        java.util.Map<String, String> same = new java.util.HashMap<>(1 << 16);
        java.util.function.UnaryOperator<String> one = v -> v == null ? null : same.computeIfAbsent(v, k -> k);
        // COPY out is read as one stream of text rows (several times faster than a result set row by row); COPY
        // takes no parameters, so the values are literals: the platform code quoted, the instants in ISO form
        String sql = "COPY (SELECT order_id, buyer_hash, shop_id, item_id, extract(epoch FROM ordered_at)::bigint,"
                + " amount_cents, device_hash, address_hash FROM trade_order WHERE platform_code = "
                + literal(platform) + " AND ordered_at >= " + literal(from.toString()) + "::timestamptz"
                + " AND ordered_at < " + literal(to.toString()) + "::timestamptz) TO STDOUT";
        java.sql.Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
        String[] f = new String[8];
        try (var in = new org.postgresql.copy.PGCopyInputStream(c.unwrap(org.postgresql.PGConnection.class), sql);
             var text = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                     java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
            for (String line; (line = text.readLine()) != null; ) {
                copyFields(line, f);
                sink.accept(new Order(f[0], one.apply(f[1]), one.apply(f[2]), one.apply(f[3]), Long.parseLong(f[4]),
                        Long.parseLong(f[5]), null, one.apply(f[6]), one.apply(f[7])));
            }
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException("读取报送订单失败 (reading orders failed): " + e.getMessage(), e);
        } finally {
            org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * One row of COPY's text format into {@code out}: fields separated by tabs, {@code \N} for NULL, and backslash
     * escapes for a tab, a line break or a backslash inside a value (so a row is always one line).
     */
    static void copyFields(String line, String[] out) {
        int field = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == '\t') {
                String raw = line.substring(start, i);
                out[field++] = raw.equals("\\N") ? null : raw.indexOf('\\') < 0 ? raw : unescape(raw);
                start = i + 1;
                if (field == out.length) {
                    break;
                }
            }
        }
        if (field != out.length) {
            throw new IllegalStateException("COPY row with " + field + " fields, " + out.length + " expected");
        }
    }

    private static String unescape(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch != '\\' || i + 1 == raw.length()) {
                b.append(ch);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'v' -> b.append('\u000b');
                default -> b.append(next);       // \\ and any other escaped character stand for themselves
            }
        }
        return b.toString();
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The parcels of a platform's orders placed in [from, to). */
    public List<Parcel> parcels(String platform, Instant from, Instant to) {
        List<Parcel> out = new ArrayList<>();
        jdbc.sql("""
                SELECT p.tracking_no, p.carrier, p.order_id, o.buyer_hash, p.weight_grams, p.picked_up_at, p.signed_at,
                       p.pickup_place, p.sign_place
                FROM trade_parcel p JOIN trade_order o ON o.platform_code = p.platform_code AND o.order_id = p.order_id
                WHERE p.platform_code = ? AND o.ordered_at >= ? AND o.ordered_at < ?""")
                .params(platform, Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    int weight = rs.getObject(5) == null ? -1 : rs.getInt(5);
                    out.add(new Parcel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), weight,
                            seconds(rs.getTimestamp(6)), seconds(rs.getTimestamp(7)), rs.getString(8), rs.getString(9)));
                });
        return out;
    }

    /** A platform's reviews written in [from, to). */
    public List<Review> reviews(String platform, Instant from, Instant to) {
        List<Review> out = new ArrayList<>();
        jdbc.sql("""
                SELECT review_id, order_id, buyer_hash, shop_id, rating, reviewed_at, text, image_hashes
                FROM trade_review WHERE platform_code = ? AND reviewed_at >= ? AND reviewed_at < ?""")
                .params(platform, Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    List<String> images = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(8).getArray()) {
                        images.add((String) o);
                    }
                    out.add(new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getTimestamp(6).toInstant().getEpochSecond(), rs.getString(7), images));
                });
        return out;
    }

    /** The id of a platform's latest report of orders that stored at least one row (0 when none). */
    public long latestOrderReport(String platform) {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM trade_report WHERE platform_code = ? AND kind = 'ORDERS'"
                + " AND stored > 0").param(platform).query(Long.class).single();
    }

    private static long seconds(Timestamp t) {
        return t == null ? 0 : t.toInstant().getEpochSecond();
    }
}
