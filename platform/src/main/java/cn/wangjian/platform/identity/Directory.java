package cn.wangjian.platform.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The agencies and the region tree, as loaded by the migrations. */
@Service
public class Directory {

    private static final RowMapper<Region> REGION = (rs, n) -> new Region(new RegionCode(rs.getString("code")),
            rs.getString("name"), rs.getString("parent_code") == null ? null : new RegionCode(rs.getString("parent_code")));

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Agency> agencies() {
        return jdbc.sql("SELECT code, name, short_name FROM agency ORDER BY sort_order")
                .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Agency code → short name, in the agencies' order (for tables and forms). */
    public java.util.Map<String, String> agencyShortNames() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Agency a : agencies()) {
            out.put(a.code(), a.shortName());
        }
        return out;
    }

    public Optional<Agency> agency(String code) {
        return jdbc.sql("SELECT code, name, short_name FROM agency WHERE code = ?").param(code)
                .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    public Optional<Region> region(String code) {
        return jdbc.sql("SELECT code, name, parent_code FROM region WHERE code = ?").param(code).query(REGION).optional();
    }

    public List<Region> children(RegionCode parent) {
        return jdbc.sql("SELECT code, name, parent_code FROM region WHERE parent_code = ? ORDER BY code")
                .param(parent.value()).query(REGION).list();
    }

    /**
     * The region and the regions up to {@code levels} below it, in tree order (each region followed by its own,
     * children by code), in one query: the lists people choose a region from.
     */
    public List<Region> withDescendants(RegionCode root, int levels) {
        return jdbc.sql("""
                WITH RECURSIVE t(code, name, parent_code, depth, path) AS (
                    SELECT code, name, parent_code, 0, ARRAY[code::text] FROM region WHERE code = ?
                    UNION ALL
                    SELECT r.code, r.name, r.parent_code, t.depth + 1, t.path || r.code::text
                    FROM region r JOIN t ON r.parent_code = t.code WHERE t.depth < ?
                )
                SELECT code, name, parent_code FROM t ORDER BY path""")
                .params(root.value(), levels).query(REGION).list();
    }

    /** The region and its ancestors joined, e.g. 北京市 市辖区 东城区. */
    public String fullName(RegionCode code) {
        return jdbc.sql("""
                WITH RECURSIVE up(code, name, parent_code, depth) AS (
                    SELECT code, name, parent_code, 0 FROM region WHERE code = ?
                    UNION ALL
                    SELECT r.code, r.name, r.parent_code, up.depth + 1 FROM region r JOIN up ON r.code = up.parent_code
                )
                SELECT string_agg(name, ' ' ORDER BY depth DESC) FROM up WHERE code <> '000000'""")
                .param(code.value()).query(String.class).optional()
                .filter(s -> !s.isBlank()).orElse("全国");
    }

    /** The display name of a bureau, e.g. 北京市 市辖区 东城区 市场监管. */
    public String bureauName(String agencyCode, RegionCode region) {
        String agency = agencyCode == null ? "" : agency(agencyCode).map(Agency::shortName).orElse(agencyCode);
        return (fullName(region) + " " + agency).trim();
    }
}
