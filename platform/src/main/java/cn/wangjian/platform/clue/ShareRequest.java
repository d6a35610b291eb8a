package cn.wangjian.platform.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Share a clue with another bureau: an agency and a region (its whole subtree sees the clue). */
public record ShareRequest(
        @NotBlank(message = "请选择部门") String agencyCode,
        @NotBlank(message = "请填写行政区划代码") @Pattern(regexp = "[0-9]{6}", message = "行政区划代码应为6位数字")
        String regionCode) {
}
