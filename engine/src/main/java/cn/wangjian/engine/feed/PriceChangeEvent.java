package cn.wangjian.engine.feed;

import cn.wangjian.engine.price.PriceHistory;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A listing's price changed: from {@code from} (a day) on it sold at {@code cents}, showing the reference price
 * (划线价) and the home-page price given, -1 when none is shown. On {@code wangjian.price-changes.v1} as
 * {@code {"schema":"price-change","version":1,"platform","listing_id","from":"2026-11-20","price":"99.00",
 * "reference_price":"199.00","home_price":"89.00","reported_at":"…"}} (the last three optional), keyed by
 * {@code platform/listing_id} so one listing's changes stay in order on one partition.
 */
public record PriceChangeEvent(String platform, String listingId, LocalDate from, long cents, long referenceCents,
                               long homeCents, Instant reportedAt) {

    public static final String SCHEMA = "price-change";
    public static final int VERSION = 1;

    public static PriceChangeEvent parse(String json) {
        JsonNode n = EventJson.read(json, SCHEMA, VERSION);
        String platform = EventJson.required(n, "platform");
        String listing = EventJson.required(n, "listing_id");
        LocalDate from;
        try {
            from = LocalDate.parse(EventJson.required(n, "from"));
        } catch (DateTimeParseException e) {
            throw new ListingEvent.Invalid("from", "字段 from：不是日期（如 2026-11-20）：" + n.path("from").asText());
        }
        Instant at = null;
        if (n.hasNonNull("reported_at")) {
            try {
                at = Instant.parse(n.get("reported_at").asText());
            } catch (DateTimeParseException e) {
                throw new ListingEvent.Invalid("reported_at", "字段 reported_at：不是 ISO-8601 时刻：" + n.get("reported_at"));
            }
        }
        return new PriceChangeEvent(platform, listing, from, amount(n, "price", true), amount(n, "reference_price", false),
                amount(n, "home_price", false), at);
    }

    public String key() {
        return platform + "/" + listingId;
    }

    public String toJson() {
        var n = EventJson.JSON.createObjectNode().put("schema", SCHEMA).put("version", VERSION)
                .put("platform", platform).put("listing_id", listingId).put("from", from.toString())
                .put("price", yuan(cents));
        if (referenceCents >= 0) {
            n.put("reference_price", yuan(referenceCents));
        }
        if (homeCents >= 0) {
            n.put("home_price", yuan(homeCents));
        }
        if (reportedAt != null) {
            n.put("reported_at", reportedAt.toString());
        }
        return n.toString();
    }

    private static String yuan(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static long amount(JsonNode n, String field, boolean required) {
        if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
            if (required) {
                throw new ListingEvent.Invalid(field, "字段 " + field + " 不能为空");
            }
            return -1;
        }
        try {
            return PriceHistory.cents(n.get(field).asText(), 0);
        } catch (IllegalArgumentException e) {
            throw new ListingEvent.Invalid(field, "字段 " + field + "：" + e.getMessage());
        }
    }
}
