package cn.wangjian.platform.credit;

/** A subject was put on a credit list (published in the listing transaction). */
public record SubjectListed(String creditCode, ListKind kind, boolean keySupervision, String agencyCode,
                            String regionCode, String actor) {
}
