package cn.wangjian.platform.trade;

import java.util.List;

/** What a platform reports about transactions, and the fields each row needs. */
public enum TradeKind {
    ORDERS("订单", List.of("order_id", "buyer", "shop_id", "ordered_at", "amount")),
    REVIEWS("评价", List.of("review_id", "buyer", "shop_id", "rating", "reviewed_at")),
    PARCELS("物流包裹", List.of("carrier", "tracking_no", "order_id"));

    private final String label;
    private final List<String> required;

    TradeKind(String label, List<String> required) {
        this.label = label;
        this.required = required;
    }

    public String label() {
        return label;
    }

    public List<String> required() {
        return required;
    }
}
