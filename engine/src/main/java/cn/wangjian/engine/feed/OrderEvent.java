package cn.wangjian.engine.feed;

import cn.wangjian.engine.brushing.Order;
import cn.wangjian.engine.price.PriceHistory;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An order as a platform reports it on {@code wangjian.orders.v1}: {@code {"schema":"order","version":1,"platform",
 * "order_id","buyer","shop_id","category","item","time":"2026-11-20T08:00:00Z","amount":"12.00","ip","device",
 * "address_hash"}} (buyer and address hashed by the platform as in the trade reports; category, item, ip, device and
 * address optional), keyed by {@code platform/order_id}. An order reported twice is the same order.
 */
public record OrderEvent(String platform, String category, Order order) {

    public static final String SCHEMA = "order";
    public static final int VERSION = 1;

    public static OrderEvent parse(String json) {
        JsonNode n = EventJson.read(json, SCHEMA, VERSION);
        String platform = EventJson.required(n, "platform");
        Instant time;
        try {
            time = Instant.parse(EventJson.required(n, "time"));
        } catch (DateTimeParseException e) {
            throw new ListingEvent.Invalid("time", "字段 time：不是 ISO-8601 时刻：" + n.path("time").asText());
        }
        long cents;
        try {
            cents = PriceHistory.cents(EventJson.required(n, "amount"), 0);
        } catch (IllegalArgumentException e) {
            throw new ListingEvent.Invalid("amount", "字段 amount：" + e.getMessage());
        }
        String shop = platform + "/" + EventJson.required(n, "shop_id");
        Order o = new Order(EventJson.required(n, "order_id"), EventJson.required(n, "buyer"), shop, EventJson.text(n, "item"),
                time.getEpochSecond(), cents, EventJson.text(n, "ip"), EventJson.text(n, "device"), EventJson.text(n, "address_hash"));
        String category = EventJson.text(n, "category");
        return new OrderEvent(platform, category == null ? "general" : category, o);
    }

    public String key() {
        return platform + "/" + order.orderId();
    }

    public String toJson() {
        var n = EventJson.JSON.createObjectNode().put("schema", SCHEMA).put("version", VERSION)
                .put("platform", platform).put("order_id", order.orderId()).put("buyer", order.buyer())
                .put("shop_id", order.shop().substring(platform.length() + 1)).put("category", category)
                .put("time", Instant.ofEpochSecond(order.time()).toString())
                .put("amount", java.math.BigDecimal.valueOf(order.amountCents(), 2).toPlainString());
        if (order.item() != null) {
            n.put("item", order.item());
        }
        if (order.ip() != null) {
            n.put("ip", order.ip());
        }
        if (order.device() != null) {
            n.put("device", order.device());
        }
        if (order.addressHash() != null) {
            n.put("address_hash", order.addressHash());
        }
        return n.toString();
    }
}
