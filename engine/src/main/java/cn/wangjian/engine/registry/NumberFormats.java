package cn.wangjian.engine.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The formats of registry numbers (ICP filing and licence, public-security filing, food licences, health-food
 * approvals), read from {@code formats.json}. The unified social credit code has its own check-character
 * algorithm ({@link UnifiedSocialCreditCode}).
 */
public final class NumberFormats {

    /** One format: what it is called, its pattern, and the reference sheet's verification tag (V or R). */
    public record Format(String kind, String name, Pattern pattern, String verification, String example) {
    }

    private static final NumberFormats BUILT_IN = load();

    private final String version;
    private final Map<String, Format> formats;

    private NumberFormats(String version, Map<String, Format> formats) {
        this.version = version;
        this.formats = Map.copyOf(formats);
    }

    public static NumberFormats builtIn() {
        return BUILT_IN;
    }

    public String version() {
        return version;
    }

    public Optional<Format> format(String kind) {
        return Optional.ofNullable(formats.get(kind));
    }

    /**
     * Checks a number of the given kind; returns the reason it is malformed (Chinese and English), or empty when
     * it is well formed. Surrounding spaces and full-width characters are tolerated.
     */
    public Optional<String> problem(String kind, String value) {
        Format f = formats.get(kind);
        if (f == null) {
            throw new IllegalArgumentException("unknown number kind: " + kind);
        }
        if (value == null || value.isBlank()) {
            return Optional.of(f.name() + "为空 (" + kind + " is missing)");
        }
        String v = normalise(value);
        if (!f.pattern().matcher(v).matches()) {
            return Optional.of(f.name() + "格式不符：“" + value.strip() + "”，应形如 " + f.example()
                    + ("R".equals(f.verification()) ? "（格式依据待核实）" : "") + " (malformed " + kind + ")");
        }
        return Optional.empty();
    }

    /** Full width to half width, upper-case Latin letters, spaces trimmed. */
    public static String normalise(String value) {
        return java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFKC)
                .toUpperCase(java.util.Locale.ROOT);
    }

    private static NumberFormats load() {
        ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
        try (InputStream in = NumberFormats.class.getResourceAsStream("/cn/wangjian/engine/registry/formats.json")) {
            JsonNode root = json.readTree(in);
            Map<String, Format> formats = new LinkedHashMap<>();
            for (JsonNode f : root.path("formats")) {
                formats.put(f.path("kind").asText(), new Format(f.path("kind").asText(), f.path("name").asText(),
                        Pattern.compile(f.path("pattern").asText()), f.path("verification").asText("R"),
                        f.path("example").asText()));
            }
            return new NumberFormats(root.path("version").asText(), formats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
