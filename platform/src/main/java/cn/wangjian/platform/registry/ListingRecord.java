package cn.wangjian.platform.registry;

import cn.wangjian.engine.feed.ListingEvent;
import cn.wangjian.engine.price.PriceHistory;
import cn.wangjian.engine.text.RuleCatalog;
import java.math.BigDecimal;
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

    private static final Set<String> CATEGORIES = RuleCatalog.builtIn().productCategories().keySet();

    static ListingRecord validate(Map<String, String> fields, Set<String> platforms, Set<String> shops) {
        ListingEvent e;
        try {
            e = ListingEvent.of(fields, CATEGORIES);     // the fields as any listing is checked, also on the feed
        } catch (ListingEvent.Invalid invalid) {
            throw new IllegalArgumentException(invalid.getMessage());
        }
        if (!platforms.contains(e.platform())) {
            throw new IllegalArgumentException("字段 platform：未知平台 " + e.platform() + "，请先导入平台 (unknown platform)");
        }
        if (!shops.contains(e.platform() + "\u0000" + e.shopId())) {
            throw new IllegalArgumentException("字段 shop_id：店铺 " + e.platform() + "/" + e.shopId()
                    + " 不在主体库中，请先报送店铺 (shop not in the registry)");
        }
        return new ListingRecord(e.kind(), e.platform(), e.listingId(), e.shopId(), e.category(), e.title(),
                e.description(), e.url(), e.originalPrice(), e.homePrice(), e.prices(), e.content(),
                e.contentSha256());
    }

    RegistryImporter.Valid asValid(long line) {
        return new RegistryImporter.Valid(line, platform + "\u0000" + listingId, new Object[] {platform, listingId,
                shopId, category, title, description, url, originalPrice, homePrice, prices.compact(), content,
                contentSha256, kind});
    }
}
