package cn.wangjian.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
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

class PlatformReportTest extends PlatformTest {

    @Autowired
    RegistryImporter importer;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void platformAndItsUser() {
        importer.importFile(ImportKind.PLATFORMS, "p.csv", "code,name\nreport-mall,报送商城\nother-mall,别家商城\n"
                .getBytes(StandardCharsets.UTF_8), null, RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        if (accounts.find("report.compliance").isEmpty()) {
            accounts.create(new NewAccount("report.compliance", "报送商城合规专员", PASSWORD, null, new RegionCode("330000"),
                    "报送商城", Set.of(Role.PLATFORM_COMPLIANCE)), "test");
        }
    }

    private ResponseEntity<String> post(String user, String body, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return withToken(user).postForEntity("/api/platform-reports/shops" + query,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    private long shops(String platform) {
        return jdbc.sql("SELECT count(*) FROM shop WHERE platform_code = ?").param(platform).query(Long.class).single();
    }

    @Test
    void a_platform_reports_its_own_shops_and_a_resent_report_updates_instead_of_duplicating() {
        String report = "shop_id,shop_name,operator_credit_code,licence_info\nR1,报送一店,9144030071526726XG,营业执照\nR2,报送二店,,\n";
        assertThat(post("report.compliance", report, "").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("report.compliance", report.replace("报送一店", "报送一店（更名）"), "").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(shops("report-mall")).isEqualTo(2);
        testUser("report.reader", "SAMR", "330000", Role.MONITORING_OFFICER);
        assertThat(withToken("report.reader").getForEntity("/api/registry/shops/R1", String.class)
                .getBody()).contains("\"platformCode\":\"report-mall\"", "报送一店（更名）");
        assertThat(withToken("report.reader").getForEntity("/api/registry/shops/NO-SUCH", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT shop_name FROM shop WHERE platform_code = 'report-mall' AND shop_id = 'R1'")
                .query(String.class).single()).isEqualTo("报送一店（更名）");
    }

    @Test
    void rows_for_another_platform_are_rejected_with_their_line_and_nothing_is_written() {
        ResponseEntity<String> r = post("report.compliance",
                "platform,shop_id,shop_name\nreport-mall,R3,报送三店\nother-mall,X1,别家的店\n", "");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody()).contains("\"line\":3", "只能报送本平台");
        assertThat(shops("other-mall")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM shop WHERE shop_id = 'R3'").query(Long.class).single()).isZero();
        ResponseEntity<String> partial = post("report.compliance",
                "platform,shop_id,shop_name\nreport-mall,R3,报送三店\nother-mall,X1,别家的店\n", "?mode=partial");
        assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shops("other-mall")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM shop WHERE shop_id = 'R3'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void only_users_of_a_registered_platform_may_report() {
        testUser("report.unknown", null, "330000", Role.PLATFORM_COMPLIANCE); // organisation 测试平台: not registered
        ResponseEntity<String> unknown = post("report.unknown", "shop_id,shop_name\nU1,某店\n", "");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unknown.getBody()).contains("不是已登记的电子商务平台");
        testUser("report.officer", "SAMR", "330000", Role.MONITORING_OFFICER);
        assertThat(post("report.officer", "shop_id,shop_name\nU1,某店\n", "").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT count(*) FROM shop WHERE shop_id = 'U1'").query(Long.class).single()).isZero();
    }
}
