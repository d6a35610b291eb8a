package cn.wangjian.engine.brushing;

import java.util.Objects;

/** A parcel as the carrier records it; times in epoch seconds, places as the carrier's site or area codes. */
public record Parcel(String trackingNumber, String carrier, String orderId, String buyer, int weightGrams,
                     long pickupTime, long signTime, String pickupPlace, String signPlace) {

    public Parcel {
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(carrier, "carrier");
        if (weightGrams < 0) {
            throw new IllegalArgumentException("weight must not be negative: " + weightGrams);
        }
    }
}
