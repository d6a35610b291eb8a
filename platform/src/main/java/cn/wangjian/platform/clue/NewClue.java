package cn.wangjian.platform.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A clue as an officer registers it, from the form or the API. */
public record NewClue(
        @NotBlank(message = "线索标题不能为空") @Size(max = 200, message = "线索标题不能超过200字") String title,
        @NotNull(message = "请选择线索来源") ClueSource source,
        @NotBlank(message = "当事人名称不能为空") @Size(max = 200, message = "当事人名称不能超过200字") String subjectName,
        @CreditCode String subjectCreditCode,
        @NotBlank(message = "线索内容不能为空") @Size(max = 20000, message = "线索内容不能超过20000字") String description) {

    /** The credit code as stored: trimmed and upper-cased, or null when none was given. */
    String normalisedCreditCode() {
        return subjectCreditCode == null || subjectCreditCode.isBlank() ? null
                : subjectCreditCode.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
