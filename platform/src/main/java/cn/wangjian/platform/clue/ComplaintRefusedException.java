package cn.wangjian.platform.clue;

/** A complaint or report the form's rules refuse, with the reason in Chinese and the field. */
public class ComplaintRefusedException extends RuntimeException {
    ComplaintRefusedException(String message) {
        super(message);
    }
}
