package cn.wangjian.platform.identity;

import java.util.Set;

/** What it takes to create a user; the password is given in clear and hashed on creation. */
public record NewAccount(String username, String displayName, String password, String agencyCode,
                         RegionCode region, String organization, Set<Role> roles) {

    public NewAccount {
        if (username == null || !username.matches("[a-z0-9_.-]{3,40}")) {
            throw new IllegalArgumentException("用户名应为3-40位小写字母、数字或 _ . - (username): " + username);
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("姓名不能为空 (display name is required)");
        }
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("密码至少12位 (password must have at least 12 characters)");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("至少需要一个角色 (at least one role)");
        }
        if (region == null) {
            throw new IllegalArgumentException("行政区划不能为空 (region is required)");
        }
        boolean platformUser = roles.contains(Role.PLATFORM_COMPLIANCE);
        if (platformUser && (organization == null || organization.isBlank())) {
            throw new IllegalArgumentException("平台合规人员须填写所属平台 (platform compliance users need an organisation)");
        }
        if (!platformUser && agencyCode == null) {
            throw new IllegalArgumentException("须指定所属部门 (agency is required)");
        }
        roles = Set.copyOf(roles);
    }
}
