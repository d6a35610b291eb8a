package cn.wangjian.engine.feed;

import cn.wangjian.engine.text.OfficerRules;
import cn.wangjian.engine.text.RuleCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An officers' rule version as published on the rules topic: {@code {"schema":"rule-version","version":1,"id":N,
 * "additions":{…}}} — the additions to the built-in catalog exactly as the platform stores them, so the stream job
 * builds the same catalog ({@link OfficerRules}). Id 0 is the built-in catalog alone; a later version has a larger
 * id (a rollback is a new version).
 */
public record RuleVersionEvent(long id, JsonNode additions) {

    public static final String SCHEMA = "rule-version";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RuleVersionEvent of(long id, String additionsJson) {
        try {
            JsonNode a = JSON.readTree(additionsJson);
            if (a == null || !a.isObject()) {
                throw new ListingEvent.Invalid("additions", "字段 additions：应为一个 JSON 对象");
            }
            return new RuleVersionEvent(id, a);
        } catch (JsonProcessingException e) {
            throw new ListingEvent.Invalid("additions", "字段 additions：不是有效的 JSON: " + e.getOriginalMessage());
        }
    }

    public static RuleVersionEvent parse(String json) {
        JsonNode n = EventJson.read(json, SCHEMA, VERSION);
        if (!n.path("id").canConvertToLong() || n.path("id").asLong() < 0) {
            throw new ListingEvent.Invalid("id", "字段 id：应为非负整数");
        }
        if (!n.path("additions").isObject()) {
            throw new ListingEvent.Invalid("additions", "字段 additions：应为一个 JSON 对象");
        }
        return new RuleVersionEvent(n.path("id").asLong(), n.path("additions"));
    }

    /** The catalog of this version; throws {@link RuleCatalog.CatalogException} when a rule does not build. */
    public RuleCatalog catalog() {
        return id == 0 && additions.isEmpty() ? RuleCatalog.builtIn() : OfficerRules.catalog(id, additions);
    }

    public String toJson() {
        return JSON.createObjectNode().put("schema", SCHEMA).put("version", VERSION).put("id", id)
                .set("additions", additions).toString();
    }
}
