package cn.wangjian.platform.publicity;

/** A publication step the rules or the record's state do not allow, with the reason in Chinese. */
public class PublicationRefusedException extends RuntimeException {
    PublicationRefusedException(String message) {
        super(message);
    }
}
