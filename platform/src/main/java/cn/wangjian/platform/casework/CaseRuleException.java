package cn.wangjian.platform.casework;

/** A step the procedure does not allow at this point, with the reason in Chinese (and English). */
public class CaseRuleException extends RuntimeException {
    public CaseRuleException(String message) {
        super(message);
    }
}
