package cn.wangjian.engine.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Product listings of the demo market as a platform reports them, one JSON object per line: listing_id, platform,
 * shop_id, url, product category (the text engine's categories), title, description, the displayed original price
 * (划线价), sometimes the home-page price, and the price history of the last 30 days as changes ({from, price}).
 * Planted:
 * absolute wording (广告法第九条第三项), disease claims on food (广告法第十七条), counterfeit wording (高仿、精仿、A货;
 * 商标法第五十七条), and original prices never charged in the history (明码标价和禁止价格欺诈规定第十六条、第十七条), prices raised
 * shortly before the discount (第十七条第一项) and home-page prices below the detail price (第二十条第一项);
 * each goes to the ground truth with the listing id.
 */
final class Listings {

    static final double ABSOLUTE_WORDING = 0.02;
    static final double DISEASE_CLAIMS_ON_FOOD = 0.02;
    static final double FICTITIOUS_ORIGINAL_PRICE = 0.02;
    static final double COUNTERFEIT_WORDING = 0.01;
    static final double RAISE_BEFORE_DISCOUNT = 0.005;
    static final double HOME_PRICE_LOWER = 0.005;

    private static final String[][] PRODUCTS = {
            {"food", "有机燕麦片", "东北大米", "坚果礼盒", "手工挂面", "新疆红枣", "紫菜汤料"},
            {"health_food", "维生素C咀嚼片", "鱼油软胶囊", "蛋白粉"},
            {"apparel", "纯棉T恤", "牛仔裤", "羊毛围巾", "运动鞋", "双肩包"},
            {"electronics", "蓝牙耳机", "移动电源", "电热水壶", "台灯"},
            {"cosmetics", "保湿面霜", "洗面奶", "护手霜"},
            {"general", "收纳盒", "保温杯", "儿童绘本", "抽纸", "数据线"}};
    private static final String[] PLAIN = {"多规格可选", "包邮", "当季新品", "品质保证", "支持七天无理由退货", "产地直发"};
    private static final String[] ABSOLUTE = {"国家级", "最佳"};
    private static final String[] DISEASE = {"降血压", "治疗糖尿病"};
    private static final String[] COUNTERFEIT = {"高仿", "精仿", "A货"};
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private Listings() {
    }

    /** The text-engine category of a shop's goods category. */
    static String productCategory(String shopCategory) {
        return switch (shopCategory) {
            case "食品", "预包装食品", "食用农产品" -> "food";
            case "保健食品" -> "health_food";
            case "服装" -> "apparel";
            case "数码" -> "electronics";
            case "美妆" -> "cosmetics";
            default -> "general";
        };
    }

    static void write(BufferedWriter w, long count, List<String[]> shops, SplittableRandom random,
                      List<String[]> truth) throws IOException {
        StringBuilder line = new StringBuilder(512);
        for (long i = 0; i < count; i++) {
            String[] shop = shops.get(random.nextInt(shops.size()));       // {key, shop category}
            String category = productCategory(shop[1]);
            String[] products = productsOf(category);
            String product = products[1 + random.nextInt(products.length - 1)];
            String id = "L" + (10_000_000 + i);
            String title = product + " " + PLAIN[random.nextInt(PLAIN.length)];
            String description = product + "，" + PLAIN[random.nextInt(PLAIN.length)] + "，"
                    + PLAIN[random.nextInt(PLAIN.length)] + "。";
            if (category.equals("health_food")) {
                description += "保健食品不是药物，本品不能代替药物。";
            }
            if (random.nextDouble() < ABSOLUTE_WORDING) {
                title = ABSOLUTE[random.nextInt(ABSOLUTE.length)] + "品质 " + title;
                truth.add(new String[] {"ABSOLUTE_WORDING", "LISTING", id});
            }
            if (!category.equals("food") && !category.equals("health_food") && random.nextDouble() < COUNTERFEIT_WORDING) {
                title = COUNTERFEIT[random.nextInt(COUNTERFEIT.length)] + " " + title;
                truth.add(new String[] {"COUNTERFEIT_WORDING", "LISTING", id});
            }
            if (category.equals("food") && random.nextDouble() < DISEASE_CLAIMS_ON_FOOD) {
                description += "常吃可" + DISEASE[random.nextInt(DISEASE.length)] + "。";
                truth.add(new String[] {"DISEASE_CLAIM_ON_FOOD", "LISTING", id});
            }
            // 30 days of prices: a regular price, then (for most) a discount in the last week
            int regular = 20 + random.nextInt(280);
            int discount = regular * (70 + random.nextInt(21)) / 100;
            boolean fictitious = random.nextDouble() < FICTITIOUS_ORIGINAL_PRICE;
            boolean raised = !fictitious && random.nextDouble() < RAISE_BEFORE_DISCOUNT;
            int raisedPrice = regular * (125 + random.nextInt(50)) / 100;
            int original = fictitious ? regular * (150 + random.nextInt(100)) / 100 : raised ? raisedPrice : regular;
            if (fictitious) {
                truth.add(new String[] {"FICTITIOUS_ORIGINAL_PRICE", "LISTING", id});
            }
            if (raised) {
                truth.add(new String[] {"RAISE_BEFORE_DISCOUNT", "LISTING", id});
            }
            int home = -1;
            double h = random.nextDouble();
            if (h < HOME_PRICE_LOWER) {
                home = Math.max(1, discount * 80 / 100);
                truth.add(new String[] {"HOME_PRICE_LOWER", "LISTING", id});
            } else if (h < 0.2) {
                home = discount;                      // the same price on the home page: lawful
            }
            int slash = shop[0].indexOf('/');
            String platform = shop[0].substring(0, slash);
            line.setLength(0);
            line.append("{\"listing_id\":\"").append(id).append("\",\"platform\":\"").append(platform)
                    .append("\",\"shop_id\":\"").append(shop[0], slash + 1, shop[0].length())
                    .append("\",\"url\":\"https://").append(platform).append(".example/item/").append(id)
                    .append("\",\"category\":\"").append(category).append("\",\"title\":\"").append(title)
                    .append("\",\"description\":\"").append(description).append("\",\"original_price\":")
                    .append(original);
            if (home >= 0) {
                line.append(",\"home_price\":").append(home);
            }
            line.append(",\"prices\":[");
            // the history as price changes: the regular price from 30 days ago, (a raise 12 days ago,) the discount
            // for the last week
            line.append("{\"from\":\"").append(TODAY.minusDays(29)).append("\",\"price\":").append(regular).append('}');
            if (raised) {
                line.append(",{\"from\":\"").append(TODAY.minusDays(12)).append("\",\"price\":").append(raisedPrice)
                        .append('}');
            }
            line.append(",{\"from\":\"").append(TODAY.minusDays(6)).append("\",\"price\":").append(discount)
                    .append('}');
            line.append("]}\n");
            w.append(line);
        }
    }

    /** The development part of the real-case suite, shipped in the engine's jar (never the held-out part). */
    static final String REAL_CASES = "/cn/wangjian/engine/demo/dev.jsonl";

    /**
     * After the generated listings, one listing for each text of the development part of the real-case suite
     * ({@code engine/suites/real/dev.jsonl}): ad wording quoted from published enforcement cases and lawful text as
     * real shops write it, each with its own product category, in a shop of the market picked by {@code random}.
     * The ground truth says REAL_CASE_WORDING or REAL_LAWFUL_LISTING; {@code manifest} gets, per listing, the case,
     * its family, the finding categories that count as catching it, and its published source. Returns how many.
     */
    static int writeRealCases(BufferedWriter w, long firstIndex, List<String[]> shops, SplittableRandom random,
                              List<String[]> truth, org.apache.commons.csv.CSVPrinter manifest) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int n = 0;
        try (var in = Listings.class.getResourceAsStream(REAL_CASES)) {
            if (in == null) {
                throw new IOException("missing resource " + REAL_CASES);
            }
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (l.isBlank()) {
                    continue;
                }
                var c = json.readTree(l);
                String family = c.path("family").asText();
                String id = "L" + (10_000_000 + firstIndex + n);
                String[] shop = shops.get(random.nextInt(shops.size()));
                int slash = shop[0].indexOf('/');
                String platform = shop[0].substring(0, slash);
                var out = json.createObjectNode();
                out.put("listing_id", id).put("platform", platform).put("shop_id", shop[0].substring(slash + 1))
                        .put("url", "https://" + platform + ".example/item/" + id)
                        .put("category", c.path("category").asText("general"))
                        .put("title", c.path("text").asText());
                w.append(json.writeValueAsString(out)).append('\n');
                boolean lawful = family.equals("lawful");
                truth.add(new String[] {lawful ? "REAL_LAWFUL_LISTING" : "REAL_CASE_WORDING", "LISTING", id});
                List<String> accept = new java.util.ArrayList<>();
                c.path("accept").forEach(a -> accept.add(a.asText()));
                manifest.printRecord(id, c.path("id").asText(), family, c.path("category").asText("general"),
                        String.join(" ", accept), c.path("source").asText(""));
                n++;
            }
        }
        return n;
    }

    private static String[] productsOf(String category) {
        for (String[] p : PRODUCTS) {
            if (p[0].equals(category)) {
                return p;
            }
        }
        throw new IllegalStateException(category);
    }
}
