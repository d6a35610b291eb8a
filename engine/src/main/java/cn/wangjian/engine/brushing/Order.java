package cn.wangjian.engine.brushing;

import java.util.Objects;

/** An order; ip, device and addressHash may be null where the platform does not report them. */
public record Order(String orderId, String buyer, String shop, String item, long time, long amountCents, String ip,
                    String device, String addressHash) {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(shop, "shop");
        if (amountCents < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountCents);
        }
    }
}
