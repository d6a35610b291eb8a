package cn.wangjian.platform.monitoring;

/** The review queue's filters; null or blank means any. */
public record FindingFilter(Long task, String rule, String category, String platform, String region, String severity,
                            String status, String assignee, String detector) {

    static FindingFilter none() {
        return new FindingFilter(null, null, null, null, null, null, null, null, null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public FindingFilter {
        rule = blankToNull(rule);
        category = blankToNull(category);
        platform = blankToNull(platform);
        region = blankToNull(region);
        severity = blankToNull(severity);
        status = blankToNull(status);
        assignee = blankToNull(assignee);
        detector = blankToNull(detector);
        if (region != null && !region.matches("\\d{2,6}")) {
            throw new IllegalArgumentException("字段 region：应为2-6位行政区划代码前缀 (region prefix): " + region);
        }
        if (severity != null && !severity.matches("HINT|LOW|MEDIUM|HIGH")) {
            throw new IllegalArgumentException("字段 severity：应为 HINT、LOW、MEDIUM 或 HIGH");
        }
        if (status != null && !status.matches("NEW|CONFIRMED|DISMISSED")) {
            throw new IllegalArgumentException("字段 status：应为 NEW、CONFIRMED 或 DISMISSED");
        }
    }
}
