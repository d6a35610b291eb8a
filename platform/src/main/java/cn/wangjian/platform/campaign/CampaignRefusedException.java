package cn.wangjian.platform.campaign;

/** A campaign step the rules or the user's role do not allow, with the reason in Chinese (and the field). */
public class CampaignRefusedException extends RuntimeException {
    CampaignRefusedException(String message) {
        super(message);
    }
}
