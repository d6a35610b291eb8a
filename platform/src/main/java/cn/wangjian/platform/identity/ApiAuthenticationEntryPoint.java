package cn.wangjian.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** For /api/**: a 401 or 403 problem detail (RFC 7807) instead of a redirect to the login page. */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ApiAuthenticationEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof OneCredentialFilter.MixedCredentialsException) {
            write(request, response, 401, "凭据冲突", "会话与其他凭据（如 API 令牌）不能同时使用：请只用其中一种。",
                    "Conflicting credentials", "A session and another credential (such as an API token) cannot be combined.");
            return;
        }
        boolean throttled = e instanceof LoginThrottledException;
        if (throttled) {
            response.setHeader("Retry-After", Long.toString(((LoginThrottledException) e).seconds()));
        }
        write(request, response, throttled ? 429 : 401,
                throttled ? "登录失败次数过多" : "需要登录",
                throttled ? "登录失败次数过多，请 " + ((LoginThrottledException) e).minutes() + " 分钟后再试。"
                        : "请先登录，或在 Authorization 头中提供 API 令牌（Bearer）。",
                throttled ? "Too many failed logins" : "Authentication required",
                throttled ? "Too many failed logins; try again in " + ((LoginThrottledException) e).minutes()
                        + " minutes." : "Log in first, or send an API token in the Authorization header (Bearer).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, "无权访问", "您的角色或所属部门无权执行此操作。",
                "Forbidden", "Your role or agency does not allow this.");
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                       String detail, String titleEn, String detailEn) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("title_en", titleEn);
        body.put("detail_en", detailEn);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
