package cn.wangjian.platform.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a person reads on a page, and the codes in it that have a name people should read instead. */
final class RenderedText {

    /** Agency codes, status and severity constants, stage class names, rule-category identifiers. */
    private static final Pattern CODE = Pattern.compile(String.join("|",
            // not inside a document or clue number (XS-110101-SAMR-2026-00001)
            "(?<![-\\w])(?:SAMR|NDRC|MIIT|MPS|MOFCOM|CUSTOMS|QUALITY|FOODDRUG|CAC|POST)(?![-\\w])",
            "\\b(?:HIGH|MEDIUM|LOW|HINT|SUCCEEDED|FAILED|RUNNING|QUEUED|PENDING|SENT|ACCEPTED|RETURNED|ANSWERED|DECLINED"
                    + "|CONFIRMED|DISMISSED|PUBLISHED|WITHDRAWN|CANCELLED|LISTED|REMOVED|ACTIVE|REVOKED|ABNORMAL|NEW|OPEN"
                    + "|CLOSED|DRAFT|SUBMITTED|MANUAL|SCHEDULED)\\b",
            "\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b",
            "\\b(?:Verifying|NotFiled|Investigating|UnderReview|Reviewed|NoticeServed|HearingRequested|HearingScheduled"
                    + "|Heard|Decided|Served|Closed|Revoked|TransferProposed|TransferApproved|TransferredToPolice)\\b",
            "\\b[a-z]+_[a-z]+(?:_[a-z]+)*\\b",
            // clue-routing categories of one word (the two-word ones are caught above)
            "(?<![-\\w/.])(?:advertising|counterfeit|consumer|criminal|parcels)(?![-\\w/.])"));

    private RenderedText() {
    }

    /**
     * The page's visible text: scripts, styles, comments and tags (with their attributes and tooltips) removed, and
     * folded {@code <details>} (the audit log's raw hashed records, opened only by an auditor who asks).
     */
    static String visible(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<details(?![^>]*\\bopen\\b).*?</details>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    }

    /** Links to one record: a clue, a case, a finding, a task, a run, a campaign, a publication, a credit file. */
    private static final Pattern DETAIL = Pattern.compile(
            "href=\"(/(clues|casework|monitoring/findings|monitoring/tasks|monitoring/runs|campaign|publicity|brushing/rings"
                    + "|notices|evidence)/\\d+)\"");

    /** The first link of each kind of record on a page (relative paths). */
    static Set<String> firstDetailLinks(String html) {
        java.util.Map<String, String> first = new java.util.LinkedHashMap<>();
        Matcher m = DETAIL.matcher(html);
        while (m.find()) {
            first.putIfAbsent(m.group(2), m.group(1));
        }
        return new LinkedHashSet<>(first.values());
    }

    /** The codes found in visible text, each once. */
    static Set<String> codesIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 20);
            int to = Math.min(text.length(), m.end() + 20);
            out.add(m.group() + " in «" + text.substring(from, to).replaceAll("\\s+", " ").strip() + "»");
        }
        return out;
    }
}
