package cn.wangjian.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors that no controller answers — the container's own (a body the request-size filter refused, a path the
 * firewall rejects, an exception in a filter) — are RFC 7807 problem details with Chinese and English text for
 * every client that does not ask for HTML; browsers get the error pages. An encoded slash ({@code %2F}) in a path is
 * passed by Tomcat to the application, whose firewall refuses it with a problem detail, instead of Tomcat's own
 * HTML page.
 */
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class ProblemErrors {

    private record Text(String title, String detail, String titleEn, String detailEn) {
    }

    private static final Map<Integer, Text> TEXTS = Map.ofEntries(
            Map.entry(400, new Text("请求无效", "请求的格式或参数无效。", "Bad request", "The request is malformed.")),
            Map.entry(401, new Text("需要登录", "请先登录，或在 Authorization 头中提供 API 令牌（Bearer）。",
                    "Authentication required", "Log in first, or send an API token (Bearer).")),
            Map.entry(403, new Text("无权访问", "您的角色或所属部门无权执行此操作。", "Forbidden",
                    "Your role or agency does not allow this.")),
            Map.entry(404, new Text("未找到", "没有这个地址或记录。", "Not found", "No such path or record.")),
            Map.entry(405, new Text("方法不允许", "该地址不支持此请求方法。", "Method not allowed",
                    "The path does not support this method.")),
            Map.entry(413, new Text("请求过大", "请求体超过了该接口的大小限制。", "Payload too large",
                    "The body exceeds this endpoint's limit.")),
            Map.entry(415, new Text("不支持的内容类型", "请按接口说明设置 Content-Type。", "Unsupported media type",
                    "Send the Content-Type the endpoint documents.")),
            Map.entry(429, new Text("请求过多", "请求过于频繁，请稍后再试。", "Too many requests", "Try again later.")),
            Map.entry(503, new Text("暂不可用", "服务暂不可用，请稍后再试。", "Service unavailable", "Try again later.")));

    private static final Text SERVER_ERROR = new Text("服务器内部错误", "处理请求时出错，已记录，请稍后再试或联系管理员。",
            "Internal server error", "The request failed; the error was logged.");

    static Map<String, Object> problem(int status, String instance) {
        Text t = TEXTS.getOrDefault(status, status >= 500 ? SERVER_ERROR
                : new Text("请求无法处理", "请求无法处理。", "Request failed", "The request could not be processed."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", t.title());
        body.put("status", status);
        body.put("detail", t.detail());
        body.put("instance", instance);
        body.put("title_en", t.titleEn());
        body.put("detail_en", t.detailEn());
        return body;
    }

    /** Boot's error controller, with problem details instead of its default JSON. */
    static final class ProblemErrorController extends BasicErrorController {
        ProblemErrorController(ErrorAttributes attributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
            super(attributes, server.getError(), resolvers);
        }

        @Override
        public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
            HttpStatus status = getStatus(request);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(status.value(), uri == null ? request.getRequestURI() : uri.toString()));
        }
    }

    @Bean
    BasicErrorController basicErrorController(ErrorAttributes attributes, ServerProperties server,
                                              ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(attributes, server, resolvers.orderedStream().toList());
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /** A path the firewall rejects (encoded slash, "..", a semicolon): 400 with a problem body, for any client. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> {
            Map<String, Object> body = problem(400, request.getRequestURI());
            body.put("detail", "请求路径含有不允许的字符（如编码的斜杠 %2F、“..”或分号）。");
            body.put("detail_en", "The path contains characters that are not allowed (an encoded slash, '..' or ';').");
            response.setStatus(400);
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), body);
        };
    }
}
