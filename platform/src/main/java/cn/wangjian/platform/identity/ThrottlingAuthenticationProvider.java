package cn.wangjian.platform.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password login with throttling of repeated failures, for form login and HTTP Basic alike. */
final class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottlingAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        var wait = throttle.blockedFor(username);
        if (wait.isPresent()) {
            log.warn("Login refused for '{}' from {}: too many failed attempts for the account", username, address);
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            log.info("Failed login for '{}' from {}", username, address);
            var addressWait = throttle.addressThrottledFor(address);
            if (addressWait.isPresent()) {
                throw new LoginThrottledException(addressWait.get());
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
