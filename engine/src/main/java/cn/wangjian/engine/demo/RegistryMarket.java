package cn.wangjian.engine.demo;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import com.hankcs.hanlp.HanLP;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic market: enterprises, platforms, shops, websites and licences as the platform's import
 * files, product listings with price histories ({@code listings.jsonl}), and orders, parcels and reviews with
 * brushing rings, with violations planted at known rates and a ground-truth file listing each of them.
 * The same scale and seed always give the same bytes.
 */
public final class RegistryMarket {

    /** How big a market to write. */
    public enum Scale {
        SMALL(1_000, 5_000, 50_000, 200_000, 5), MEDIUM(100_000, 100_000, 1_000_000, 5_000_000, 20),
        LARGE(1_000_000, 1_000_000, 10_000_000, 50_000_000, 50);

        final int enterprises;
        final int shops;
        final long listings;
        final long orders;
        final int rings;

        Scale(int enterprises, int shops, long listings, long orders, int rings) {
            this.enterprises = enterprises;
            this.shops = shops;
            this.listings = listings;
            this.orders = orders;
            this.rings = rings;
        }

        public static Scale parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--scale 应为 small、medium 或 large，而非 " + s);
            }
        }
    }

    /** The planted rates, per shop, website, operator or enterprise row as named. */
    public static final double REVOKED_ENTERPRISES = 0.02;
    public static final double BAD_CODE_ROWS = 0.005;
    public static final double UNREGISTERED_OPERATOR_SHOPS = 0.01;
    public static final double NO_OPERATOR_SHOPS = 0.005;
    public static final double NO_LICENCE_INFO_SHOPS = 0.03;
    public static final double FOOD_SHOPS = 0.2;
    public static final double FOOD_OPERATORS_WITHOUT_LICENCE = 0.06;
    public static final double FOOD_OPERATORS_WITH_EXPIRED_LICENCE = 0.04;
    public static final double MALFORMED_LICENCES = 0.01;
    public static final double IMITATING_SHOPS = 0.005;
    public static final double WEBSITE_OPERATORS = 0.3;
    public static final double WEBSITES_WITHOUT_FILING = 0.02;
    public static final double WEBSITES_WITH_MALFORMED_FILING = 0.01;
    public static final double WEBSITES_WITH_BORROWED_FILING = 0.01;
    public static final double WEBSITES_IMITATING_A_NAME = 0.01;

    /** A city and its districts; an enterprise is registered in one of them, in turn (no random draw spent). */
    private record City(String name, String abbreviation, String... districts) {
        String district(int n) {
            return districts[n % districts.length];
        }
    }

    private static final City[] CITIES = {
            new City("杭州", "浙", "330102"), new City("杭州", "浙", "330106"), new City("宁波", "浙", "330203"),
            new City("深圳", "粤", "440305"), new City("广州", "粤", "440106"), new City("福州", "闽", "350102"),
            new City("北京", "京", "110108", "110101", "110102"), new City("上海", "沪", "310101"), new City("南京", "苏", "320102"),
            new City("成都", "川", "510104")};
    private static final String TRADE_CHARS = "华盛兴泰恒达鑫源嘉和瑞丰宏远佳美新锦博通力信益德安康明辉晨星海川云帆永昌金诚";
    private static final String[] INDUSTRIES = {"科技", "贸易", "食品", "电子", "服饰", "日用", "数码", "家居", "生物", "文化",
            "农业", "商贸", "网络", "母婴", "美妆"};
    private static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "军", "勇"};
    private static final String[] CATEGORIES = {"服装", "数码", "家居", "美妆", "母婴", "日用百货", "图书"};
    private static final String[] FOOD_CATEGORIES = {"食品", "预包装食品", "食用农产品", "保健食品"};
    private static final String[] PLATFORMS = {"demo-mall:示例电商平台", "huiyi-shop:汇易购", "linli-go:邻里团购",
            "xianguo-live:鲜果直播", "qianhe-b2b:千禾批发"};
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private record Enterprise(String code, String region, String trade, String industry, String name, City city,
                              String status, boolean badCode) {
        String core() {
            return city.name() + trade + industry;
        }
    }

    private final Scale scale;
    private final long seed;

    public RegistryMarket(Scale scale, long seed) {
        this.scale = scale;
        this.seed = seed;
    }

    /** What was written: row counts by file and planted violations by check. */
    public record Summary(Map<String, Integer> rows, Map<String, Integer> planted) {
    }

    public Summary write(Path dir) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> rows = new LinkedHashMap<>();
        Map<String, Integer> planted = new LinkedHashMap<>();
        List<String[]> truth = new ArrayList<>();

        // enterprises: unique valid codes, unique name cores (city + two-character trade name + industry)
        List<Enterprise> enterprises = new ArrayList<>(scale.enterprises);
        Set<String> codes = new HashSet<>();
        Set<String> cores = new HashSet<>();
        try (BufferedWriter w = writer(dir, "enterprises.csv")) {
            w.write("credit_code,name,legal_rep,address,region_code,status\n");
            while (enterprises.size() < scale.enterprises) {
                City city = CITIES[random.nextInt(CITIES.length)];
                // two-character trade names while distinct ones last, then three characters (large markets)
                StringBuilder tradeName = new StringBuilder();
                int length = enterprises.size() < 40_000 ? 2 : 3;
                while (tradeName.length() < length) {
                    char c = TRADE_CHARS.charAt(random.nextInt(TRADE_CHARS.length()));
                    if (tradeName.indexOf(String.valueOf(c)) < 0) {
                        tradeName.append(c);
                    }
                }
                String trade = tradeName.toString();
                String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
                String core = city.name() + trade + industry;
                if (!cores.add(core)) {
                    continue;
                }
                String name = core + FORMS[random.nextInt(FORMS.length)];
                // Beijing's enterprises in 海淀, 东城 and 西城, so the demo's district bureaus have local subjects
                String district = city.district(enterprises.size());
                String code = newCode(random, district, codes);
                boolean bad = random.nextDouble() < BAD_CODE_ROWS;
                String status = random.nextDouble() < REVOKED_ENTERPRISES
                        ? new String[] {"REVOKED", "CANCELLED", "ABNORMAL"}[random.nextInt(3)] : "ACTIVE";
                String written = bad ? code.substring(0, 17) + otherCheck(code.charAt(17)) : code;
                Enterprise e = new Enterprise(code, district, trade, industry, name, city, status, bad);
                enterprises.add(e);
                w.write(String.join(",", written, name, SURNAMES[random.nextInt(SURNAMES.length)]
                        + GIVEN[random.nextInt(GIVEN.length)], city.name() + "市某区某路" + (1 + random.nextInt(999)) + "号",
                        district, status));
                w.write('\n');
                if (bad) {
                    truth.add(new String[] {"IMPORT_REJECTED", "ENTERPRISE", written});
                    count(planted, "IMPORT_REJECTED");
                }
            }
        }
        rows.put("enterprises", enterprises.size());
        List<Enterprise> registered = enterprises.stream().filter(e -> !e.badCode()).toList();

        try (BufferedWriter w = writer(dir, "platforms.csv")) {
            w.write("code,name\n");
            for (String p : PLATFORMS) {
                w.write(p.replace(':', ','));
                w.write('\n');
            }
        }
        rows.put("platforms", PLATFORMS.length);

        // shops
        Map<String, List<String>> foodShopsByOperator = new LinkedHashMap<>();
        List<String[]> shopCategories = new ArrayList<>(scale.shops);
        try (BufferedWriter w = writer(dir, "shops.csv")) {
            w.write("platform,shop_id,shop_name,operator_credit_code,licence_info,category\n");
            for (int i = 0; i < scale.shops; i++) {
                String platform = PLATFORMS[random.nextInt(PLATFORMS.length)].split(":")[0];
                String shopId = "S" + (100_000 + i);
                String key = platform + "/" + shopId;
                Enterprise op = enterprises.get(random.nextInt(enterprises.size()));
                String operator = op.code();
                String name = op.trade() + op.industry() + new String[] {"旗舰店", "专营店", "专卖店", "小店"}[random.nextInt(4)];
                double r = random.nextDouble();
                if (r < UNREGISTERED_OPERATOR_SHOPS) {
                    operator = newCode(random, op.region(), codes);
                    truth.add(new String[] {"OPERATOR_UNREGISTERED", "SHOP", key});
                    count(planted, "OPERATOR_UNREGISTERED");
                } else if (r < UNREGISTERED_OPERATOR_SHOPS + NO_OPERATOR_SHOPS) {
                    operator = "";
                    truth.add(new String[] {"OPERATOR_UNREGISTERED", "SHOP", key});
                    count(planted, "OPERATOR_UNREGISTERED");
                } else if (op.badCode()) {
                    // the operator's registry row is rejected on import, so the shop's operator is unknown
                    truth.add(new String[] {"OPERATOR_UNREGISTERED", "SHOP", key});
                    count(planted, "OPERATOR_UNREGISTERED");
                } else if (!op.status().equals("ACTIVE")) {
                    truth.add(new String[] {"OPERATOR_NOT_ACTIVE", "SHOP", key});
                    count(planted, "OPERATOR_NOT_ACTIVE");
                }
                if (random.nextDouble() < IMITATING_SHOPS) {
                    Enterprise victim = registered.get(random.nextInt(registered.size()));
                    if (!victim.code().equals(operator)) {
                        name = imitation(victim, random);
                        truth.add(new String[] {"NAME_RESEMBLES_OTHER_SUBJECT", "SHOP", key});
                        count(planted, "NAME_RESEMBLES_OTHER_SUBJECT");
                    }
                }
                String licenceInfo = "营业执照：" + (operator.isEmpty() ? "未填写" : operator);
                if (random.nextDouble() < NO_LICENCE_INFO_SHOPS) {
                    licenceInfo = "";
                    truth.add(new String[] {"LICENCE_INFO_NOT_DISPLAYED", "SHOP", key});
                    count(planted, "LICENCE_INFO_NOT_DISPLAYED");
                }
                boolean food = random.nextDouble() < FOOD_SHOPS;
                String category = food ? FOOD_CATEGORIES[random.nextInt(FOOD_CATEGORIES.length)]
                        : CATEGORIES[random.nextInt(CATEGORIES.length)];
                if (food) {
                    foodShopsByOperator.computeIfAbsent(operator, k -> new ArrayList<>()).add(key);
                }
                shopCategories.add(new String[] {key, category});
                w.write(String.join(",", platform, shopId, name, operator, licenceInfo, category));
                w.write('\n');
            }
        }
        rows.put("shops", scale.shops);

        // licences: every operator of a food shop holds a food business licence, except those planted
        int licenceRows = 0;
        Set<String> registeredCodes = new HashSet<>();
        registered.forEach(e -> registeredCodes.add(e.code()));
        try (BufferedWriter w = writer(dir, "licences.csv")) {
            w.write("kind,number,holder_credit_code,valid_from,valid_to\n");
            int sequence = 0;
            for (var entry : foodShopsByOperator.entrySet()) {
                String operator = entry.getKey();
                double r = random.nextDouble();
                boolean known = registeredCodes.contains(operator);
                if (!known || r < FOOD_OPERATORS_WITHOUT_LICENCE) {
                    for (String shop : entry.getValue()) {
                        truth.add(new String[] {"FOOD_WITHOUT_LICENCE", "SHOP", shop});
                        count(planted, "FOOD_WITHOUT_LICENCE");
                    }
                    continue;
                }
                boolean expired = r < FOOD_OPERATORS_WITHOUT_LICENCE + FOOD_OPERATORS_WITH_EXPIRED_LICENCE;
                String number = "JY1" + operator.substring(2, 8) + String.format("%06d", ++sequence % 1_000_000)
                        + random.nextInt(10);
                if (random.nextDouble() < MALFORMED_LICENCES) {
                    number = "JY-" + number.substring(2);
                    truth.add(new String[] {"LICENCE_NUMBER_MALFORMED", "LICENCE", "FOOD_BUSINESS " + number});
                    count(planted, "LICENCE_NUMBER_MALFORMED");
                }
                w.write(String.join(",", "FOOD_BUSINESS", number, operator, expired ? "2019-03-01" : "2023-06-01",
                        expired ? "2024-02-29" : "2028-05-31"));
                w.write('\n');
                licenceRows++;
                if (expired) {
                    for (String shop : entry.getValue()) {
                        truth.add(new String[] {"FOOD_WITHOUT_LICENCE", "SHOP", shop});
                        count(planted, "FOOD_WITHOUT_LICENCE");
                    }
                }
            }
        }
        rows.put("licences", licenceRows);

        // websites: an operator's sites share its filing with serials -1, -2 …; borrowed filings taint both sides
        List<String[]> sites = new ArrayList<>();
        Map<String, String> filingOf = new LinkedHashMap<>();
        List<Enterprise> siteOperators = new ArrayList<>();
        for (Enterprise e : registered) {
            if (random.nextDouble() < WEBSITE_OPERATORS) {
                siteOperators.add(e);
                filingOf.put(e.code(), e.city().abbreviation() + "ICP备" + (10_000_000 + random.nextInt(89_999_999)) + "号");
            }
        }
        Map<String, List<String[]>> sitesByFiling = new LinkedHashMap<>();
        Set<String> addresses = new HashSet<>();
        Set<String> borrowedFilings = new java.util.LinkedHashSet<>();
        for (Enterprise e : siteOperators) {
            int n = 1 + (random.nextDouble() < 0.2 ? 1 : 0);
            String pinyin = HanLP.convertToPinyinString(e.trade() + e.industry(), "", false).replaceAll("[^a-z]", "");
            for (int s = 1; s <= n; s++) {
                String address = pinyin + (s == 1 ? "" : "-shop") + ".example.cn";
                if (!addresses.add(address)) {
                    address = pinyin + "-" + e.code().substring(10, 16).toLowerCase(Locale.ROOT) + s + ".example.cn";
                    addresses.add(address);
                }
                String filing = filingOf.get(e.code());
                double r = random.nextDouble();
                String written = filing + "-" + s;
                if (r < WEBSITES_WITHOUT_FILING) {
                    written = "";
                    truth.add(new String[] {"WEBSITE_FILING_MISSING", "WEBSITE", address});
                    count(planted, "WEBSITE_FILING_MISSING");
                } else if (r < WEBSITES_WITHOUT_FILING + WEBSITES_WITH_MALFORMED_FILING) {
                    written = filing.replace("ICP备", "ICP").replace("号", "");
                    truth.add(new String[] {"WEBSITE_FILING_MALFORMED", "WEBSITE", address});
                    count(planted, "WEBSITE_FILING_MALFORMED");
                } else if (r < WEBSITES_WITHOUT_FILING + WEBSITES_WITH_MALFORMED_FILING + WEBSITES_WITH_BORROWED_FILING
                        && siteOperators.size() > 1) {
                    Enterprise owner = siteOperators.get(random.nextInt(siteOperators.size()));
                    if (!owner.code().equals(e.code())) {
                        written = filingOf.get(owner.code()) + "-9";
                        borrowedFilings.add(filingOf.get(owner.code()));
                    }
                }
                if (written.contains("ICP备")) {
                    sitesByFiling.computeIfAbsent(written.replaceFirst("-\\d+$", ""), k -> new ArrayList<>())
                            .add(new String[] {address, e.code()});
                }
                String siteName = e.trade() + e.industry() + "官网";
                if (random.nextDouble() < WEBSITES_IMITATING_A_NAME) {
                    Enterprise victim = registered.get(random.nextInt(registered.size()));
                    if (!victim.code().equals(e.code())) {
                        siteName = victim.core() + "官方网站";
                        truth.add(new String[] {"WEBSITE_NAME_RESEMBLES_OTHER_SUBJECT", "WEBSITE", address});
                        count(planted, "WEBSITE_NAME_RESEMBLES_OTHER_SUBJECT");
                    }
                }
                sites.add(new String[] {address, "WEBSITE", siteName, written,
                        e.city().abbreviation() + "公网安备 " + e.region() + String.format("%08d", random.nextInt(100_000_000)) + "号",
                        e.code()});
            }
        }
        for (String filing : borrowedFilings) {
            List<String[]> using = sitesByFiling.getOrDefault(filing, List.of());
            if (using.stream().map(u -> u[1]).distinct().count() > 1) {
                for (String[] site : using) {
                    truth.add(new String[] {"WEBSITE_FILING_SHARED", "WEBSITE", site[0]});
                    count(planted, "WEBSITE_FILING_SHARED");
                }
            }
        }
        try (BufferedWriter w = writer(dir, "websites.csv")) {
            w.write("address,kind,name,icp_filing,public_security_filing,operator_credit_code\n");
            for (String[] s : sites) {
                w.write(String.join(",", s));
                w.write('\n');
            }
        }
        rows.put("websites", sites.size());

        // listings: their own random stream, so adding them left the registry files as they were
        List<String[]> listingTruth = new ArrayList<>();
        int realCases;
        try (BufferedWriter w = writer(dir, "listings.jsonl"); BufferedWriter m = writer(dir, "real-case-listings.csv");
             org.apache.commons.csv.CSVPrinter manifest = new org.apache.commons.csv.CSVPrinter(m,
                     org.apache.commons.csv.CSVFormat.RFC4180.builder()
                             .setHeader("listing_id", "case_id", "family", "category", "accept", "source").get())) {
            Listings.write(w, scale.listings, shopCategories, new SplittableRandom(seed ^ 0x5DEECE66DL), listingTruth);
            // then the published cases' own wording and real shops' lawful text: their own stream too
            realCases = Listings.writeRealCases(w, scale.listings, shopCategories,
                    new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL), listingTruth, manifest);
        }
        rows.put("listings", (int) scale.listings + realCases);
        for (String[] t : listingTruth) {
            truth.add(t);
            count(planted, t[0]);
        }

        // orders, parcels and reviews with brushing rings: a third stream
        List<String[]> orderTruth = new ArrayList<>();
        try (BufferedWriter o = writer(dir, "orders.csv"); BufferedWriter p = writer(dir, "parcels.csv");
             BufferedWriter r = writer(dir, "reviews.csv")) {
            Orders.write(o, p, r, scale.orders, scale.rings, shopCategories.stream().map(s -> s[0]).toList(),
                    new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L), orderTruth);
        }
        rows.put("orders", (int) Math.max(scale.orders, orderTruth.stream()
                .filter(t -> t[0].equals("BRUSHING_RING_ORDER")).count()));
        for (String[] t : orderTruth) {
            truth.add(t);
            count(planted, t[0]);
        }

        try (BufferedWriter w = writer(dir, "ground-truth.csv")) {
            w.write("check,subject_kind,subject\n");
            for (String[] t : truth) {
                w.write(String.join(",", t));
                w.write('\n');
            }
        }
        return new Summary(rows, planted);
    }

    /** Another subject's name played with: one character of the trade name changed, or the same core as a shop. */
    private static String imitation(Enterprise victim, SplittableRandom random) {
        if (random.nextBoolean()) {
            return victim.core() + "官方旗舰店";
        }
        char changed;
        do {
            changed = TRADE_CHARS.charAt(random.nextInt(TRADE_CHARS.length()));
        } while (changed == victim.trade().charAt(1) || changed == victim.trade().charAt(0));
        return victim.city().name() + victim.trade().charAt(0) + changed + victim.industry() + "旗舰店";
    }

    private static String newCode(SplittableRandom random, String region, Set<String> taken) {
        while (true) {
            StringBuilder sb = new StringBuilder("91").append(region);
            for (int i = 0; i < 9; i++) {
                sb.append(CODE_CHARS.charAt(random.nextInt(CODE_CHARS.length())));
            }
            String code = sb.toString() + UnifiedSocialCreditCode.checkCharacter(sb);
            if (taken.add(code)) {
                return code;
            }
        }
    }

    private static char otherCheck(char check) {
        return check == '0' ? '1' : '0';
    }

    private static void count(Map<String, Integer> planted, String check) {
        planted.merge(check, 1, Integer::sum);
    }

    private static BufferedWriter writer(Path dir, String name) throws IOException {
        return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
