package cn.wangjian.platform.identity;

import java.util.Optional;

/**
 * The parts of the API a token may be scoped to: the first path segment after {@code /api/}. {@code /api/me} is
 * open to every token; a path whose first segment is not listed here is open to no token.
 */
public enum ApiArea {
    REGISTRY("registry", "企业登记"),
    MONITORING("monitoring", "网络监测"),
    EVIDENCE("evidence", "电子证据"),
    CLUES("clues", "线索"),
    CREDIT("credit", "信用监管"),
    PUBLICITY("publicity", "行政处罚公示"),
    PLATFORM_REPORTS("platform-reports", "平台报送"),
    CALENDAR("calendar", "工作日历"),
    CAMPAIGN("campaign", "专项行动"),
    DASHBOARD("dashboard", "工作台"),
    IDENTITY("identity", "用户管理");

    private final String segment;
    private final String label;

    ApiArea(String segment, String label) {
        this.segment = segment;
        this.label = label;
    }

    public String segment() {
        return segment;
    }

    public String label() {
        return label;
    }

    /** The area of a path below the context path, e.g. {@code /api/credit/lists} → CREDIT. */
    static Optional<ApiArea> ofPath(String path) {
        if (!path.startsWith("/api/")) {
            return Optional.empty();
        }
        int end = path.indexOf('/', 5);
        String segment = end < 0 ? path.substring(5) : path.substring(5, end);
        for (ApiArea a : values()) {
            if (a.segment.equals(segment)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
