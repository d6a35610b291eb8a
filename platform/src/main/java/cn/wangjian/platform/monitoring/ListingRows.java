package cn.wangjian.platform.monitoring;

import cn.wangjian.engine.listing.ListingScan;
import java.time.Instant;
import java.util.Set;

/**
 * A listing's hits ({@link ListingScan.Result}) as finding rows: text and listing hits one row per rule and field
 * with all their spans (decision 0031), price hits one row each. Monitoring runs and the stream's results both write
 * through here, so a listing scanned in either place gives the same findings.
 */
final class ListingRows {

    /** Where the listing's findings belong and the evidence of what was reported. */
    record Listing(String platform, String listingId, String shopId, String regionCode, String url,
                   Instant reportedAt, String contentSha256) {

        String subject() {
            return platform + "/" + listingId;
        }

        String evidenceUrl() {
            return url != null ? url : "platform-report:" + subject();
        }
    }

    private ListingRows() {
    }

    /**
     * Writes the hits; a text or listing hit whose rule category is not in {@code textCategories} (when that is not
     * empty) is left out, as the task asks.
     */
    static void write(Listing l, ListingScan.Input input, ListingScan.Result result, Set<String> textCategories,
                      FindingWriter writer) {
        FindingWriter.Groups groups = new FindingWriter.Groups();
        for (ListingScan.Hit h : result.hits()) {
            if (h.detector() == ListingScan.Detector.PRICE) {
                continue;
            }
            if (!textCategories.isEmpty() && !textCategories.contains(h.ruleCategory())) {
                continue;
            }
            String severity = h.severity().name();
            groups.add(new FindingWriter.Row(h.detector().name(), "LISTING", l.subject(), l.platform(), l.shopId(),
                            l.regionCode(), result.category(), h.rule(), h.ruleCategory(), h.ruleTitle(), h.law(),
                            h.article(), h.lawUnverified(), severity, h.confidence(), h.field(), h.fieldText(input),
                            h.start(), h.end(), h.matched(), h.term(), h.detail(), l.evidenceUrl(), l.reportedAt(),
                            l.contentSha256(), null, false),
                    new MonitoringFinding.Span(h.start(), h.end(), h.matched(), h.term(), h.kind(), severity,
                            h.detail()),
                    h.confidence());
        }
        for (FindingWriter.Row row : groups.rows()) {
            writer.add(row);
        }
        for (ListingScan.Hit h : result.hits()) {
            if (h.detector() == ListingScan.Detector.PRICE) {
                writer.add(new FindingWriter.Row("PRICE", "LISTING", l.subject(), l.platform(), l.shopId(),
                        l.regionCode(), result.category(), h.rule(), h.ruleCategory(), h.ruleTitle(), h.law(),
                        h.article(), false, h.severity().name(), 1.0, "prices", input.title(), null, null, null, null,
                        h.detail(), l.evidenceUrl(), l.reportedAt(), l.contentSha256(), null, false));
            }
        }
    }
}
