package cn.wangjian.engine.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * A logistics event of a parcel on {@code wangjian.parcel-events.v1}: {@code {"schema":"parcel-event","version":1,
 * "platform","tracking_number","carrier","order_id","buyer","status":"PICKED_UP"|"SIGNED","time":"…",
 * "weight_grams":300,"place":"…"}} (order, buyer, weight and place optional), keyed by
 * {@code carrier/tracking_number}.
 */
public record ParcelEvent(String platform, String trackingNumber, String carrier, String orderId, String buyer,
                          String status, long time, int weightGrams, String place) {

    public static final String SCHEMA = "parcel-event";
    public static final int VERSION = 1;
    public static final String PICKED_UP = "PICKED_UP";
    public static final String SIGNED = "SIGNED";
    private static final Set<String> STATUSES = Set.of(PICKED_UP, SIGNED);

    public static ParcelEvent parse(String json) {
        JsonNode n = EventJson.read(json, SCHEMA, VERSION);
        String status = EventJson.required(n, "status");
        if (!STATUSES.contains(status)) {
            throw new ListingEvent.Invalid("status", "字段 status：应为 PICKED_UP（揽收）或 SIGNED（签收），而非 " + status);
        }
        long time;
        try {
            time = Instant.parse(EventJson.required(n, "time")).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new ListingEvent.Invalid("time", "字段 time：不是 ISO-8601 时刻：" + n.path("time").asText());
        }
        int weight = -1;
        if (n.hasNonNull("weight_grams")) {
            if (!n.get("weight_grams").canConvertToInt() || n.get("weight_grams").asInt() < 0) {
                throw new ListingEvent.Invalid("weight_grams", "字段 weight_grams：应为非负整数克数");
            }
            weight = n.get("weight_grams").asInt();
        }
        return new ParcelEvent(EventJson.required(n, "platform"), EventJson.required(n, "tracking_number"), EventJson.required(n, "carrier"),
                EventJson.text(n, "order_id"), EventJson.text(n, "buyer"), status, time, weight, EventJson.text(n, "place"));
    }

    public String key() {
        return carrier + "/" + trackingNumber;
    }

    public String toJson() {
        var n = EventJson.JSON.createObjectNode().put("schema", SCHEMA).put("version", VERSION)
                .put("platform", platform).put("tracking_number", trackingNumber).put("carrier", carrier)
                .put("order_id", orderId).put("buyer", buyer).put("status", status)
                .put("time", Instant.ofEpochSecond(time).toString()).put("place", place);
        if (weightGrams >= 0) {
            n.put("weight_grams", weightGrams);
        }
        return n.toString();
    }
}
