package cn.wangjian.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 7807 problem details: {@code title} and {@code detail} in Chinese, with
 * {@code title_en} and {@code detail_en}; validation errors list every field in {@code errors}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private static final Map<Integer, String[]> TITLES = Map.of(
            413, new String[] {"请求过大", "Payload too large"},
            400, new String[] {"请求参数错误", "Bad request"},
            401, new String[] {"需要登录", "Authentication required"},
            403, new String[] {"无权访问", "Forbidden"},
            404, new String[] {"资源不存在", "Not found"},
            405, new String[] {"不支持的请求方法", "Method not allowed"},
            409, new String[] {"数据冲突", "Conflict"},
            415, new String[] {"不支持的内容类型", "Unsupported media type"},
            500, new String[] {"服务器内部错误", "Internal server error"});

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        String fields = errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", "));
        ProblemDetail body = problem(400,
                errors.stream().map(e -> "字段 " + e.get("field") + "：" + e.get("message"))
                        .collect(Collectors.joining("；")),
                "Invalid field(s): " + fields);
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestSizeLimit.tooLarge(ex)) {
            return tooLarge();
        }
        ProblemDetail body;
        if (ex.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            body = problem(400, "字段 " + field + " 的值无法识别，请检查类型和取值。",
                    "Field '" + field + "' has a value that cannot be read.");
            body.setProperty("errors", List.of(Map.of("field", field, "message", "值无法识别")));
        } else {
            body = problem(400, "请求体不是有效的 JSON。", "The request body is not valid JSON.");
        }
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getProperties() == null) {
            ProblemDetail localized = problem(statusCode.value(), pd.getDetail(), pd.getDetail());
            return super.handleExceptionInternal(ex, localized, headers, statusCode, request);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** A body without a declared length that ran past its limit while being read. */
    private static <T> ResponseEntity<T> tooLarge() {
        @SuppressWarnings("unchecked")
        T body = (T) problem(413, "请求内容超过上限，未处理；请拆分后再提交。", "The request body is over its limit and was not processed.");
        return ResponseEntity.status(413).header(HttpHeaders.CONNECTION, "close").body(body);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException ex) {
        int code = ex.getStatusCode().value();
        String reason = ex.getReason() == null ? TITLES.getOrDefault(code, TITLES.get(500))[0] : ex.getReason();
        return ResponseEntity.status(code).body(problem(code, reason, reason));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException ex) {
        return ResponseEntity.badRequest().body(problem(400, ex.getMessage(), ex.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return ResponseEntity.status(403).body(problem(403, "您的角色或所属部门无权执行此操作。",
                "Your role or agency does not allow this."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (RequestSizeLimit.tooLarge(ex)) {
            return tooLarge();
        }
        log.error("Unexpected API error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(500, "处理请求时发生错误，请稍后重试或联系管理员。", "The request could not be processed."));
    }

    private static ProblemDetail problem(int status, String detail, String detailEn) {
        String[] title = TITLES.getOrDefault(status, new String[] {"请求失败", "Request failed"});
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setTitle(title[0]);
        pd.setDetail(detail);
        pd.setProperty("title_en", title[1]);
        pd.setProperty("detail_en", detailEn);
        return pd;
    }
}
