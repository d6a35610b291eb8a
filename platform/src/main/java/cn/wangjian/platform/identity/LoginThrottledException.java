package cn.wangjian.platform.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Refused because of too many failed attempts; carries how long to wait. */
final class LoginThrottledException extends AuthenticationException {

    private final long minutes;

    LoginThrottledException(Duration wait) {
        super("too many failed logins");
        this.minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /** Seconds to wait, for a Retry-After header. */
    long seconds() {
        return minutes * 60;
    }

    long minutes() {
        return minutes;
    }
}
