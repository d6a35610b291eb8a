package cn.wangjian.platform.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads of the registry: search by credit code, name, shop id or shop name; a subject with its shops. */
@Service
public class Registry {

    /** An enterprise or individual business as registered. */
    public record Enterprise(String creditCode, String name, String legalRep, String address, String regionCode,
                             String status, String kind) {
    }

    /** A shop on a platform. */
    public record Shop(String platformCode, String platformName, String shopId, String shopName,
                       String operatorCreditCode, String licenceInfo) {
    }

    private final JdbcClient jdbc;

    Registry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Enterprise> enterprise(String creditCode) {
        return jdbc.sql("SELECT * FROM enterprise WHERE credit_code = ?").param(creditCode.strip().toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> enterprise(rs)).optional();
    }

    /** Enterprises whose credit code is the query, or whose name contains it. */
    public List<Enterprise> searchEnterprises(String query, int limit) {
        return searchEnterprises(query, null, limit);
    }

    /**
     * Enterprises whose credit code is the query or whose name contains it (any when the query is blank), within
     * a region and its subtree when one is given (330000 = the province, 330100 = the city, 330102 = the district).
     */
    public List<Enterprise> searchEnterprises(String query, String region, int limit) {
        String q = query == null ? "" : query.strip();
        String prefix = region == null || region.isBlank() ? ""
                : new cn.wangjian.platform.identity.RegionCode(region.strip()).subtreePrefix();
        return jdbc.sql("""
                SELECT * FROM enterprise
                WHERE (:q = '' OR credit_code = upper(:q) OR name LIKE :like ESCAPE '\\' OR name LIKE :folded ESCAPE '\\')
                  AND (:prefix = '' OR region_code LIKE :prefix || '%')
                ORDER BY (credit_code = upper(:q)) DESC, length(name), name LIMIT :limit""")
                .params(Map.of("q", q, "like", "%" + escape(q) + "%", "prefix", prefix, "limit", limit,
                        "folded", "%" + escape(cn.wangjian.engine.registry.NameIndex.searchForm(q)) + "%"))
                .query((rs, n) -> enterprise(rs)).list();
    }

    /** A website, app or mini-program with its filings. */
    public record Website(String address, String kind, String name, String icpFiling, String publicSecurityFiling,
                          String operatorCreditCode) {
    }

    /** A licence with its validity. */
    public record Licence(String kind, String number, String holderCreditCode, java.time.LocalDate validFrom,
                          java.time.LocalDate validTo) {
    }

    /** Websites whose address or ICP filing contains the query (a domain, an app id, a filing number). */
    public List<Website> searchWebsites(String query, int limit) {
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("""
                SELECT * FROM website WHERE address LIKE :like ESCAPE '\\' OR lower(icp_filing) LIKE :like ESCAPE '\\'
                ORDER BY (address = :q) DESC, address LIMIT :limit""")
                .params(Map.of("q", q, "like", "%" + escape(q) + "%", "limit", limit))
                .query((rs, n) -> website(rs)).list();
    }

    public List<Website> websitesOf(String creditCode) {
        return jdbc.sql("SELECT * FROM website WHERE operator_credit_code = ? ORDER BY address").param(creditCode)
                .query((rs, n) -> website(rs)).list();
    }

    public List<Licence> licencesOf(String creditCode) {
        return jdbc.sql("SELECT * FROM licence WHERE holder_credit_code = ? ORDER BY kind, number").param(creditCode)
                .query((rs, n) -> new Licence(rs.getString("kind"), rs.getString("number"),
                        rs.getString("holder_credit_code"), rs.getObject("valid_from", java.time.LocalDate.class),
                        rs.getObject("valid_to", java.time.LocalDate.class))).list();
    }

    private static Website website(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Website(rs.getString("address"), rs.getString("kind"), rs.getString("name"),
                rs.getString("icp_filing"), rs.getString("public_security_filing"), rs.getString("operator_credit_code"));
    }

    /** Shops whose id is the query, or whose name contains it. */
    public List<Shop> searchShops(String query, int limit) {
        String q = query.strip();
        return jdbc.sql("""
                SELECT s.*, p.name AS platform_name FROM shop s JOIN platform p ON p.code = s.platform_code
                WHERE s.shop_id = :q OR s.shop_name LIKE :like ESCAPE '\\' ORDER BY s.shop_name LIMIT :limit""")
                .params(Map.of("q", q, "like", "%" + escape(q) + "%", "limit", limit))
                .query((rs, n) -> shop(rs)).list();
    }

    /** The code of the platform an organisation (a platform compliance user's) is: matched by code or name. */
    /** A registered platform's name. */
    public Optional<String> platformName(String code) {
        return jdbc.sql("SELECT name FROM platform WHERE code = ?").param(code).query(String.class).optional();
    }

    /** Every registered platform: code → name. */
    public Map<String, String> platforms() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT code, name FROM platform ORDER BY code").query(rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    public Optional<String> platformOf(String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT code FROM platform WHERE code = :o OR name = :o ORDER BY (code = :o) DESC LIMIT 1")
                .param("o", organisation.strip()).query(String.class).optional();
    }

    /** The shops with this id, on any platform (indexed: a lookup by id, not a search). */
    public List<Shop> shopsWithId(String shopId) {
        return jdbc.sql("""
                SELECT s.*, p.name AS platform_name FROM shop s JOIN platform p ON p.code = s.platform_code
                WHERE s.shop_id = ? ORDER BY s.platform_code""").param(shopId.strip())
                .query((rs, n) -> shop(rs)).list();
    }

    public List<Shop> shopsOf(String creditCode) {
        return jdbc.sql("""
                SELECT s.*, p.name AS platform_name FROM shop s JOIN platform p ON p.code = s.platform_code
                WHERE s.operator_credit_code = ? ORDER BY p.name, s.shop_name""").param(creditCode)
                .query((rs, n) -> shop(rs)).list();
    }

    /**
     * The region of the operator behind each shop ({@code SHOP:platform/shop}), website ({@code WEBSITE:address})
     * and licence ({@code LICENCE:kind number}), as the cross-checks name their subjects; null when unregistered.
     */
    public Map<String, String> subjectRegions() {
        Map<String, String> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT 'SHOP:' || s.platform_code || '/' || s.shop_id, e.region_code FROM shop s
                LEFT JOIN enterprise e ON e.credit_code = s.operator_credit_code
                UNION ALL
                SELECT 'WEBSITE:' || w.address, e.region_code FROM website w
                LEFT JOIN enterprise e ON e.credit_code = w.operator_credit_code
                UNION ALL
                SELECT 'LICENCE:' || l.kind || ' ' || l.number, e.region_code FROM licence l
                LEFT JOIN enterprise e ON e.credit_code = l.holder_credit_code""")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    /** The product categories of a platform's reported listings, in order. */
    public List<String> categories(String platformCode) {
        return jdbc.sql("SELECT DISTINCT category FROM listing WHERE platform_code = ? AND category IS NOT NULL"
                + " ORDER BY category").param(platformCode).query(String.class).list();
    }

    /** The shops of a platform with at least one reported listing in {@code category}. */
    public java.util.Set<String> shopsSelling(String platformCode, String category) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT shop_id FROM listing WHERE platform_code = ?"
                + " AND category = ?").params(platformCode, category).query(String.class).list());
    }

    /** A platform's shops and the day each opened (null when not reported), for checks of reported orders. */
    public Map<String, java.time.LocalDate> shopOpenings(String platformCode) {
        Map<String, java.time.LocalDate> out = new java.util.HashMap<>();
        jdbc.sql("SELECT shop_id, opened_on FROM shop WHERE platform_code = ?").param(platformCode).query(rs -> {
            java.sql.Date d = rs.getDate(2);
            out.put(rs.getString(1), d == null ? null : d.toLocalDate());
        });
        return out;
    }

    public Optional<Shop> shop(String platformCode, String shopId) {
        return jdbc.sql("""
                SELECT s.*, p.name AS platform_name FROM shop s JOIN platform p ON p.code = s.platform_code
                WHERE s.platform_code = ? AND s.shop_id = ?""").params(platformCode, shopId)
                .query((rs, n) -> shop(rs)).optional();
    }

    public Map<String, Long> counts() {
        return Map.of(
                "enterprises", jdbc.sql("SELECT count(*) FROM enterprise").query(Long.class).single(),
                "platforms", jdbc.sql("SELECT count(*) FROM platform").query(Long.class).single(),
                "shops", jdbc.sql("SELECT count(*) FROM shop").query(Long.class).single(),
                "websites", jdbc.sql("SELECT count(*) FROM website").query(Long.class).single(),
                "licences", jdbc.sql("SELECT count(*) FROM licence").query(Long.class).single(),
                "listings", jdbc.sql("SELECT count(*) FROM listing").query(Long.class).single());
    }

    private static Enterprise enterprise(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Enterprise(rs.getString("credit_code"), rs.getString("name"), rs.getString("legal_rep"),
                rs.getString("address"), rs.getString("region_code"), rs.getString("status"), rs.getString("kind"));
    }

    private static Shop shop(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Shop(rs.getString("platform_code"), rs.getString("platform_name"), rs.getString("shop_id"),
                rs.getString("shop_name"), rs.getString("operator_credit_code"), rs.getString("licence_info"));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
