package cn.wangjian.platform.trade;

/** What a platform reports about transactions (the fields each row needs are checked by {@code TradeChecks}). */
public enum TradeKind {
    ORDERS("订单"), REVIEWS("评价"), PARCELS("物流包裹");

    private final String label;

    TradeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
