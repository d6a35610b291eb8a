package cn.wangjian.platform.portal;

/** A public-side step the rules refuse, with the reason in Chinese and the field. */
public class PortalRefusedException extends RuntimeException {
    PortalRefusedException(String message) {
        super(message);
    }
}
