package cn.wangjian.platform.notice;

/** A notice step the rules or the user's platform do not allow, with the reason in Chinese (and the field). */
public class NoticeRefusedException extends RuntimeException {
    NoticeRefusedException(String message) {
        super(message);
    }
}
