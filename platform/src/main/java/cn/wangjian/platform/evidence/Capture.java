package cn.wangjian.platform.evidence;

import java.time.Instant;

/**
 * One fixed piece of evidence: what was fetched (or reported), when, by whom, with the SHA-256 of its bytes, of
 * the text extracted from them and of the screenshot, chained to the record before it.
 */
public record Capture(long seq, Kind kind, String url, Instant fetchedAt, Integer httpStatus, String headers,
                      String contentType, String contentSha256, long contentSize, String textSha256,
                      String screenshotSha256, String note, String capturedBy, String ownerAgency, String ownerRegion,
                      String prevHash, String recordHash, String keyId) {

    /** How the evidence came in. */
    public enum Kind {
        WEB_PAGE("网页取证"), PLATFORM_REPORT("平台报送数据"), PACKAGE_IMPORT("证据包导入");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The hash of this record over its fields and the previous record's hash: HMAC with the chain key
     * ({@link cn.wangjian.platform.audit.ChainKey}) when {@code key} is given, plain SHA-256 for records written before
     * the chain was keyed.
     */
    static String hash(cn.wangjian.platform.audit.ChainKey key, long seq, Kind kind, String url, Instant fetchedAt,
                       Integer httpStatus, String headers, String contentType, String contentSha256, long contentSize,
                       String textSha256, String screenshotSha256, String note, String capturedBy, String ownerAgency,
                       String ownerRegion, String prevHash) {
        String[] fields = {Long.toString(seq), kind.name(), url, fetchedAt.toString(),
                httpStatus == null ? null : httpStatus.toString(), headers, contentType, contentSha256,
                Long.toString(contentSize), textSha256, screenshotSha256, note, capturedBy, ownerAgency, ownerRegion,
                prevHash};
        return key == null ? cn.wangjian.platform.audit.ChainHash.of(fields) : key.mac(fields);
    }

    String computedHash(cn.wangjian.platform.audit.ChainKey key) {
        return hash(keyId == null ? null : key.forId(keyId), seq, kind, url, fetchedAt, httpStatus, headers, contentType,
                contentSha256, contentSize, textSha256, screenshotSha256, note, capturedBy, ownerAgency, ownerRegion,
                prevHash);
    }
}
