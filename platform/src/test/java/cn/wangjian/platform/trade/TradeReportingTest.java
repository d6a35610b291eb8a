package cn.wangjian.platform.trade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.registry.ImportKind;
import cn.wangjian.platform.registry.RegistryImporter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class TradeReportingTest extends PlatformTest {

    @Autowired
    RegistryImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TradeRetention retention;

    static final String USER = "trade.compliance";
    LocalDate opened;

    @BeforeEach
    void platformShopsAndUser() {
        opened = LocalDate.now(clock).minusDays(30);
        importer.importFile(ImportKind.PLATFORMS, "p.csv", "code,name\ntrade-mall,交易商城\nrival-mall,对手商城\n"
                .getBytes(StandardCharsets.UTF_8), null, RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        importer.importFile(ImportKind.SHOPS, "s.csv", ("platform,shop_id,shop_name,opened_on\ntrade-mall,T1,交易一店,"
                + opened + "\ntrade-mall,T2,交易二店,\nrival-mall,X1,对手一店,\n").getBytes(StandardCharsets.UTF_8),
                null, RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        if (accounts.find(USER).isEmpty()) {
            accounts.create(new NewAccount(USER, "交易商城合规专员", PASSWORD, null, new RegionCode("330000"), "交易商城",
                    Set.of(Role.PLATFORM_COMPLIANCE)), "test");
        }
    }

    static String hash(String seed) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("salt:" + seed).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String at(Duration ago) {
        return OffsetDateTime.ofInstant(clock.instant().minus(ago), ZoneOffset.ofHours(8)).withNano(0).toString();
    }

    ResponseEntity<String> post(String kind, String body, String type, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        return withToken(USER).postForEntity("/api/platform-reports/" + kind + query,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    long orders(String where) {
        return jdbc.sql("SELECT count(*) FROM trade_order WHERE platform_code = 'trade-mall' AND " + where)
                .query(Long.class).single();
    }

    String order(String id, String shop, String time, String amount, String buyer) {
        return "{\"order_id\":\"" + id + "\",\"buyer\":\"" + buyer + "\",\"shop_id\":\"" + shop + "\",\"ordered_at\":\""
                + time + "\",\"amount\":\"" + amount + "\",\"address\":\"" + hash("addr-" + id) + "\"}\n";
    }

    @Test
    void orders_are_kept_as_hashes_and_a_resent_report_changes_nothing() {
        String body = order("O-1", "T1", at(Duration.ofDays(2)), "39.90", hash("buyer-a"))
                + order("O-2", "T1", at(Duration.ofDays(2)), "19.00", hash("buyer-b"))
                + order("O-3", "T2", at(Duration.ofDays(1)), "0", hash("buyer-a"));
        ResponseEntity<String> first = post("orders", body, "application/x-ndjson", "");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).contains("\"stored\":3", "\"unchanged\":0", "\"committed\":true");
        ResponseEntity<String> again = post("orders", body, "application/x-ndjson", "");
        assertThat(again.getBody()).contains("\"stored\":0", "\"unchanged\":3");
        ResponseEntity<String> corrected = post("orders", body.replace("\"39.90\"", "\"35.90\""), "application/x-ndjson", "");
        assertThat(corrected.getBody()).contains("\"stored\":1", "\"unchanged\":2");
        assertThat(orders("order_id = 'O-1' AND amount_cents = 3590")).isEqualTo(1);
        assertThat(orders("buyer_hash = '" + hash("buyer-a") + "'")).isEqualTo(2);
        // every report is a recorded event with its counts
        assertThat(jdbc.sql("SELECT count(*) FROM trade_report WHERE platform_code = 'trade-mall' AND kind = 'ORDERS'"
                + " AND reported_by = ?").param(USER).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'trade.reported' AND actor = ?").param(USER)
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void bad_rows_are_rejected_by_line_with_the_reason_and_a_clear_text_buyer_is_never_echoed() {
        String csv = "order_id,buyer,shop_id,ordered_at,amount,platform\n"
                + "B-1," + hash("b1") + ",T1," + at(Duration.ofDays(1)) + ",12.00,\n"              // line 2: fine
                + "B-2," + hash("b2") + ",X1," + at(Duration.ofDays(1)) + ",12.00,\n"              // 3: rival's shop
                + "B-3," + hash("b3") + ",T1," + at(Duration.ofDays(1)) + ",12.00,rival-mall\n"    // 4: other platform
                + "B-4," + hash("b4") + ",T1," + at(Duration.ofDays(-1)) + ",12.00,\n"             // 5: future
                + "B-5," + hash("b5") + ",T1," + at(Duration.ofDays(60)) + ",12.00,\n"             // 6: before opening
                + "B-6," + hash("b6") + ",T1," + at(Duration.ofDays(1)) + ",-3.00,\n"              // 7: negative
                + "B-7,13800138000,T1," + at(Duration.ofDays(1)) + ",12.00,\n"                     // 8: clear text
                + "B-1," + hash("b1") + ",T1," + at(Duration.ofDays(1)) + ",12.00,\n"              // 9: duplicate
                + "B-8," + hash("b8") + ",T2," + at(Duration.ofHours(5)) + ",8.50,trade-mall\n";   // 10: fine
        long before = orders("true");
        // all-or-nothing (the default): nothing is kept
        ResponseEntity<String> all = post("orders", csv, "text/csv", "");
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(orders("true")).isEqualTo(before);
        // partial: the two good rows are kept, each bad one is named
        ResponseEntity<String> partial = post("orders", csv, "text/csv", "?mode=partial");
        assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.OK);
        String answer = partial.getBody();
        assertThat(answer).contains("\"rows\":9", "\"stored\":2");
        assertThat(answer).contains("{\"line\":3,\"reason\":\"字段 shop_id：本平台没有店铺 X1");
        assertThat(answer).contains("{\"line\":4,\"reason\":\"字段 platform：只能报送本平台");
        assertThat(answer).contains("{\"line\":5,\"reason\":\"字段 ordered_at：时间");
        assertThat(answer).contains("{\"line\":6,\"reason\":\"字段 ordered_at：早于店铺 T1 的开业日期 " + opened);
        assertThat(answer).contains("{\"line\":7,\"reason\":\"字段 amount：金额不能为负数");
        assertThat(answer).contains("{\"line\":8,\"reason\":\"字段 buyer：应为平台加盐后的哈希");
        assertThat(answer).contains("{\"line\":9,\"reason\":\"与第 2 行重复");
        assertThat(answer).doesNotContain("13800138000");
        assertThat(orders("order_id IN ('B-1', 'B-8')")).isEqualTo(2);
        assertThat(orders("order_id IN ('B-2', 'B-3', 'B-4', 'B-5', 'B-6', 'B-7')")).isZero();
    }

    @Test
    void reviews_and_parcels_are_checked_too() {
        String long6000 = "好".repeat(6000);
        String reviews = "{\"review_id\":\"V-1\",\"order_id\":\"O-1\",\"buyer\":\"" + hash("r1") + "\",\"shop_id\":\"T1\","
                + "\"rating\":5,\"reviewed_at\":\"" + at(Duration.ofHours(3)) + "\",\"text\":\"物流很快，好评返现已收到\","
                + "\"image_hashes\":[\"" + hash("img1") + "\",\"" + hash("img2") + "\"]}\n"
                + "{\"review_id\":\"V-2\",\"buyer\":\"" + hash("r2") + "\",\"shop_id\":\"T1\",\"rating\":5,"
                + "\"reviewed_at\":\"" + at(Duration.ofHours(3)) + "\",\"text\":\"" + long6000 + "\"}\n"
                + "{\"review_id\":\"V-3\",\"buyer\":\"" + hash("r3") + "\",\"shop_id\":\"T1\",\"rating\":6,"
                + "\"reviewed_at\":\"" + at(Duration.ofHours(3)) + "\"}\n"
                + "not json\n";
        ResponseEntity<String> r = post("reviews", reviews, "application/x-ndjson", "?mode=partial");
        assertThat(r.getBody()).contains("\"stored\":1", "{\"line\":2,\"reason\":\"字段 text：评价内容 6000 字",
                "{\"line\":3,\"reason\":\"字段 rating", "{\"line\":4,\"reason\":\"不是有效的 JSON");
        assertThat(jdbc.sql("SELECT cardinality(image_hashes) FROM trade_review WHERE review_id = 'V-1'")
                .query(Integer.class).single()).isEqualTo(2);
        String parcels = "carrier,tracking_no,order_id,weight_grams,picked_up_at,signed_at,pickup_place,sign_place\n"
                + "SF,SF100,O-1,30," + at(Duration.ofDays(2)) + "," + at(Duration.ofDays(1)) + ",440305,330106\n"
                + "SF,SF100,O-1,30," + at(Duration.ofDays(2)) + "," + at(Duration.ofDays(1)) + ",440305,330106\n"
                + "SF,SF101,O-2,-5,,,,\n";
        ResponseEntity<String> p = post("parcels", parcels, "text/csv", "?mode=partial");
        assertThat(p.getBody()).contains("\"stored\":1", "{\"line\":3,\"reason\":\"与第 2 行重复",
                "{\"line\":4,\"reason\":\"字段 weight_grams：重量不能为负数");
        // the same parcel in a later report: held already, nothing changes
        assertThat(post("parcels", parcels.substring(0, parcels.indexOf("SF,SF100", parcels.indexOf("SF,SF100") + 1)),
                "text/csv", "").getBody()).contains("\"stored\":0", "\"unchanged\":1");
    }

    @Test
    void only_platform_users_report_and_only_for_their_platform() {
        testUser("trade.officer", "SAMR", "330000", Role.MONITORING_OFFICER);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        ResponseEntity<String> r = withToken("trade.officer").postForEntity("/api/platform-reports/orders",
                new HttpEntity<>(order("Z-1", "T1", at(Duration.ofDays(1)), "1", hash("z")), headers), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void raw_records_older_than_the_retention_rule_are_removed_and_the_rule_names_its_law() {
        var rule = retention.rule(TradeKind.ORDERS, LocalDate.now(clock)).orElseThrow();
        assertThat(rule.keepDays()).isEqualTo(1095);
        assertThat(rule.law()).isEqualTo("中华人民共和国电子商务法");
        assertThat(rule.article()).isEqualTo("第三十一条");
        String body = order("OLD-1", "T2", at(Duration.ofDays(1100)), "5.00", hash("old"))
                + order("NEW-1", "T2", at(Duration.ofDays(10)), "5.00", hash("new"));
        assertThat(post("orders", body, "application/x-ndjson", "").getStatusCode()).isEqualTo(HttpStatus.OK);
        var removed = retention.purge();
        assertThat(removed.get(TradeKind.ORDERS)).isGreaterThanOrEqualTo(1);
        assertThat(orders("order_id = 'OLD-1'")).isZero();
        assertThat(orders("order_id = 'NEW-1'")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'trade.purged'").query(Long.class).single())
                .isPositive();
    }
}
