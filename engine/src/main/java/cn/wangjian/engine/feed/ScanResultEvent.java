package cn.wangjian.engine.feed;

import cn.wangjian.engine.listing.ListingScan;
import cn.wangjian.engine.text.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stream's listing scan found in one listing, on the results topic: the listing (what it is, where it came
 * from, the SHA-256 of its canonical content), the rule versions it was scanned with, and its hits. Keyed by
 * {@link #key()} — the listing and its content hash — so the platform, which writes a finding's fingerprint from the
 * same facts, adds nothing when an event comes twice (after a restart from a checkpoint). A listing with no hits is
 * sent as well: the platform counts it as scanned.
 *
 * <p>JSON {@code {"schema":"listing-scanned","version":1, …}} (decision 0032).
 */
public record ScanResultEvent(String platform, String listingId, String shopId, String kind, String title,
                              String description, String url, Instant reportedAt, String contentSha256,
                              String ruleVersions, String category, List<ListingScan.Hit> hits) {

    public static final String SCHEMA = "listing-scanned";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public ScanResultEvent {
        hits = List.copyOf(hits);
    }

    /** The event of a scanned listing event. */
    public static ScanResultEvent of(ListingEvent l, String ruleVersions, ListingScan.Result result) {
        return new ScanResultEvent(l.platform(), l.listingId(), l.shopId(), l.kind(), l.title(), l.description(),
                l.url(), l.reportedAt(), l.contentSha256(), ruleVersions, result.category(), result.hits());
    }

    /** The listing as the scan saw it (prices are not needed again: price hits carry their detail). */
    public ListingScan.Input input() {
        return new ListingScan.Input(category, title, description, -1, -1, null, null, null);
    }

    /** The topic's key: one listing's one content. */
    public String key() {
        return platform + "/" + listingId + "@" + contentSha256;
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("schema", SCHEMA).put("version", VERSION).put("platform", platform).put("listing_id", listingId)
                .put("shop_id", shopId).put("kind", kind).put("title", title).put("description", description)
                .put("url", url).put("reported_at", reportedAt == null ? null : reportedAt.toString())
                .put("content_sha256", contentSha256).put("rule_versions", ruleVersions).put("category", category);
        ArrayNode a = n.putArray("hits");
        for (ListingScan.Hit h : hits) {
            a.addObject().put("detector", h.detector().name()).put("rule", h.rule())
                    .put("rule_category", h.ruleCategory()).put("rule_title", h.ruleTitle()).put("law", h.law())
                    .put("article", h.article()).put("law_unverified", h.lawUnverified())
                    .put("severity", h.severity().name()).put("confidence", h.confidence()).put("field", h.field())
                    .put("start", h.start()).put("end", h.end()).put("matched", h.matched()).put("term", h.term())
                    .put("kind", h.kind()).put("detail", h.detail());
        }
        return n.toString();
    }

    /** An event from the results topic; anything else throws {@link ListingEvent.Invalid} saying what. */
    public static ScanResultEvent parse(String json) {
        JsonNode n = EventJson.read(json, SCHEMA, VERSION);
        List<ListingScan.Hit> hits = new ArrayList<>();
        for (JsonNode h : n.path("hits")) {
            try {
                hits.add(new ListingScan.Hit(ListingScan.Detector.valueOf(h.path("detector").asText()),
                        raw(h, "rule"), raw(h, "rule_category"), raw(h, "rule_title"), raw(h, "law"),
                        raw(h, "article"), h.path("law_unverified").asBoolean(),
                        Severity.valueOf(h.path("severity").asText()), h.path("confidence").asDouble(),
                        raw(h, "field"), h.path("start").asInt(-1), h.path("end").asInt(-1), raw(h, "matched"),
                        raw(h, "term"), raw(h, "kind"), raw(h, "detail")));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ListingEvent.Invalid("hits", "字段 hits：命中记录不完整 (incomplete hit): " + h);
            }
        }
        String at = raw(n, "reported_at");
        return new ScanResultEvent(EventJson.required(n, "platform"), EventJson.required(n, "listing_id"),
                raw(n, "shop_id"), raw(n, "kind"), raw(n, "title"), raw(n, "description"), raw(n, "url"),
                at == null ? null : Instant.parse(at), EventJson.required(n, "content_sha256"),
                raw(n, "rule_versions"), raw(n, "category"), hits);
    }

    /** A field exactly as written (hits' texts are the engine's own, kept as they are); null when missing. */
    private static String raw(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
