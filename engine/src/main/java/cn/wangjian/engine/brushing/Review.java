package cn.wangjian.engine.brushing;

import java.util.List;
import java.util.Objects;

/** A review of an order: rating 1–5, text, the hashes of its images. */
public record Review(String reviewId, String orderId, String buyer, String shop, int rating, long time, String text,
                     List<String> imageHashes) {

    public Review {
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(shop, "shop");
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1-5: " + rating);
        }
        text = text == null ? "" : text;
        imageHashes = imageHashes == null ? List.of() : List.copyOf(imageHashes);
    }
}
