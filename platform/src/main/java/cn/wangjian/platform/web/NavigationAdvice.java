package cn.wangjian.platform.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.expression.DefaultWebSecurityExpressionHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Gives every page the navigation, with only the areas the user may open: each area's landing page is found among
 * the controllers, and the {@code @PreAuthorize} rule on it (method or class) is evaluated for the user. The rule
 * stays where it is enforced; the navigation only reads it, so the two cannot drift apart.
 */
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final RequestMappingHandlerMapping mappings;
    private final DefaultWebSecurityExpressionHandler expressions = new DefaultWebSecurityExpressionHandler();
    /** By area key: the rule of its landing page; an area whose page has no rule is open to every user. */
    private final Map<String, java.util.Optional<Expression>> rules = new ConcurrentHashMap<>();

    NavigationAdvice(@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                     RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @ModelAttribute("areas")
    List<Area> areas(Authentication user) {
        if (user == null) {
            return List.of();
        }
        return Area.ALL.stream().filter(a -> mayOpen(a, user)).toList();
    }

    private boolean mayOpen(Area area, Authentication user) {
        java.util.Optional<Expression> rule = rules.computeIfAbsent(area.key(), k -> ruleOf(area.path()));
        if (rule.isEmpty()) {
            return true;
        }
        var context = expressions.createEvaluationContext(user, new FilterInvocation(area.path(), "GET"));
        return ExpressionUtils.evaluateAsBoolean(rule.get(), context);
    }

    private java.util.Optional<Expression> ruleOf(String path) {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            if (!info.getPatternValues().contains(path)) {
                continue;
            }
            HandlerMethod h = e.getValue();
            PreAuthorize pre = AnnotatedElementUtils.findMergedAnnotation(h.getMethod(), PreAuthorize.class);
            if (pre == null) {
                pre = AnnotatedElementUtils.findMergedAnnotation(h.getBeanType(), PreAuthorize.class);
            }
            return pre == null ? java.util.Optional.empty()
                    : java.util.Optional.of(expressions.getExpressionParser().parseExpression(pre.value()));
        }
        return java.util.Optional.empty();
    }
}
