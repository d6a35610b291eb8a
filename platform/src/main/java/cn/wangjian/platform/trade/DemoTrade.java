package cn.wangjian.platform.trade;

import cn.wangjian.platform.database.DatabaseProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The demo market's orders, parcels and reviews (written by the engine's demo generator beside the demo registry),
 * reported on first start the way a platform reports them: per platform, buyers as salted hashes, times as ISO
 * times, through {@link TradeReporting} (partial mode; the answer is logged). The demo's rings are planted by its
 * generator: what brushing monitoring finds in them shows the plumbing, not the detector's quality.
 */
@Service
public class DemoTrade {

    private static final Logger log = LoggerFactory.getLogger(DemoTrade.class);
    static final String ACTOR = "demo-market";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final TradeReporting reporting;
    private final JdbcClient jdbc;
    private final DatabaseProperties properties;

    DemoTrade(TradeReporting reporting, JdbcClient jdbc, DatabaseProperties properties) {
        this.reporting = reporting;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Reports the demo market's transactions unless done before; the reports by platform and kind. */
    public Map<String, Map<TradeKind, TradeReport>> loadIfNotYet() {
        Path dir = properties.dataDir().resolve("demo-market");
        boolean done = jdbc.sql("SELECT EXISTS (SELECT 1 FROM trade_report WHERE reported_by = ?)").param(ACTOR)
                .query(Boolean.class).single();
        if (done || !Files.exists(dir.resolve("orders.csv"))) {
            return Map.of();
        }
        return load(dir);
    }

    /** One platform's report of one kind, as its system would send it to {@code /api/platform-reports/…}. */
    public record Report(String platform, TradeKind kind, String csv) {
    }

    /** The demo market's transactions as the platforms' reports (orders first), or none without a demo market. */
    public List<Report> reports() {
        Path dir = properties.dataDir().resolve("demo-market");
        return Files.exists(dir.resolve("orders.csv")) ? reports(dir) : List.of();
    }

    Map<String, Map<TradeKind, TradeReport>> load(Path dir) {
        Map<String, Map<TradeKind, TradeReport>> out = new LinkedHashMap<>();
        for (Report r : reports(dir)) {
            out.computeIfAbsent(r.platform(), k -> new EnumMap<>(TradeKind.class)).put(r.kind(),
                    reporting.report(r.platform(), r.kind(), new BufferedReader(new StringReader(r.csv())),
                            TradeReporting.Mode.PARTIAL, ACTOR));
        }
        log.info("已报送演示市场交易数据 (demo transactions reported): {}", out.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().values().stream()
                        .map(r -> r.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + r.stored()
                                + (r.rejected().isEmpty() ? "" : "（拒绝 " + r.rejected().size() + "）")).toList())
                .toList());
        return out;
    }

    private static List<Report> reports(Path dir) {
        try {
            Map<String, String> platformOfOrder = new HashMap<>();
            Map<String, StringBuilder> orders = new LinkedHashMap<>();
            Map<String, StringBuilder> parcels = new LinkedHashMap<>();
            Map<String, StringBuilder> reviews = new LinkedHashMap<>();
            // order_id,buyer,shop,item,time,amount — shop as platform/shop id, time in epoch seconds
            try (BufferedReader in = Files.newBufferedReader(dir.resolve("orders.csv"), StandardCharsets.UTF_8)) {
                in.readLine();
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.split(",");
                    String[] shop = f[2].split("/", 2);
                    platformOfOrder.put(f[0], shop[0]);
                    orders.computeIfAbsent(shop[0], k -> new StringBuilder("order_id,buyer,shop_id,item_id,ordered_at,amount\n"))
                            .append(f[0]).append(',').append(hash(f[1])).append(',').append(shop[1]).append(',')
                            .append(f[3]).append(',').append(time(f[4])).append(',').append(f[5]).append('\n');
                }
            }
            // tracking_number,carrier,order_id,buyer,weight_grams,pickup_time,sign_time
            try (BufferedReader in = Files.newBufferedReader(dir.resolve("parcels.csv"), StandardCharsets.UTF_8)) {
                in.readLine();
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.split(",");
                    String platform = platformOfOrder.get(f[2]);
                    if (platform != null) {
                        parcels.computeIfAbsent(platform, k -> new StringBuilder(
                                        "carrier,tracking_no,order_id,weight_grams,picked_up_at,signed_at\n"))
                                .append(f[1]).append(',').append(f[0]).append(',').append(f[2]).append(',').append(f[4])
                                .append(',').append(time(f[5])).append(',').append(time(f[6])).append('\n');
                    }
                }
            }
            // review_id,order_id,buyer,shop,rating,time,text
            try (BufferedReader in = Files.newBufferedReader(dir.resolve("reviews.csv"), StandardCharsets.UTF_8)) {
                in.readLine();
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.split(",", 7);
                    String[] shop = f[3].split("/", 2);
                    reviews.computeIfAbsent(shop[0], k -> new StringBuilder(
                                    "review_id,order_id,buyer,shop_id,rating,reviewed_at,text\n"))
                            .append(f[0]).append(',').append(f[1]).append(',').append(hash(f[2])).append(',')
                            .append(shop[1]).append(',').append(f[4]).append(',').append(time(f[5])).append(",\"")
                            .append(f[6].replace("\"", "\"\"")).append("\"\n");
                }
            }
            List<Report> out = new ArrayList<>();
            for (String platform : orders.keySet()) {
                out.add(new Report(platform, TradeKind.ORDERS, orders.get(platform).toString()));
                if (parcels.containsKey(platform)) {
                    out.add(new Report(platform, TradeKind.PARCELS, parcels.get(platform).toString()));
                }
                if (reviews.containsKey(platform)) {
                    out.add(new Report(platform, TradeKind.REVIEWS, reviews.get(platform).toString()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(String epochSeconds) {
        return Instant.ofEpochSecond(Long.parseLong(epochSeconds)).atZone(CHINA).toOffsetDateTime().toString();
    }

    /** The demo platform's salted hash of a buyer account (the salt is the demo's own, as a platform's would be). */
    static String hash(String buyer) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("wangjian-demo-salt:" + buyer).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration
    static class OnFirstStart {
        @Bean
        @Order(11)
        @ConditionalOnProperty(name = "wangjian.bootstrap.demo-trade", havingValue = "true", matchIfMissing = true)
        ApplicationRunner demoTradeOnFirstStart(DemoTrade demo) {
            return (ApplicationArguments args) -> demo.loadIfNotYet();
        }
    }
}
