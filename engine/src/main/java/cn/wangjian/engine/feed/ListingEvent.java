package cn.wangjian.engine.feed;

import cn.wangjian.engine.price.PriceHistory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One reported listing, ad or shop page (kind LISTING, AD or SHOP_PAGE) as platforms report it — in a file, through
 * the reporting API or on the listings topic — checked field by field: a product category of the rule catalog, an
 * http(s) address, amounts with at most two decimals, a price history in order. Its canonical JSON ({@code content})
 * and that JSON's SHA-256 are what the platform reported, kept as evidence; the same listing gives the same hash
 * whichever way it came, so its findings have the same fingerprints.
 *
 * <p>On the topic an event is a JSON object {@code {"schema":"listing","version":1, …fields}} (decision 0032);
 * {@code reported_at} (ISO-8601 instant) is when the platform reported it, optional; {@code operator_credit_code} and
 * {@code operator_region} (the shop's operator as the registry knows it, optional) let the listing checks that depend
 * on the seller (authorised users of a geographical indication, a brand's authorised sellers) judge it. These three
 * are not part of the reported content and its hash.
 */
public record ListingEvent(String kind, String platform, String listingId, String shopId, String category,
                           String title, String description, String url, BigDecimal originalPrice,
                           BigDecimal homePrice, PriceHistory prices, Instant reportedAt,
                           String operatorCreditCode, String operatorRegion, String content, String contentSha256) {

    public static final String SCHEMA = "listing";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS = Set.of("LISTING", "AD", "SHOP_PAGE");

    /** A field that is missing or wrong; the message names the field and says why, in Chinese first. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The field at fault, or {@code schema} / {@code json} when the event as a whole is. */
        public String field() {
            return field;
        }
    }

    /**
     * A listing from its fields as strings (nested values such as the price history as their JSON text);
     * {@code categories} are the catalog's product categories.
     */
    public static ListingEvent of(Map<String, String> fields, Set<String> categories) {
        String platform = required(fields, "platform");
        String shopId = required(fields, "shop_id");
        String listingId = required(fields, "listing_id");
        String kind = optional(fields, "kind") == null ? "LISTING" : optional(fields, "kind").toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new Invalid("kind", "字段 kind：应为 LISTING（商品）、AD（广告）或 SHOP_PAGE（店铺页面），而非 " + kind);
        }
        if (listingId.length() > 100) {
            throw new Invalid("listing_id", "字段 listing_id：不能超过100个字符 (too long)");
        }
        String title = required(fields, "title");
        if (title.length() > 1000) {
            throw new Invalid("title", "字段 title：不能超过1000个字符 (too long)");
        }
        String description = optional(fields, "description");
        if (description != null && description.length() > 50_000) {
            throw new Invalid("description", "字段 description：不能超过50000个字符 (too long)");
        }
        String category = optional(fields, "category");
        if (category != null && !categories.contains(category)) {
            throw new Invalid("category", "字段 category：未知商品类别 " + category + "，可选 " + categories
                    + " (unknown product category)");
        }
        String url = optional(fields, "url");
        if (url != null) {
            try {
                URI u = URI.create(url);
                if (u.getScheme() == null || !Set.of("http", "https").contains(u.getScheme().toLowerCase(Locale.ROOT))
                        || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new Invalid("url", "字段 url：不是 http(s) 地址 " + url + " (not an http(s) address)");
            }
        }
        BigDecimal original = amount(fields, "original_price");
        BigDecimal home = amount(fields, "home_price");
        PriceHistory prices;
        try {
            prices = PriceHistory.parse(optional(fields, "prices"));
        } catch (IllegalArgumentException e) {
            throw new Invalid("prices", "字段 prices：" + e.getMessage());
        }
        Instant reportedAt = null;
        String at = optional(fields, "reported_at");
        if (at != null) {
            try {
                reportedAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new Invalid("reported_at", "字段 reported_at：不是 ISO-8601 时刻（如 2026-12-01T08:00:00Z）：" + at);
            }
        }
        String operator = optional(fields, "operator_credit_code");
        if (operator != null && !cn.wangjian.engine.registry.UnifiedSocialCreditCode.isValid(operator)) {
            throw new Invalid("operator_credit_code", "字段 operator_credit_code：不是有效的统一社会信用代码（18位，校验位正确）：" + operator);
        }
        String region = optional(fields, "operator_region");
        if (region != null && !region.matches("\\d{6}")) {
            throw new Invalid("operator_region", "字段 operator_region：应为6位行政区划代码：" + region);
        }
        ObjectNode canonical = JSON.createObjectNode();
        canonical.put("kind", kind).put("platform", platform).put("shop_id", shopId).put("listing_id", listingId)
                .put("category", category).put("title", title).put("description", description).put("url", url)
                .put("original_price", original).put("home_price", home).put("prices", prices.compact());
        String content = canonical.toString();
        return new ListingEvent(kind, platform, listingId, shopId, category, title, description, url, original, home,
                prices, reportedAt, operator, region, content, sha256(content));
    }

    /**
     * An event from the listings topic: a JSON object of schema {@code listing} and version 1. Anything else — not
     * JSON, another schema, an unknown version, a bad field — throws {@link Invalid} saying which.
     */
    public static ListingEvent parse(String json, Set<String> categories) {
        JsonNode n = EventJson.read(json, SCHEMA, VERSION);
        return of(fields(n), categories);
    }

    /**
     * A JSON object's fields as strings, as {@link #of} takes them: nested values (a price history) as their JSON
     * text, JSON null as null. Files, the API and the feed read rows this way.
     */
    public static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new HashMap<>();
        object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? null
                : e.getValue().isContainerNode() ? e.getValue().toString() : e.getValue().asText()));
        return fields;
    }

    /** The event as written to the listings topic. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("schema", SCHEMA).put("version", VERSION);
        try {
            n.setAll((ObjectNode) JSON.readTree(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);   // our own canonical JSON
        }
        if (reportedAt != null) {
            n.put("reported_at", reportedAt.toString());
        }
        if (operatorCreditCode != null) {
            n.put("operator_credit_code", operatorCreditCode);
        }
        if (operatorRegion != null) {
            n.put("operator_region", operatorRegion);
        }
        return n.toString();
    }

    /** The topic's key: the same listing always goes to the same partition, in order. */
    public String key() {
        return platform + "/" + listingId;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal amount(Map<String, String> fields, String name) {
        String v = optional(fields, name);
        if (v == null) {
            return null;
        }
        try {
            return BigDecimal.valueOf(PriceHistory.cents(v, 0), 2);
        } catch (IllegalArgumentException e) {
            throw new Invalid(name, "字段 " + name + "：" + e.getMessage());
        }
    }

    private static String optional(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String required(Map<String, String> fields, String name) {
        String v = optional(fields, name);
        if (v == null) {
            throw new Invalid(name, "字段 " + name + " 不能为空 (field '" + name + "' is required)");
        }
        return v;
    }
}
