package cn.wangjian.platform.identity;

import cn.wangjian.platform.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machines and scripts (decision 0020): 256 random bits shown once, stored as their SHA-256, acting
 * as their owner narrowed to the roles and API areas they name, expiring, revocable, checked against the database
 * on every request (a revocation or a disabled owner takes effect on the next call).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "wjt_";
    static final int MAX_DAYS = 365;
    static final int MAX_ACTIVE_PER_USER = 20;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserAccounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an accepted token stands for on one request. */
    record Bearer(CurrentUser user, Set<ApiArea> areas) {
        /**
         * {@code /api/me} and the API description are open to every token; a path of an area only to tokens of that
         * area; a path of no area has no handler (a test checks every handler's path has an area), so it passes on
         * to the API's 404.
         */
        boolean allows(String path) {
            if (path.equals("/api/me") || ApiTokenFilter.description(path)) {
                return true;
            }
            return ApiArea.ofPath(path).map(areas::contains).orElse(true);
        }
    }

    /**
     * Issues a token for {@code owner}: by the owner themselves (a personal token) or by an administrator (for a
     * system account, such as a platform's reporting system).
     */
    @Transactional
    public ApiToken.Issued issue(String owner, String name, Set<Role> roles, Set<ApiArea> areas, int days,
                                 CurrentUser issuer) {
        CurrentUser holder = accounts.find(owner)
                .orElseThrow(() -> new TokenRefusedException("字段 username：没有这个用户 (no such user)"));
        if (!holder.getUsername().equals(issuer.getUsername()) && !issuer.hasRole(Role.ADMIN)) {
            throw new TokenRefusedException("只能为自己签发令牌；为其他账号（如系统账号）签发需系统管理员 (only for yourself)");
        }
        if (!holder.isEnabled()) {
            throw new TokenRefusedException("字段 username：该账号已停用 (account disabled)");
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new TokenRefusedException("字段 name：请填写令牌用途，不超过100字 (name: 1-100 characters)");
        }
        if (roles == null || roles.isEmpty()) {
            throw new TokenRefusedException("字段 roles：至少选择一个角色 (roles: at least one)");
        }
        if (!holder.roles().containsAll(roles)) {
            throw new TokenRefusedException("字段 roles：令牌的角色只能是账号已有角色的子集 (roles must be the account's own)");
        }
        if (areas == null || areas.isEmpty()) {
            throw new TokenRefusedException("字段 areas：至少选择一个业务领域 (areas: at least one)");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new TokenRefusedException("字段 days：有效期为1至" + MAX_DAYS + "天 (days: 1-" + MAX_DAYS + ")");
        }
        Instant now = clock.instant();
        int active = jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?")
                .params(holder.id(), Timestamp.from(now)).query(Integer.class).single();
        if (active >= MAX_ACTIVE_PER_USER) {
            throw new TokenRefusedException("该账号已有" + active + "个有效令牌，请先吊销不用的令牌 (too many active tokens)");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String prefix = secret.substring(0, PREFIX.length() + 8);
        Instant expires = now.plus(Duration.ofDays(days));
        List<String> roleNames = roles.stream().map(Enum::name).sorted().toList();
        List<String> areaNames = areas.stream().map(Enum::name).sorted().toList();
        long id = jdbc.sql("""
                INSERT INTO api_token (user_id, name, prefix, token_sha256, roles, areas, created_at, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(holder.id(), label, prefix, sha256(secret), roleNames.toArray(String[]::new),
                        areaNames.toArray(String[]::new), Timestamp.from(now), issuer.getUsername(),
                        Timestamp.from(expires))
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("owner", holder.getUsername());
        after.put("name", label);
        after.put("prefix", prefix);
        after.put("roles", roleNames);
        after.put("areas", areaNames);
        after.put("expiresAt", expires.toString());
        audit.record(issuer.getUsername(), "api-token.issued", "api_token", Long.toString(id), null, after);
        return new ApiToken.Issued(find(id).orElseThrow(), secret);
    }

    /** Revokes a token: its owner or an administrator. Takes effect on the token's next request. */
    @Transactional
    public ApiToken revoke(long id, CurrentUser by) {
        ApiToken token = find(id).filter(t -> visible(t, by))
                .orElseThrow(() -> new TokenRefusedException("没有这个令牌 (no such token): " + id));
        if (token.revokedAt() != null) {
            throw new TokenRefusedException("该令牌已于 " + token.revokedAt() + " 吊销 (already revoked)");
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), by.getUsername(), id).update();
        audit.record(by.getUsername(), "api-token.revoked", "api_token", Long.toString(id),
                Map.of("state", token.state(now).name()), Map.of("state", ApiToken.State.REVOKED.name()));
        return find(id).orElseThrow();
    }

    /** The tokens a user may see: their own; an administrator sees every token. */
    public List<ApiToken> visibleTo(CurrentUser user) {
        if (user.hasRole(Role.ADMIN)) {
            return jdbc.sql(SELECT + "ORDER BY t.id DESC").query(ApiTokens::token).list();
        }
        return jdbc.sql(SELECT + "WHERE t.user_id = ? ORDER BY t.id DESC").param(user.id()).query(ApiTokens::token).list();
    }

    Optional<ApiToken> find(long id) {
        return jdbc.sql(SELECT + "WHERE t.id = ?").param(id).query(ApiTokens::token).optional();
    }

    /** Whether the token would be accepted now (for tests and scripts that keep a token). */
    public boolean accepts(String secret) {
        return authenticate(secret).isPresent();
    }

    /** The token's owner narrowed to the token's roles and areas, if the token is known, active and its owner enabled. */
    Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // one query for the token, its owner and the owner's current roles
        Optional<Row> row = jdbc.sql("""
                SELECT t.id, t.roles, t.areas, t.expires_at, t.revoked_at IS NOT NULL AS revoked, t.last_used_at,
                       u.id AS user_id, u.username, u.display_name, u.agency_code, u.region_code, u.organization,
                       u.enabled,
                       COALESCE((SELECT string_agg(r.role, ',') FROM user_role r WHERE r.user_id = u.id), '') AS owner_roles
                FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_sha256 = ?""")
                .param(sha256(secret))
                .query((rs, n) -> {
                    Set<Role> narrowed = UserAccounts.parseRoles(rs.getString("owner_roles"));
                    narrowed.retainAll(roles(rs.getArray("roles")));
                    CurrentUser acting = new CurrentUser(rs.getLong("user_id"), rs.getString("username"),
                            rs.getString("display_name"), null, rs.getString("agency_code"),
                            new RegionCode(rs.getString("region_code")), rs.getString("organization"), narrowed,
                            rs.getBoolean("enabled"));
                    return new Row(rs.getLong("id"), acting, areas(rs.getArray("areas")),
                            rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("revoked"),
                            instant(rs, "last_used_at"));
                })
                .optional();
        if (row.isEmpty() || row.get().revoked() || !now.isBefore(row.get().expiresAt())
                || !row.get().user().isEnabled()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (r.lastUsedAt() == null || r.lastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), r.id()).update();
        }
        return Optional.of(new Bearer(r.user(), r.areas()));
    }

    private record Row(long id, CurrentUser user, Set<ApiArea> areas, Instant expiresAt, boolean revoked,
                       Instant lastUsedAt) {
    }

    private static boolean visible(ApiToken t, CurrentUser user) {
        return user.hasRole(Role.ADMIN) || t.owner().equals(user.getUsername());
    }

    private static final String SELECT = """
            SELECT t.id, u.username, t.name, t.prefix, t.roles, t.areas, t.created_at, t.created_by, t.expires_at,
                   t.revoked_at, t.revoked_by, t.last_used_at
            FROM api_token t JOIN app_user u ON u.id = t.user_id
            """;

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"), rs.getString("prefix"),
                roles(rs.getArray("roles")), areas(rs.getArray("areas")), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                rs.getString("revoked_by"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Set<Role> roles(Array array) throws SQLException {
        return enums(array, Role.class);
    }

    private static Set<ApiArea> areas(Array array) throws SQLException {
        return enums(array, ApiArea.class);
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        Set<E> out = EnumSet.noneOf(type);
        for (Object o : (Object[]) array.getArray()) {
            out.add(Enum.valueOf(type, (String) o));
        }
        return out;
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
