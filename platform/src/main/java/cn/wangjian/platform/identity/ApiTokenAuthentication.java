package cn.wangjian.platform.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API token: the owner narrowed to the token's roles. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;

    ApiTokenAuthentication(CurrentUser user) {
        super(user.getAuthorities());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    /** Whether the current request came with a token (token management refuses those). */
    static boolean current() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication() instanceof ApiTokenAuthentication;
    }
}
