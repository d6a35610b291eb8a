package cn.wangjian.engine.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The envelope every feed event shares: a JSON object with its {@code schema} and that schema's {@code version}. */
final class EventJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    /**
     * The event as a JSON object of {@code schema} and {@code version}; anything else throws
     * {@link ListingEvent.Invalid} naming {@code json}, {@code schema} or {@code version}.
     */
    static JsonNode read(String json, String schema, int version) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ListingEvent.Invalid("json", "不是有效的 JSON (not valid JSON): " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new ListingEvent.Invalid("json", "事件应为一个 JSON 对象 (an event is a JSON object)");
        }
        if (!schema.equals(n.path("schema").asText())) {
            throw new ListingEvent.Invalid("schema", "字段 schema：应为 " + schema + "，而非 "
                    + n.path("schema").asText("（缺失）"));
        }
        if (!n.path("version").canConvertToInt() || n.path("version").asInt() != version) {
            throw new ListingEvent.Invalid("version", "字段 version：不支持的版本 " + n.path("version").asText("（缺失）")
                    + "，本系统读取版本 " + version + " (unknown schema version)");
        }
        return n;
    }

    /** A field's text, stripped; null when missing, null or blank. */
    static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.get(field).asText().isBlank() ? n.get(field).asText().strip() : null;
    }

    /** A field's text; missing, null or blank throws {@link ListingEvent.Invalid} naming it. */
    static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new ListingEvent.Invalid(field, "字段 " + field + " 不能为空");
        }
        return v;
    }
}
