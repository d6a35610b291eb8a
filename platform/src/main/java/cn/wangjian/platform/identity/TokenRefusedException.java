package cn.wangjian.platform.identity;

/** An API token the rules do not allow to be issued or revoked, with the reason in Chinese. */
public class TokenRefusedException extends RuntimeException {
    TokenRefusedException(String message) {
        super(message);
    }
}
