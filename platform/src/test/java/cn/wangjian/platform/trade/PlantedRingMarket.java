package cn.wangjian.platform.trade;

import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.identity.UserAccounts;
import cn.wangjian.platform.registry.ImportKind;
import cn.wangjian.platform.registry.RegistryImporter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

/**
 * A test market of platform {@code brush-mall}: 200 shops, 20,000 random orders over 60 days, and two planted rings —
 * 12 accounts × shops S198–S200 × 5 days (every account at each shop each day), and 11 accounts × S100–S101 × 4
 * days. Written for the tests: it shows the plumbing from report to clue, not detection quality.
 */
public final class PlantedRingMarket {

    public static final String PLATFORM = "brush-mall";
    public static final String REPORTER = "brush.compliance";
    public static final int ORDERS = 20_000 + 180 + 88;

    private PlantedRingMarket() {
    }

    /** The platform, its shops and its compliance user (idempotent). */
    public static void register(RegistryImporter importer, UserAccounts accounts, String password) {
        importer.importFile(ImportKind.PLATFORMS, "p.csv", ("code,name\n" + PLATFORM + ",刷单测试商城\n")
                .getBytes(StandardCharsets.UTF_8), null, RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        StringBuilder shops = new StringBuilder("platform,shop_id,shop_name,operator_credit_code\n");
        for (int s = 1; s <= 200; s++) {
            shops.append(PLATFORM).append(",S").append(String.format("%03d", s)).append(",测试店铺").append(s)
                    .append(s == 200 ? ",9144030071526726XG" : ",").append('\n');
        }
        importer.importFile(ImportKind.SHOPS, "s.csv", shops.toString().getBytes(StandardCharsets.UTF_8), null,
                RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        if (accounts.find(REPORTER).isEmpty()) {
            accounts.create(new NewAccount(REPORTER, "刷单测试商城合规", password, null, new RegionCode("330000"),
                    "刷单测试商城", Set.of(Role.PLATFORM_COMPLIANCE)), "test");
        }
    }

    /** A buyer's identifier as the platform reports it: salted and hashed. */
    public static String hash(String s) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("brush-mall-salt:" + s).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The orders as JSON Lines, the 60 days to {@code today}. */
    public static byte[] orders(LocalDate today) {
        Random random = new Random(14);
        StringBuilder body = new StringBuilder();
        LocalDate first = today.minusDays(60);
        for (int i = 0; i < 20_000; i++) {
            line(body, "BG-" + i, "buyer-" + random.nextInt(4000), "S" + String.format("%03d", 1 + random.nextInt(200)),
                    first.plusDays(random.nextInt(59)), 8 + random.nextInt(12), random);
        }
        int n = 0;
        for (int a = 0; a < 12; a++) {
            for (int s = 198; s <= 200; s++) {
                for (int d = 5; d < 10; d++) {
                    line(body, "RING-" + n++, "ring-account-" + a, "S" + s, first.plusDays(d), 21, random);
                }
            }
        }
        for (int a = 0; a < 11; a++) {
            for (int s = 100; s <= 101; s++) {
                for (int d = 30; d < 34; d++) {
                    line(body, "RING-" + n++, "second-ring-" + a, "S" + s, first.plusDays(d), 22, random);
                }
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A ring reported later: 12 accounts at S150–S152 on the five days from ten days before {@code today}. */
    public static byte[] lateRing(LocalDate today) {
        Random random = new Random(15);
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (int a = 0; a < 12; a++) {
            for (int s = 150; s <= 152; s++) {
                for (int d = 10; d > 5; d--) {
                    line(body, "LATE-RING-" + n++, "late-ring-" + a, "S" + s, today.minusDays(d), 20, random);
                }
            }
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder body, String id, String buyer, String shop, LocalDate day, int hour,
                             Random random) {
        String at = day.atTime(hour, random.nextInt(60)).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString();
        body.append("{\"order_id\":\"").append(id).append("\",\"buyer\":\"").append(hash(buyer))
                .append("\",\"shop_id\":\"").append(shop).append("\",\"ordered_at\":\"").append(at)
                .append("\",\"amount\":\"").append(10 + random.nextInt(200)).append(".00\"}\n");
    }
}
