package cn.wangjian.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.brushing.MarketGenerator;
import cn.wangjian.engine.brushing.Tensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrushingCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BrushingCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void generates_a_market_finds_its_rings_and_evaluates_them(@TempDir Path dir) throws Exception {
        assertThat(run("generate", "--cells", "300000", "--seed", "7", "--out", dir.toString())).isZero();
        assertThat(dir.resolve("tensor.csv")).exists();
        assertThat(run("--tensor", dir.resolve("tensor.csv").toString(), "--output", dir.resolve("rings.json").toString(),
                "--flagged", dir.resolve("flagged.csv").toString(), "--evaluate", dir.resolve("truth.csv").toString()))
                .isZero();
        JsonNode rings = new ObjectMapper().readTree(dir.resolve("rings.json").toFile()).get("rings");
        assertThat(rings.size()).isGreaterThanOrEqualTo(4);
        assertThat(rings.get(0).get("explanation").asText()).contains("疑似刷单团伙");
        assertThat(Files.readAllLines(dir.resolve("flagged.csv")).get(0)).isEqualTo("user,shop,day,count,ring");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("F1", "clean rings");
    }

    @Test
    void reads_orders_reviews_and_parcels_and_ties_the_evidence_to_the_rings(@TempDir Path dir) throws Exception {
        var market = MarketGenerator.generate(MarketGenerator.Config.realistic(200_000, 3));
        Tensor t = market.tensor();
        long base = 1_762_790_400L; // 2025-11-11 00:00 China time (16:00 UTC the day before)
        int n = 0;
        try (Writer orders = Files.newBufferedWriter(dir.resolve("orders.csv"));
             Writer parcels = Files.newBufferedWriter(dir.resolve("parcels.csv"));
             Writer reviews = Files.newBufferedWriter(dir.resolve("reviews.csv"))) {
            orders.write("order_id,buyer,shop,item,time,amount\n");
            parcels.write("tracking_number,carrier,order_id,buyer,weight_grams,pickup_time,sign_time,pickup_place,sign_place\n");
            reviews.write("review_id,order_id,buyer,shop,rating,time,text,image_hashes\n");
            for (int c = 0; c < t.size(); c++) {
                boolean ring = market.ringOfCell()[c] >= 0;
                for (int k = 0; k < t.count(c); k++) {
                    String id = "O" + (n++);
                    long time = base + t.day(c) * 86400L + 3600 * (1 + k);
                    orders.write(id + ",buyer" + t.user(c) + ",shop" + t.shop(c) + ",item,"  + time + ",19.90\n");
                    if (ring && k == 0) {
                        parcels.write("YT" + id + ",YTO," + id + ",buyer" + t.user(c) + ",15," + time + "," + (time + 600)
                                + ",330100,330100\n");
                        reviews.write("R" + id + "," + id + ",buyer" + t.user(c) + ",shop" + t.shop(c) + ",5," + time
                                + ",\"宝贝收到了，质量超级好，和描述完全一致，客服很耐心，推荐购买！\",\n");
                    }
                }
            }
        }
        assertThat(run("--orders", dir.resolve("orders.csv").toString(), "--reviews", dir.resolve("reviews.csv").toString(),
                "--parcels", dir.resolve("parcels.csv").toString(), "--output", dir.resolve("out.json").toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode result = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
        JsonNode ring = result.get("rings").get(0);
        assertThat(ring.get("accounts").get(0).asText()).startsWith("buyer");
        assertThat(ring.get("days").get(0).asText()).startsWith("2025-11");
        assertThat(ring.get("orders").size()).isGreaterThan(50);
        assertThat(ring.get("parcels").size()).isGreaterThan(10);
        assertThat(ring.get("explanation").asText()).contains("2025-11", "运单", "线索");
        assertThat(result.get("signals").findValuesAsText("kind")).contains("light_parcel", "instant_sign",
                "same_place", "duplicate_reviews");
    }

    @Test
    void bad_rich_input_names_the_file_line_and_field(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("orders.csv"), "order_id,buyer,shop,time\nO1,b1,s1,2025-11-11 10:00\nO2,b2,s2,yesterday\n");
        assertThat(run("--orders", dir.resolve("orders.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("orders.csv", "第 3 行", "time");
        Files.writeString(dir.resolve("orders2.csv"), "order_id,buyer,time\nO1,b1,1\n");
        assertThat(run("--orders", dir.resolve("orders2.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("缺少列 shop");
        assertThat(run("--tensor", dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    }
}
