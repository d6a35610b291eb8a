package cn.wangjian.platform.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session never combines with another credential: a request that brings a session cookie and an Authorization
 * header is refused with 401 before either is used (issue 13: a session plus a wrong Basic password used to pass
 * both the password and the CSRF check).
 */
final class OneCredentialFilter extends OncePerRequestFilter {

    /** A session cookie and an Authorization header on one request. */
    static final class MixedCredentialsException extends org.springframework.security.core.AuthenticationException {
        MixedCredentialsException() {
            super("a session and another credential together");
        }
    }

    private final ApiAuthenticationEntryPoint entryPoint;

    OneCredentialFilter(ApiAuthenticationEntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") != null && request.getRequestedSessionId() != null) {
            entryPoint.commence(request, response, new MixedCredentialsException());
            return;
        }
        chain.doFilter(request, response);
    }
}
