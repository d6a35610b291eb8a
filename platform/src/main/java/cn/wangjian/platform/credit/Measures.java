package cn.wangjian.platform.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The catalogue of joint-punishment measures ({@code measures.json}): basis, agency, lists, action, duration. */
public final class Measures {

    /** One measure. {@code verified} is false while its basis is recalled, not confirmed (shown as 待核实). */
    public record Measure(String code, String measure, String basis, String agency, Set<ListKind> lists, String action,
                          String duration, boolean verified) {
    }

    private static final List<Measure> ALL = load();

    private Measures() {
    }

    private static List<Measure> load() {
        try (InputStream in = Measures.class.getResourceAsStream("measures.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Measure> out = new ArrayList<>();
            for (JsonNode m : root.path("measures")) {
                Set<ListKind> lists = EnumSet.noneOf(ListKind.class);
                m.path("lists").forEach(l -> lists.add(ListKind.valueOf(l.asText())));
                out.add(new Measure(m.path("code").asText(), m.path("measure").asText(), m.path("basis").asText(),
                        m.path("agency").asText(), Set.copyOf(lists), m.path("action").asText(),
                        m.path("duration").asText(), m.path("verified").asBoolean()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Measure> all() {
        return ALL;
    }

    public static List<Measure> forList(ListKind kind) {
        return ALL.stream().filter(m -> m.lists().contains(kind)).toList();
    }
}
