package cn.wangjian.platform.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A finding as officers review it: one per subject, rule and field, with every span the rule matched in that field
 * ({@code spans}, sorted by start). {@code text} is the field the spans refer to; {@code start}..{@code end},
 * {@code matched} and {@code term} are the first span's. A finding written before spans were kept has the one span of
 * its offsets.
 */
public record MonitoringFinding(long id, long taskId, long runId, String detector, String source, String subject,
                                String platformCode, String shopId, String regionCode, String productCategory,
                                String rule, String ruleCategory, String title, String law, String article,
                                boolean lawUnverified, String severity, double confidence, String field, String text,
                                Integer start, Integer end, String matched, String term, String detail,
                                String evidenceUrl, Instant evidenceTime, String evidenceSha256, Instant foundAt,
                                String status, String assignee, String decidedBy, Instant decidedAt,
                                String dismissReason, Long clueId, Long evidenceSeq, String ownerAgency,
                                String ownerRegion, List<Span> spans) {

    /**
     * One matched span: UTF-16 offsets into {@code text} (end exclusive), the text there, the rule term it stands for,
     * how it matched ({@code EXACT}, {@code PINYIN} …, null when not recorded), its severity and explanation (null
     * when the finding's own apply).
     */
    public record Span(int start, int end, String matched, String term, String kind, String severity,
                       String explanation) {

        static final Comparator<Span> ORDER = Comparator.comparingInt(Span::start).thenComparingInt(Span::end);

        /** How officers read the kind of match (原词、拼音变体 …), or null. */
        public String kindLabel() {
            if (kind == null) {
                return null;
            }
            try {
                return cn.wangjian.engine.text.Finding.MatchKind.valueOf(kind).chinese();
            } catch (IllegalArgumentException e) {
                return kind;
            }
        }

        public String severityLabel() {
            return severity == null ? null : cn.wangjian.engine.text.Severity.parse(severity).chinese();
        }
    }

    /** A piece of {@code text}, marked when it lies in a span (overlapping spans make one marked piece). */
    public record Segment(String text, boolean marked) {
    }

    public MonitoringFinding {
        spans = spans == null ? List.of() : List.copyOf(spans);
    }

    /**
     * The field's text cut into plain and marked pieces in order; the template writes each with {@code th:text}, so
     * crawled or reported markup stays text. Spans outside the text are left out.
     */
    public List<Segment> segments() {
        if (!hasSpan()) {
            return List.of();
        }
        List<Segment> out = new ArrayList<>();
        int at = 0;
        int markFrom = -1;
        int markTo = -1;
        for (Span s : spans.stream().sorted(Span.ORDER).toList()) {
            if (s.start() < 0 || s.end() > text.length() || s.start() >= s.end()) {
                continue;
            }
            if (markFrom >= 0 && s.start() <= markTo) {
                markTo = Math.max(markTo, s.end());
                continue;
            }
            if (markFrom >= 0) {
                out.add(new Segment(text.substring(markFrom, markTo), true));
                at = markTo;
            }
            if (s.start() > at) {
                out.add(new Segment(text.substring(at, s.start()), false));
            }
            markFrom = s.start();
            markTo = s.end();
        }
        if (markFrom >= 0) {
            out.add(new Segment(text.substring(markFrom, markTo), true));
            at = markTo;
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), false));
        }
        return out;
    }

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

    /** How many spans the rule matched in the field. */
    public int spanCount() {
        return spans.size();
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
