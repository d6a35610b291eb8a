package cn.wangjian.engine.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of an officers' rule version: the built-in catalog with the version's additions (terms and allowed
 * words per rule, whole rules), named {@code <built-in version>+v<id>}. The platform stores the additions; the
 * stream job receives them on its rules topic; both build the catalog here, so a version means the same rules in
 * both places.
 */
public final class OfficerRules {

    private OfficerRules() {
    }

    /**
     * The catalog of version {@code id}. A rule that does not build (unknown rule, bad field, duplicate id) throws
     * {@link RuleCatalog.CatalogException} naming the rule and the field.
     */
    public static RuleCatalog catalog(long id, JsonNode additions) {
        RuleCatalog base = RuleCatalog.builtIn();
        Map<String, List<String>> terms = words(additions.path("terms"));
        Map<String, List<String>> allowed = words(additions.path("allowedWords"));
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : additions.path("rules")) {
            rules.add(RuleCatalog.parseRule(r, "officer version " + id));
        }
        return base.withAdditions(base.version() + "+v" + id, terms, allowed, rules);
    }

    private static Map<String, List<String>> words(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<String> w = new ArrayList<>();
            e.getValue().forEach(x -> w.add(x.asText()));
            out.put(e.getKey(), w);
        });
        return out;
    }
}
