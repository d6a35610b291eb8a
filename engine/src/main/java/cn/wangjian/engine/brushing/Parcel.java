package cn.wangjian.engine.brushing;

import java.util.Objects;

/**
 * A parcel as the carrier records it; times in epoch seconds (0 when unknown), places as the carrier's site or area
 * codes, weight in grams (-1 when unknown).
 */
public record Parcel(String trackingNumber, String carrier, String orderId, String buyer, int weightGrams,
                     long pickupTime, long signTime, String pickupPlace, String signPlace) {

    public Parcel {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(carrier, "carrier");
        if (weightGrams < -1) {
            throw new IllegalArgumentException("weight must not be negative: " + weightGrams);
        }
    }
}
