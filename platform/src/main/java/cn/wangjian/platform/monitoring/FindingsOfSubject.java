package cn.wangjian.platform.monitoring;

import cn.wangjian.platform.credit.SubjectFindings;
import cn.wangjian.platform.identity.DataScope;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The open and confirmed findings on a subject's shops (dismissed ones are left out), newest first. */
@Component
class FindingsOfSubject implements SubjectFindings {

    private final JdbcClient jdbc;

    FindingsOfSubject(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Finding> findings(List<ShopRef> shops, DataScope scope, int limit) {
        if (shops.isEmpty()) {
            return List.of();
        }
        String[] keys = shops.stream().map(s -> s.platformCode() + "\u0001" + s.shopId()).toArray(String[]::new);
        return jdbc.sql("SELECT id, title, law, article, status, found_at FROM finding WHERE status <> 'DISMISSED'"
                        + " AND platform_code || chr(1) || shop_id = ANY (:keys::text[]) AND "
                        + scope.sqlCondition("owner_agency", "owner_region") + " ORDER BY found_at DESC, id DESC LIMIT :limit")
                .params(scope.sqlParameters()).param("keys", "{" + String.join(",", java.util.Arrays.stream(keys)
                        .map(k -> "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}")
                .param("limit", limit)
                .query((rs, n) -> new Finding(rs.getLong("id"), rs.getString("title"), rs.getString("law"),
                        rs.getString("article"), rs.getString("status"), rs.getTimestamp("found_at").toInstant()))
                .list();
    }
}
