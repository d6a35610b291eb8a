package cn.wangjian.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.demo.RegistryMarket;
import cn.wangjian.engine.price.PriceHistory;
import cn.wangjian.stream.ListingScanJob.FindingEvent;
import cn.wangjian.stream.ListingScanJob.Listing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The small demo market's 50,000 listings scanned on a two-slot MiniCluster: exactly the planted violations. */
class ListingScanJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    static final Map<String, String> RULE_OF = Map.of(
            "ABSOLUTE_WORDING", "AD-9.3-ABSOLUTE",
            "DISEASE_CLAIM_ON_FOOD", "AD-17-DISEASE",
            "COUNTERFEIT_WORDING", "TM-57-COUNTERFEIT",
            "FICTITIOUS_ORIGINAL_PRICE", "PR-17.2-GROUNDLESS-BASE",
            "RAISE_BEFORE_DISCOUNT", "PR-17.1-RAISE-BEFORE-DISCOUNT",
            "HOME_PRICE_LOWER", "PR-20.1-HOME-PRICE");

    @Test
    void finds_exactly_the_planted_listing_violations_on_a_mini_cluster(@TempDir Path dir) throws Exception {
        new RegistryMarket(RegistryMarket.Scale.SMALL, 7).write(dir);
        ObjectMapper json = new ObjectMapper();
        // the published cases' own wording (one listing each, no prices) is measured by the monitoring test
        Set<String> realCases = new HashSet<>();
        for (String line : Files.readAllLines(dir.resolve("ground-truth.csv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("REAL_")) {
                realCases.add(line.split(",")[2]);
            }
        }
        assertThat(realCases).isNotEmpty();
        List<Listing> listings = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("listings.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode l = json.readTree(line);
            if (realCases.contains(l.get("listing_id").asText())) {
                continue;
            }
            listings.add(new Listing(l.get("listing_id").asText(), l.get("platform").asText(), l.get("category").asText(),
                    l.get("title").asText(), l.get("description").asText(), l.get("original_price").asLong() * 100,
                    l.has("home_price") ? l.get("home_price").asLong() * 100 : -1,
                    PriceHistory.parse(l.get("prices").toString()).compact()));
        }
        Map<String, Set<String>> truth = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("ground-truth.csv"), StandardCharsets.UTF_8)) {
            String[] t = line.split(",");
            if (RULE_OF.containsKey(t[0])) {
                truth.computeIfAbsent(RULE_OF.get(t[0]), k -> new HashSet<>()).add(t[2]);
            }
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Map<String, Set<String>> found = new HashMap<>();
        Set<String> flagged = new HashSet<>();
        try (CloseableIterator<FindingEvent> it = ListingScanJob.build(env.fromData(listings),
                LocalDate.of(2026, 11, 30)).executeAndCollect()) {
            it.forEachRemaining(f -> {
                if (!f.severity().equals("HINT")) {
                    found.computeIfAbsent(f.rule(), k -> new HashSet<>()).add(f.listingId());
                    flagged.add(f.listingId());
                }
            });
        }
        assertThat(listings).hasSize(50_000);
        for (var e : truth.entrySet()) {
            assertThat(found.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        Set<String> planted = new HashSet<>();
        truth.values().forEach(planted::addAll);
        assertThat(flagged).as("listings flagged without a planted violation").isEqualTo(planted);
    }
}
