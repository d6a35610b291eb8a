package cn.wangjian.platform.credit;

/** A credit step the rules or the record's state do not allow, with the reason in Chinese. */
public class CreditRefusedException extends RuntimeException {
    CreditRefusedException(String message) {
        super(message);
    }
}
