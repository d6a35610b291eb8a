package cn.wangjian.platform.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code list of violation types a decision records (违法行为类型), kept as data ({@code violation-types.json}),
 * each mapped to the campaign statistics' category (campaign-statistics.md: 侵权假冒, 虚假违法广告, 刷单炒信,
 * 不正当竞争, 价格违法, 格式条款, 产品质量, 其他).
 */
public final class ViolationTypes {

    /** One type of the list. */
    public record Type(String code, String label, String campaignCategory) {
    }

    private static final Map<String, Type> TYPES = load();

    private ViolationTypes() {
    }

    private static Map<String, Type> load() {
        try (InputStream in = ViolationTypes.class.getResourceAsStream("violation-types.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Type> m = new LinkedHashMap<>();
            for (JsonNode t : root.path("types")) {
                m.put(t.path("code").asText(), new Type(t.path("code").asText(), t.path("label").asText(),
                        t.path("campaignCategory").asText()));
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Type> all() {
        return List.copyOf(TYPES.values());
    }

    public static Optional<Type> of(String code) {
        return Optional.ofNullable(code == null ? null : TYPES.get(code));
    }
}
