package cn.wangjian.platform.clue;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An optional 统一社会信用代码, checked by the engine (GB 32100-2015 check character). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CreditCode.Validator.class)
@interface CreditCode {
    String message() default "统一社会信用代码无效";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CreditCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                UnifiedSocialCreditCode.parse(value);
                return true;
            } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(e.getMessage().replace("{", "(").replace("}", ")"))
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
