package cn.wangjian.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit, refused early with 413 and a problem body: a declared Content-Length over the
 * limit is refused before anything is read, and a body without one (chunked) is counted as it is read and cut at
 * the limit. Imports (registry, complaints, evidence packages, platform reports) take more than the default; the
 * limits are settings ({@code wangjian.limits.*-mb}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    /** Thrown while reading a body past its limit. */
    static final class TooLargeException extends IOException {
        final long limit;

        TooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final long defaultLimit;
    private final long importLimit;
    private final long reportLimit;
    private final ObjectMapper json = new ObjectMapper();

    RequestSizeLimit(@Value("${wangjian.limits.default-mb:8}") long defaultMb,
                     @Value("${wangjian.limits.import-mb:64}") long importMb,
                     @Value("${wangjian.limits.platform-report-mb:32}") long reportMb) {
        this.defaultLimit = defaultMb << 20;
        this.importLimit = importMb << 20;
        this.reportLimit = reportMb << 20;
    }

    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/platform-reports/")) {
            return reportLimit;
        }
        if (path.equals("/api/registry/imports") || path.equals("/registry/imports") || path.equals("/clues/imports")
                || path.equals("/api/clues/complaints") || path.equals("/api/evidence/packages")
                || path.equals("/evidence/packages") || path.equals("/api/credit/penalties")
                || path.equals("/api/credit/lists/abnormal-operation")
                || path.matches("/campaign/\\d+/report/media") || path.equals("/public/complaints")
                || path.matches("/platform/requests/\\d+/answer")) {
            return importLimit;
        }
        return defaultLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        try {
            chain.doFilter(declared >= 0 ? request : new Counted(request, limit), response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (tooLarge(e) && !response.isCommitted()) {
                response.reset();
                refuse(request, response, limit);
                return;
            }
            throw e;
        }
    }

    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        long mb = limit >> 20;
        response.setStatus(413);
        response.setContentType("application/problem+json;charset=UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "请求过大");
        body.put("status", 413);
        body.put("detail", "请求内容超过 " + mb + " MB 的上限，未处理；请拆分后再提交。");
        body.put("instance", request.getRequestURI());
        body.put("title_en", "Payload too large");
        body.put("detail_en", "The request body is over the " + mb + " MB limit and was not processed.");
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setHeader("Connection", "close");        // the rest of the body is not read
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** A body without a declared length, counted as it is read. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    private void count(long n) throws TooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new TooLargeException(limit);
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
