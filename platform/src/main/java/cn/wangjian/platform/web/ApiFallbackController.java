package cn.wangjian.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * API requests no handler takes answer with a problem detail, not the HTML 404 page: 404 for an unknown path, 405
 * when the path exists for other methods, 415 when it exists for another (or a missing) content type.
 */
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@RestController
class ApiFallbackController {

    private final RequestMappingHandlerMapping mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        boolean path = false;
        boolean method = false;
        for (var e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod handler = e.getValue();
            if (handler.getBeanType() == ApiFallbackController.class || info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            path = true;
            if (info.getMethodsCondition().getMatchingCondition(request) != null) {
                method = true;
            }
        }
        if (method) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "不支持的内容类型：" + (request.getContentType() == null ? "未声明 Content-Type" : request.getContentType())
                            + " (unsupported or missing content type)");
        }
        if (path) {
            throw new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED,
                    "该接口不支持 " + request.getMethod() + " 方法 (method not allowed)");
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "接口不存在 (no such API)");
    }
}
