package cn.wangjian.platform.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordForm(
        @NotBlank(message = "请输入当前密码") String current,
        @NotBlank(message = "请输入新密码") @Size(min = 12, max = 128, message = "新密码应为12-128位") String replacement,
        @NotBlank(message = "请再次输入新密码") String confirmation) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
