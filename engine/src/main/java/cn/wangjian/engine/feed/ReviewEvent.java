package cn.wangjian.engine.feed;

import cn.wangjian.engine.brushing.Review;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A review as a platform reports it on {@code wangjian.reviews.v1}: {@code {"schema":"review","version":1,"platform",
 * "review_id","order_id","buyer","shop_id","rating":5,"time":"…","text":"…","image_hashes":["…"]}} (order, text and
 * images optional), keyed by {@code platform/review_id}. A review reported twice is the same review.
 */
public record ReviewEvent(String platform, Review review) {

    public static final String SCHEMA = "review";
    public static final int VERSION = 1;

    public static ReviewEvent parse(String json) {
        JsonNode n = EventJson.read(json, SCHEMA, VERSION);
        String platform = EventJson.required(n, "platform");
        long time;
        try {
            time = Instant.parse(EventJson.required(n, "time")).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new ListingEvent.Invalid("time", "字段 time：不是 ISO-8601 时刻：" + n.path("time").asText());
        }
        if (!n.path("rating").canConvertToInt() || n.path("rating").asInt() < 1 || n.path("rating").asInt() > 5) {
            throw new ListingEvent.Invalid("rating", "字段 rating：应为 1 到 5 的整数");
        }
        List<String> images = new ArrayList<>();
        n.path("image_hashes").forEach(h -> images.add(h.asText()));
        String text = n.hasNonNull("text") ? n.get("text").asText() : null;
        return new ReviewEvent(platform, new Review(EventJson.required(n, "review_id"), EventJson.text(n, "order_id"),
                EventJson.required(n, "buyer"), platform + "/" + EventJson.required(n, "shop_id"),
                n.get("rating").asInt(), time, text, images));
    }

    public String key() {
        return platform + "/" + review.reviewId();
    }

    public String toJson() {
        var n = EventJson.JSON.createObjectNode().put("schema", SCHEMA).put("version", VERSION)
                .put("platform", platform).put("review_id", review.reviewId()).put("order_id", review.orderId())
                .put("buyer", review.buyer()).put("shop_id", review.shop().substring(platform.length() + 1))
                .put("rating", review.rating()).put("time", Instant.ofEpochSecond(review.time()).toString())
                .put("text", review.text());
        review.imageHashes().forEach(n.putArray("image_hashes")::add);
        return n.toString();
    }
}
