package cn.wangjian.platform.registry;

import cn.wangjian.engine.price.PriceHistory;
import cn.wangjian.engine.text.RuleCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * One reported listing, ad or shop page (kind LISTING, AD or SHOP_PAGE), checked: known platform and shop, a
 * product category of the rule catalog, an http(s)
 * address, amounts with at most two decimals, an ascending price history. Its canonical JSON ({@code content}) and
 * that JSON's SHA-256 are what the platform reported, kept as evidence.
 */
record ListingRecord(String kind, String platform, String listingId, String shopId, String category, String title,
                     String description, String url, BigDecimal originalPrice, BigDecimal homePrice,
                     PriceHistory prices, String content, String contentSha256) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CATEGORIES = RuleCatalog.builtIn().productCategories().keySet();

    static ListingRecord validate(Map<String, String> fields, Set<String> platforms, Set<String> shops) {
        String platform = required(fields, "platform");
        if (!platforms.contains(platform)) {
            throw new IllegalArgumentException("字段 platform：未知平台 " + platform + "，请先导入平台 (unknown platform)");
        }
        String shopId = required(fields, "shop_id");
        if (!shops.contains(platform + "\u0000" + shopId)) {
            throw new IllegalArgumentException("字段 shop_id：店铺 " + platform + "/" + shopId
                    + " 不在主体库中，请先报送店铺 (shop not in the registry)");
        }
        String listingId = required(fields, "listing_id");
        String kind = optional(fields, "kind") == null ? "LISTING" : optional(fields, "kind").toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("LISTING", "AD", "SHOP_PAGE").contains(kind)) {
            throw new IllegalArgumentException("字段 kind：应为 LISTING（商品）、AD（广告）或 SHOP_PAGE（店铺页面），而非 " + kind);
        }
        if (listingId.length() > 100) {
            throw new IllegalArgumentException("字段 listing_id：不能超过100个字符 (too long)");
        }
        String title = required(fields, "title");
        if (title.length() > 1000) {
            throw new IllegalArgumentException("字段 title：不能超过1000个字符 (too long)");
        }
        String description = optional(fields, "description");
        if (description != null && description.length() > 50_000) {
            throw new IllegalArgumentException("字段 description：不能超过50000个字符 (too long)");
        }
        String category = optional(fields, "category");
        if (category != null && !CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("字段 category：未知商品类别 " + category + "，可选 " + CATEGORIES
                    + " (unknown product category)");
        }
        String url = optional(fields, "url");
        if (url != null) {
            try {
                URI u = URI.create(url);
                if (u.getScheme() == null || !Set.of("http", "https").contains(u.getScheme().toLowerCase(java.util.Locale.ROOT))
                        || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("字段 url：不是 http(s) 地址 " + url + " (not an http(s) address)");
            }
        }
        BigDecimal original = amount(fields, "original_price");
        BigDecimal home = amount(fields, "home_price");
        PriceHistory prices;
        try {
            prices = PriceHistory.parse(optional(fields, "prices"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("字段 prices：" + e.getMessage());
        }
        ObjectNode canonical = JSON.createObjectNode();
        canonical.put("kind", kind).put("platform", platform).put("shop_id", shopId).put("listing_id", listingId)
                .put("category", category).put("title", title).put("description", description).put("url", url)
                .put("original_price", original).put("home_price", home).put("prices", prices.compact());
        String content = canonical.toString();
        return new ListingRecord(kind, platform, listingId, shopId, category, title, description, url, original, home, prices,
                content, sha256(content));
    }

    RegistryImporter.Valid asValid(long line) {
        return new RegistryImporter.Valid(line, platform + "\u0000" + listingId, new Object[] {platform, listingId,
                shopId, category, title, description, url, originalPrice, homePrice, prices.compact(), content,
                contentSha256, kind});
    }

    static String sha256(String text) {
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
            throw new IllegalArgumentException("字段 " + name + "：" + e.getMessage());
        }
    }

    private static String optional(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String required(Map<String, String> fields, String name) {
        String v = optional(fields, name);
        if (v == null) {
            throw new IllegalArgumentException("字段 " + name + " 不能为空 (field '" + name + "' is required)");
        }
        return v;
    }
}
