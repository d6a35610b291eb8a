package cn.wangjian.engine.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statutory holidays whose Gregorian dates the law fixes (全国年节及纪念日放假办法: 元旦 1 January, 劳动节 1–2 May
 * from 2025, 国庆节 1–3 October), as versioned data with their revision and effective dates
 * ({@code fixed-statutory-days.json}). Used only for provisional deadlines in years whose notice is not stored.
 */
public final class FixedStatutoryDays {

    /** One revision of the law and the days it fixes. */
    public record Rule(String law, String revision, LocalDate effectiveFrom, LocalDate effectiveTo,
                       Map<MonthDay, String> days) {
        boolean inForce(LocalDate d) {
            return !d.isBefore(effectiveFrom) && (effectiveTo == null || !d.isAfter(effectiveTo));
        }
    }

    private final List<Rule> rules;
    private static volatile FixedStatutoryDays builtIn;

    private FixedStatutoryDays(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static FixedStatutoryDays builtIn() {
        FixedStatutoryDays f = builtIn;
        if (f == null) {
            try (InputStream in = FixedStatutoryDays.class.getResourceAsStream("fixed-statutory-days.json")) {
                JsonNode root = new ObjectMapper().readTree(in);
                List<Rule> rules = new ArrayList<>();
                for (JsonNode r : root.path("rules")) {
                    Map<MonthDay, String> days = new LinkedHashMap<>();
                    r.path("days").fields().forEachRemaining(e -> days.put(MonthDay.parse("--" + e.getKey()),
                            e.getValue().asText()));
                    rules.add(new Rule(r.path("law").asText(), r.path("revision").asText(),
                            LocalDate.parse(r.path("effectiveFrom").asText()),
                            r.path("effectiveTo").isNull() ? null : LocalDate.parse(r.path("effectiveTo").asText()),
                            Map.copyOf(days)));
                }
                f = new FixedStatutoryDays(rules);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = f;
        }
        return f;
    }

    /** The fixed-date holiday on {@code d} under the revision in force that day, if any. */
    public Optional<String> nameOf(LocalDate d) {
        for (Rule r : rules) {
            if (r.inForce(d)) {
                return Optional.ofNullable(r.days().get(MonthDay.from(d)));
            }
        }
        return Optional.empty();
    }

    public List<Rule> rules() {
        return rules;
    }
}
