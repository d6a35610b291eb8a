package cn.wangjian.platform.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer wjt_…} on {@code /api/**}: the token's owner, narrowed to its roles and areas, for
 * this request only (nothing is kept in a session). An unknown, expired or revoked token is 401; a path outside the
 * token's areas 403; wrong tokens count against the address like wrong passwords, so an address that keeps guessing
 * is answered 429 with Retry-After.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);

    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final ApiAuthenticationEntryPoint problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final java.util.concurrent.Semaphore running;
    private final java.time.Duration queueFor;

    /**
     * @param concurrent how many token requests run at once; the others wait in arrival order (up to
     *                   {@code queueFor}, then 503), so machines saturating the API leave the cores to the officers'
     *                   pages
     */
    ApiTokenFilter(ApiTokens tokens, LoginThrottle throttle, ApiAuthenticationEntryPoint problems, int concurrent,
                   java.time.Duration queueFor) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.problems = problems;
        this.running = new java.util.concurrent.Semaphore(concurrent, true);
        this.queueFor = queueFor;
    }

    static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The OpenAPI description, which machines may read with their token. */
    static boolean description(String path) {
        return path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && !description(path)) {
            problems.write(request, response, 401, "令牌仅用于 API", "API 令牌只能用于 /api/ 下的接口；网页请登录后使用。",
                    "Tokens are for the API", "API tokens are accepted only under /api/; log in to use the pages.");
            return;
        }
        Optional<ApiTokens.Bearer> bearer = tokens.authenticate(request.getHeader("Authorization").substring(7).strip());
        if (bearer.isEmpty()) {
            // only a wrong token costs the address anything: counted, and answered 429 once the address is throttled
            String address = request.getRemoteAddr();
            throttle.failedFrom(address);
            log.info("Invalid API token from {}", address);
            Optional<java.time.Duration> wait = throttle.addressThrottledFor(address);
            if (wait.isPresent()) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
                problems.write(request, response, 429, "尝试次数过多", "该地址的无效凭据过多，请稍后再试。",
                        "Too many attempts", "Too many invalid credentials from this address; try again later.");
                return;
            }
            problems.write(request, response, 401, "令牌无效", "API 令牌无效、已过期或已吊销。",
                    "Invalid token", "The API token is unknown, expired or revoked.");
            return;
        }
        if (!bearer.get().allows(path)) {
            problems.write(request, response, 403, "令牌无权访问", "该令牌未授权访问此业务领域（" + path + "）。",
                    "Token not scoped for this area", "The token is not scoped for this part of the API.");
            return;
        }
        boolean admitted;
        try {
            admitted = running.tryAcquire(queueFor.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", "1");
            problems.write(request, response, 503, "接口繁忙", "API 请求过多，请稍后重试。",
                    "API busy", "Too many API requests at once; retry shortly.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(bearer.get().user()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
            running.release();
        }
    }
}
