package cn.wangjian.platform.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The administrator's form for a new user; the password is generated, never typed in. */
record UserForm(
        @NotBlank(message = "用户名不能为空")
        @Pattern(regexp = "[a-z0-9_.-]{3,40}", message = "用户名应为3-40位小写字母、数字或 _ . -") String username,
        @NotBlank(message = "姓名不能为空") @Size(max = 60, message = "姓名不能超过60字") String displayName,
        String agencyCode,
        @NotBlank(message = "行政区划代码不能为空") @Pattern(regexp = "[0-9]{6}", message = "行政区划代码应为6位数字")
        String regionCode,
        @Size(max = 100, message = "所属平台不能超过100字") String organization,
        @NotEmpty(message = "至少选择一个角色") Set<Role> roles) {

    static UserForm empty() {
        return new UserForm("", "", "SAMR", "", "", Set.of());
    }
}
