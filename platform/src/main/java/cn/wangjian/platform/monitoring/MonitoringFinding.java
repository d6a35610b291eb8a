package cn.wangjian.platform.monitoring;

import java.time.Instant;

/** A finding as officers review it. {@code text} is the field the span {@code start}..{@code end} refers to. */
public record MonitoringFinding(long id, long taskId, long runId, String detector, String source, String subject,
                                String platformCode, String shopId, String regionCode, String productCategory,
                                String rule, String ruleCategory, String title, String law, String article,
                                boolean lawUnverified, String severity, double confidence, String field, String text,
                                Integer start, Integer end, String matched, String term, String detail,
                                String evidenceUrl, Instant evidenceTime, String evidenceSha256, Instant foundAt,
                                String status, String assignee, String decidedBy, Instant decidedAt,
                                String dismissReason, Long clueId, Long evidenceSeq, String ownerAgency,
                                String ownerRegion) {

    /** The listing a listing finding is about (its subject is the platform and the listing id), else null. */
    public String listingId() {
        if (!"LISTING".equals(source) || subject == null || subject.indexOf('/') < 0) {
            return null;
        }
        return subject.substring(subject.indexOf('/') + 1);
    }

    /** The text before the matched span (the template escapes all three parts). */
    public String before() {
        return hasSpan() ? text.substring(0, start) : null;
    }

    public String highlighted() {
        return hasSpan() ? text.substring(start, end) : null;
    }

    public String after() {
        return hasSpan() ? text.substring(end) : null;
    }

    public boolean hasSpan() {
        return text != null && start != null && end != null && start >= 0 && end <= text.length() && start <= end
                && !"registry".equals(field);
    }

    public String severityLabel() {
        return cn.wangjian.engine.text.Severity.parse(severity).chinese();
    }

    public String statusLabel() {
        return switch (status) {
            case "CONFIRMED" -> "已确认";
            case "DISMISSED" -> "已排除";
            default -> "待审核";
        };
    }
}
