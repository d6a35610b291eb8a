package cn.wangjian.platform.feed;

import cn.wangjian.engine.brushing.Order;
import cn.wangjian.platform.brushing.BrushingMonitor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Reads a ring event of the stream ({@code brushing-ring} v1); anything else is refused naming what is wrong. */
final class StreamRingJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private StreamRingJson() {
    }

    static BrushingMonitor.StreamRing parse(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("不是有效的 JSON (not valid JSON)");
        }
        if (n == null || !"brushing-ring".equals(n.path("schema").asText()) || n.path("version").asInt() != 1) {
            throw new IllegalArgumentException("应为 brushing-ring 第 1 版事件 (not a brushing-ring v1 event)");
        }
        try {
            Instant start = Instant.parse(n.get("window_start").asText());
            Instant end = Instant.parse(n.get("window_end").asText());
            List<Order> orders = new ArrayList<>();
            for (JsonNode o : n.withArray("orders")) {
                orders.add(new Order(o.get("order_id").asText(), o.get("buyer").asText(), o.get("shop").asText(), null,
                        Instant.parse(o.get("time").asText()).getEpochSecond(), o.get("amount_cents").asLong(), null,
                        null, null));
            }
            List<LocalDate> days = new ArrayList<>();
            n.withArray("days").forEach(d -> days.add(LocalDate.parse(d.asText())));
            return new BrushingMonitor.StreamRing(n.get("platform").asText(), n.path("category").asText(null),
                    start.atZone(CHINA).toLocalDate(), end.minusSeconds(1).atZone(CHINA).toLocalDate(),
                    n.path("orders_in_window").asInt(), strings(n.withArray("accounts")), strings(n.withArray("shops")),
                    days, orders, n.path("mass").asLong(), n.path("expected").asDouble(), n.path("score").asDouble(),
                    n.path("explanation").asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("刷单团伙事件不完整 (incomplete ring event): " + e.getMessage());
        }
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }
}
