package cn.wangjian.platform.identity;

import cn.wangjian.platform.audit.AuditLog;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their bureau and roles; the source of logins. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public java.util.Optional<CurrentUser> find(String username) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.password_hash, u.agency_code, u.region_code,
                       u.organization, u.enabled, COALESCE(string_agg(r.role, ','), '') AS roles
                FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id
                WHERE u.username = ?
                GROUP BY u.id""")
                .param(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT))
                .query((rs, n) -> new CurrentUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getString("agency_code"),
                        new RegionCode(rs.getString("region_code")), rs.getString("organization"),
                        parseRoles(rs.getString("roles")), rs.getBoolean("enabled")))
                .optional();
    }

    /** An officer as documents name them: the name and the enforcement certificate number (null if not entered). */
    public record Officer(String username, String name, String certificateNo) {
        public String printed() {
            return name + "（执法证号 " + (certificateNo == null ? "未登记" : certificateNo) + "）";
        }
    }

    public java.util.Optional<Officer> officer(String username) {
        return jdbc.sql("SELECT username, display_name, certificate_no FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> new Officer(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /**
     * The case officers of one bureau (agency and region) who may be put in charge of a case: enabled, with an
     * enforcement certificate on record; by name.
     */
    public List<Officer> certifiedOfficers(String agencyCode, RegionCode region) {
        return jdbc.sql("""
                SELECT u.username, u.display_name, u.certificate_no FROM app_user u
                JOIN user_role r ON r.user_id = u.id AND r.role = 'CASE_OFFICER'
                WHERE u.agency_code = ? AND u.region_code = ? AND u.enabled AND u.certificate_no IS NOT NULL
                ORDER BY u.display_name, u.username""")
                .params(agencyCode, region.value())
                .query((rs, n) -> new Officer(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Records an officer's enforcement certificate number (administrators). */
    @org.springframework.transaction.annotation.Transactional
    public void setCertificate(String username, String certificateNo, String actor) {
        if (certificateNo == null || !certificateNo.strip().matches("[0-9A-Za-z-]{6,32}")) {
            throw new IllegalArgumentException("字段 certificateNo：执法证号应为6-32位字母、数字或连字符 (certificate number)");
        }
        if (jdbc.sql("UPDATE app_user SET certificate_no = ? WHERE username = ?").params(certificateNo.strip(), username)
                .update() != 1) {
            throw new java.util.NoSuchElementException("没有这个用户 (no such user): " + username);
        }
        audit.record(actor, "user.certificate-set", "user", username, null, certificateNo.strip());
    }

    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
    }

    /** Creates a user; the creation is audited under {@code actor}. */
    @Transactional
    public long create(NewAccount account, String actor) {
        long id = jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, agency_code, region_code, organization)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(account.username(), account.displayName(), passwordEncoder.encode(account.password()),
                        account.agencyCode(), account.region().value(), account.organization())
                .query(Long.class).single();
        for (Role role : account.roles()) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", account.username());
        after.put("displayName", account.displayName());
        after.put("agency", account.agencyCode());
        after.put("region", account.region().value());
        after.put("organization", account.organization());
        after.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
        audit.record(actor, "user.created", "user", Long.toString(id), null, after);
        return id;
    }

    /**
     * Replaces a user's password after checking the current one.
     *
     * @return false when the current password is wrong
     */
    @Transactional
    public boolean changePassword(String username, String current, String replacement) {
        if (replacement == null || replacement.length() < 12) {
            throw new IllegalArgumentException("新密码至少12位 (password must have at least 12 characters)");
        }
        CurrentUser user = loadUserByUsername(username);
        if (!passwordEncoder.matches(current, user.getPassword())) {
            return false;
        }
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?")
                .params(passwordEncoder.encode(replacement), user.id()).update();
        // the audit records that the password changed, never the hashes
        audit.record(username, "user.password-changed", "user", Long.toString(user.id()), null,
                Map.of("passwordChanged", true));
        return true;
    }

    /** Every user, for the administrators' list. */
    public List<Map<String, Object>> list() {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name, a.short_name AS agency, u.region_code, r.name AS region_name,
                       u.organization, u.enabled, u.certificate_no,
                       COALESCE(string_agg(ur.role, ',' ORDER BY ur.role), '') AS roles
                FROM app_user u
                JOIN region r ON r.code = u.region_code
                LEFT JOIN agency a ON a.code = u.agency_code
                LEFT JOIN user_role ur ON ur.user_id = u.id
                GROUP BY u.id, a.short_name, r.name ORDER BY u.id""")
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("username", rs.getString("username"));
                    row.put("displayName", rs.getString("display_name"));
                    row.put("agency", rs.getString("agency"));
                    row.put("region", rs.getString("region_name") + "（" + rs.getString("region_code") + "）");
                    row.put("organization", rs.getString("organization"));
                    row.put("enabled", rs.getBoolean("enabled"));
                    Set<Role> roles = parseRoles(rs.getString("roles"));
                    row.put("roles", roles.stream().map(Role::label).toList());
                    row.put("caseOfficer", roles.contains(Role.CASE_OFFICER));
                    row.put("certificateNo", rs.getString("certificate_no"));
                    return row;
                }).list();
    }

    static Set<Role> parseRoles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : csv.split(",")) {
            if (!r.isBlank()) {
                roles.add(Role.valueOf(r));
            }
        }
        return roles;
    }
}
