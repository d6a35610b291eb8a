package cn.wangjian.platform.registry;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The listings platforms reported, for the monitoring area: streamed by scope (platforms, product categories,
 * the operator's region) with a server-side cursor, so a million listings never sit in memory at once.
 */
@Service
public class Listings {

    /**
     * Which listings: empty sets mean all; regions are GB/T 2260 prefixes of the operator's region code; operators,
     * when given, are the shops' operators' credit codes.
     */
    public record Scope(Set<String> platforms, Set<String> categories, Set<String> regions, Set<String> operators) {
        public Scope {
            platforms = Set.copyOf(platforms);
            categories = Set.copyOf(categories);
            regions = Set.copyOf(regions);
            operators = Set.copyOf(operators);
        }

        public Scope(Set<String> platforms, Set<String> categories, Set<String> regions) {
            this(platforms, categories, regions, Set.of());
        }

        public static final Scope ALL = new Scope(Set.of(), Set.of(), Set.of());
    }

    /** A listing as reported, with its shop's name and its operator's region. */
    public record Listing(String platformCode, String listingId, String shopId, String shopName, String category,
                          String title, String description, String url, BigDecimal originalPrice,
                          BigDecimal homePrice, String prices, String contentSha256, Instant reportedAt,
                          String operatorCreditCode, String regionCode) {
    }

    private static final int FETCH = 2_000;
    private static final String SELECT = """
            SELECT l.platform_code, l.listing_id, l.shop_id, s.shop_name, l.category, l.title, l.description,
                   l.url, l.original_price, l.home_price, l.prices, l.content_sha256, l.updated_at,
                   s.operator_credit_code, e.region_code
            FROM listing l
            JOIN shop s ON s.platform_code = l.platform_code AND s.shop_id = l.shop_id
            LEFT JOIN enterprise e ON e.credit_code = s.operator_credit_code
            """;

    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    Listings(DataSource dataSource, TransactionTemplate tx, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /** Every listing in scope, in key order; returns how many. */
    public long forEach(Scope scope, Consumer<Listing> sink) {
        return tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            List<String> regionPatterns = new ArrayList<>();
            for (String r : scope.regions()) {
                regionPatterns.add(new cn.wangjian.platform.identity.RegionCode(r).subtreePrefix() + "%");
            }
            String sql = SELECT + """
                    WHERE l.removed_at IS NULL
                      AND (cardinality(?::text[]) = 0 OR l.platform_code = ANY (?::text[]))
                      AND (cardinality(?::text[]) = 0 OR l.category = ANY (?::text[]))
                      AND (cardinality(?::text[]) = 0 OR e.region_code LIKE ANY (?::text[]))
                      AND (cardinality(?::text[]) = 0 OR s.operator_credit_code = ANY (?::text[]))
                    ORDER BY l.platform_code, l.listing_id""";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Array platforms = c.createArrayOf("text", scope.platforms().toArray());
                Array categories = c.createArrayOf("text", scope.categories().toArray());
                Array regions = c.createArrayOf("text", regionPatterns.toArray());
                ps.setArray(1, platforms);
                ps.setArray(2, platforms);
                ps.setArray(3, categories);
                ps.setArray(4, categories);
                ps.setArray(5, regions);
                ps.setArray(6, regions);
                Array operators = c.createArrayOf("text", scope.operators().toArray());
                ps.setArray(7, operators);
                ps.setArray(8, operators);
                ps.setFetchSize(FETCH);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(listing(rs));
                        n++;
                    }
                }
                return n;
            } catch (SQLException e) {
                throw new IllegalStateException("读取商品信息失败 (cannot read listings): " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
    }

    /**
     * A listing as the feed carries it: the canonical record as reported, when, and the shop's operator and that
     * operator's region as the registry knows them (for the listing checks that depend on the seller).
     */
    public record Reported(String content, Instant reportedAt, String operatorCreditCode, String operatorRegion) {
    }

    /**
     * Every listing of the registry reported at or after {@code since} (null: all) and not reported removed, as
     * reported, in key order; how many.
     */
    public long forEachReported(Instant since, Consumer<Reported> sink) {
        return tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT l.content, l.updated_at, s.operator_credit_code, e.region_code FROM listing l
                    JOIN shop s ON s.platform_code = l.platform_code AND s.shop_id = l.shop_id
                    LEFT JOIN enterprise e ON e.credit_code = s.operator_credit_code
                    WHERE l.updated_at >= ? AND l.removed_at IS NULL
                    ORDER BY l.platform_code, l.listing_id""")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(since == null ? Instant.EPOCH : since));
                ps.setFetchSize(FETCH);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Reported(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4)));
                        n++;
                    }
                }
                return n;
            } catch (SQLException e) {
                throw new IllegalStateException("读取商品信息失败 (cannot read listings): " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
    }

    /** The canonical record as reported (the evidence of what the platform reported). */
    public Optional<String> content(String platformCode, String listingId) {
        return jdbc.sql("SELECT content FROM listing WHERE platform_code = ? AND listing_id = ?")
                .params(platformCode, listingId).query(String.class).optional();
    }

    public Optional<Listing> find(String platformCode, String listingId) {
        return jdbc.sql(SELECT + " WHERE l.platform_code = ? AND l.listing_id = ?").params(platformCode, listingId)
                .query((rs, n) -> listing(rs)).optional();
    }

    /** A listing the platform reported removed (下架): when, by whom, with its note. */
    public record Removal(String platformCode, String listingId, Instant removedAt, String removedBy, String note) {
    }

    public Optional<Removal> removal(String platformCode, String listingId) {
        return jdbc.sql("""
                SELECT platform_code, listing_id, removed_at, removed_by, removal_note FROM listing
                WHERE platform_code = ? AND listing_id = ? AND removed_at IS NOT NULL""")
                .params(platformCode, listingId).query((rs, n) -> new Removal(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5))).optional();
    }

    /** The ids of a shop's listings not reported removed. */
    public List<String> activeOfShop(String platformCode, String shopId) {
        return jdbc.sql("""
                SELECT listing_id FROM listing WHERE platform_code = ? AND shop_id = ? AND removed_at IS NULL
                ORDER BY listing_id LIMIT 10000""").params(platformCode, shopId).query(String.class).list();
    }

    /** Unknown listing ids refuse the whole report. */
    public static final class UnknownListings extends RuntimeException {
        private final transient List<String> ids;

        UnknownListings(List<String> ids) {
            super("平台未报送过这些商品 (unknown listings): " + String.join(", ", ids));
            this.ids = List.copyOf(ids);
        }

        public List<String> ids() {
            return ids;
        }
    }

    /**
     * The platform reports these of its listings removed, all or none; returns how many were newly marked (a listing
     * already removed keeps its first removal).
     */
    @org.springframework.transaction.annotation.Transactional
    public int remove(String platformCode, List<String> listingIds, String note, Instant at, String actor) {
        List<String> known = jdbc.sql("SELECT listing_id FROM listing WHERE platform_code = ? AND listing_id = ANY (?)")
                .params(platformCode, listingIds.toArray(String[]::new)).query(String.class).list();
        List<String> unknown = listingIds.stream().filter(id -> !known.contains(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownListings(unknown);
        }
        return jdbc.sql("""
                UPDATE listing SET removed_at = ?, removed_by = ?, removal_note = ?
                WHERE platform_code = ? AND listing_id = ANY (?) AND removed_at IS NULL""")
                .params(java.sql.Timestamp.from(at), actor, note, platformCode, listingIds.toArray(String[]::new))
                .update();
    }

    private static Listing listing(ResultSet rs) throws SQLException {
        return new Listing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14),
                rs.getString(15));
    }
}
