package cn.wangjian.engine.price;

import java.time.LocalDate;
import java.util.Objects;

/** From {@code from} on, the item sold at {@code cents} (hundredths of a yuan) until the next change. */
public record PriceChange(LocalDate from, long cents) {

    public PriceChange {
        Objects.requireNonNull(from, "from");
        if (cents < 0) {
            throw new IllegalArgumentException("价格不能为负数 (negative price): " + cents);
        }
    }
}
