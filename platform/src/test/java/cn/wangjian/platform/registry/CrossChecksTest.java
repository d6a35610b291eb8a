package cn.wangjian.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

class CrossChecksTest extends PlatformTest {

    static final String FOOD_OK = "91330100MA2CHK001P";
    static final String FOOD_EXPIRED = "91330100MA2CHK002T";
    static final String REVOKED = "91330100MA2CHK003X";
    static final String BRAND = "91330100MA2CHK0041";
    static final String WEB = "92330100MA2CHK0051";
    static final String UNKNOWN = "91330100MA2CHK009" + UnifiedSocialCreditCode.checkCharacter("91330100MA2CHK009");
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Autowired
    RegistryImporter importer;

    @Autowired
    CrossChecks checks;

    @Autowired
    MockMvc mvc;

    private ImportReport load(ImportKind kind, String csv) {
        return importer.importFile(kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), null,
                RegistryImporter.Mode.ALL_OR_NOTHING, "test");
    }

    @BeforeEach
    void registry() {
        assertThat(load(ImportKind.ENTERPRISES, """
                credit_code,name,status,region_code
                %s,杭州核验示例食品有限公司,ACTIVE,330102
                %s,杭州核验过期食品有限公司,ACTIVE,330106
                %s,杭州核验吊销贸易有限公司,REVOKED,
                %s,杭州星辰数码科技有限公司,ACTIVE,
                %s,杭州核验网络有限公司,ACTIVE,310101
                """.formatted(FOOD_OK, FOOD_EXPIRED, REVOKED, BRAND, WEB)).committed()).isTrue();
        assertThat(load(ImportKind.PLATFORMS, "code,name\ncheck-mall,核验商城\n").committed()).isTrue();
        ImportReport shops = load(ImportKind.SHOPS, """
                platform,shop_id,shop_name,operator_credit_code,licence_info,category
                check-mall,C1,核验示例食品旗舰店,%s,营业执照已公示,食品
                check-mall,C2,过期食品店,%s,营业执照已公示,预包装食品
                check-mall,C3,吊销店,%s,,服装
                check-mall,C4,杭州星辰数码科技官方旗舰店,%s,营业执照已公示,数码
                check-mall,C5,<script>alert(1)</script>店,%s,营业执照已公示,服装
                check-mall,C6,无经营者店,,营业执照已公示,服装
                """.formatted(FOOD_OK, FOOD_EXPIRED, REVOKED, WEB, UNKNOWN));
        assertThat(shops.rejected()).isEmpty();
        assertThat(load(ImportKind.LICENCES, """
                kind,number,holder_credit_code,valid_from,valid_to
                FOOD_BUSINESS,JY13301020000011,%s,2024-01-01,2029-12-31
                FOOD_BUSINESS,JY13301020000022,%s,2020-01-01,2025-01-01
                FOOD_BUSINESS,JY9-bad,%s,,
                """.formatted(FOOD_OK, FOOD_EXPIRED, FOOD_OK)).committed()).isTrue();
        assertThat(load(ImportKind.WEBSITES, """
                address,kind,icp_filing,operator_credit_code
                chk-a.example.cn,WEBSITE,浙ICP备12345678号-1,%s
                CHK-B.example.cn,WEBSITE,浙ICP备12345678号-2,%s
                chk-c.example.cn,WEBSITE,,%s
                chk-d.example.cn,WEBSITE,浙ICP12345678,%s
                com.example.chk,APP,,%s
                """.formatted(WEB, BRAND, WEB, WEB, WEB)).committed()).isTrue();
    }

    private List<CrossChecks.Finding> about(LocalDate on, String subjectPrefix) {
        return checks.run(on).stream().filter(f -> f.subject().startsWith(subjectPrefix)).toList();
    }

    @Test
    void each_shop_is_checked_against_its_operator_its_licences_and_other_subjects_names() {
        assertThat(about(DAY, "check-mall/C1")).isEmpty();
        assertThat(about(DAY, "check-mall/C2")).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("FOOD_WITHOUT_LICENCE");
            assertThat(f.law()).isEqualTo("食品安全法");
            assertThat(f.article()).isEqualTo("第三十五条");
            assertThat(f.detail()).contains("JY13301020000022", "2025-01-01");
        });
        // on a day inside its validity the same licence is enough
        assertThat(about(LocalDate.of(2024, 6, 1), "check-mall/C2")).isEmpty();
        assertThat(about(DAY, "check-mall/C3")).extracting(CrossChecks.Finding::check)
                .containsExactlyInAnyOrder("OPERATOR_NOT_ACTIVE", "LICENCE_INFO_NOT_DISPLAYED");
        assertThat(about(DAY, "check-mall/C3")).filteredOn(f -> f.check().equals("LICENCE_INFO_NOT_DISPLAYED"))
                .singleElement().satisfies(f -> assertThat(f.article()).isEqualTo("第十五条"));
        assertThat(about(DAY, "check-mall/C4")).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("NAME_RESEMBLES_OTHER_SUBJECT");
            assertThat(f.detail()).contains("杭州星辰数码科技有限公司", BRAND, WEB);
            assertThat(f.citationToBeConfirmed()).isTrue();
        });
        assertThat(about(DAY, "check-mall/C5")).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("OPERATOR_UNREGISTERED");
            assertThat(f.detail()).contains(UNKNOWN);
        });
        assertThat(about(DAY, "check-mall/C6")).extracting(CrossChecks.Finding::check)
                .containsExactly("OPERATOR_UNREGISTERED");
    }

    @Test
    void licences_and_websites_are_checked_for_format_filing_and_sharing() {
        assertThat(about(DAY, "FOOD_BUSINESS JY9-bad")).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("LICENCE_NUMBER_MALFORMED");
            assertThat(f.detail()).contains("JY9-bad");
        });
        assertThat(about(DAY, "FOOD_BUSINESS JY1330102000001")).isEmpty();
        assertThat(about(DAY, "chk-a.example.cn")).extracting(CrossChecks.Finding::check)
                .containsExactly("WEBSITE_FILING_SHARED");
        assertThat(about(DAY, "chk-b.example.cn")).singleElement().satisfies(f ->
                assertThat(f.detail()).contains("浙ICP备12345678号", BRAND, WEB));
        assertThat(about(DAY, "chk-c.example.cn")).extracting(CrossChecks.Finding::check)
                .containsExactly("WEBSITE_FILING_MISSING");
        assertThat(about(DAY, "chk-d.example.cn")).extracting(CrossChecks.Finding::check)
                .containsExactly("WEBSITE_FILING_MALFORMED");
        assertThat(about(DAY, "com.example.chk")).isEmpty();
        assertThat(CrossChecks.mainFiling("浙ICP备12345678号-2A")).isEqualTo("浙ICP备12345678号");
    }

    @Test
    void bad_website_and_licence_rows_are_refused_with_their_line_and_field() {
        ImportReport sites = load(ImportKind.WEBSITES, "address,kind\nok.example.cn,WEBSITE\nnot a domain,WEBSITE\nx.cn,FAX\n");
        assertThat(sites.committed()).isFalse();
        assertThat(sites.rejected()).extracting(ImportReport.Rejected::line).containsExactly(3L, 4L);
        assertThat(sites.rejected().get(0).reason()).contains("address");
        assertThat(sites.rejected().get(1).reason()).contains("kind");
        ImportReport licences = load(ImportKind.LICENCES, """
                kind,number,holder_credit_code,valid_from,valid_to
                FOOD_BUSINESS,JY13301020000033,%s,2026-01-01,2025-01-01
                FOOD_BUSINESS,JY13301020000044,%s,2026-13-01,
                FOOD_BUSINESS,JY13301020000055,91330100MA2CHK0010,,
                """.formatted(FOOD_OK, FOOD_OK));
        assertThat(licences.committed()).isFalse();
        assertThat(licences.rejected()).extracting(ImportReport.Rejected::line).containsExactly(2L, 3L, 4L);
        assertThat(licences.rejected().get(0).reason()).contains("valid_to");
        assertThat(licences.rejected().get(1).reason()).contains("valid_from", "2026-13-01");
        assertThat(licences.rejected().get(2).reason()).contains("holder_credit_code");
    }

    @Test
    void the_api_and_the_page_show_findings_to_officers_only_and_escape_crawled_names() throws Exception {
        testUser("chk.monitor", "SAMR", "330000", Role.MONITORING_OFFICER);
        ResponseEntity<String> api = withToken("chk.monitor")
                .getForEntity("/api/registry/checks?on=2026-11-30", String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.getBody()).contains("\"on\":\"2026-11-30\"", "FOOD_WITHOUT_LICENCE", "第三十五条");
        var officer = accounts.loadUserByUsername("chk.monitor");
        mvc.perform(get("/registry/checks").param("on", "2026-11-30").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("《食品安全法》第三十五条"),
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;店"), not(containsString("<script>alert(1)")))));
        testUser("chk.platform", null, "330000", Role.PLATFORM_COMPLIANCE);
        assertThat(withToken("chk.platform").getForEntity("/api/registry/checks", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/registry/checks", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void search_finds_websites_by_domain_and_filing_and_subjects_by_region_and_the_subject_page_shows_all() throws Exception {
        testUser("chk.search", "SAMR", "330000", Role.MONITORING_OFFICER);
        ResponseEntity<String> byDomain = withToken("chk.search")
                .getForEntity("/api/registry/search?q=chk-b.example", String.class);
        assertThat(byDomain.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byDomain.getBody()).contains("\"address\":\"chk-b.example.cn\"").doesNotContain("chk-c.example.cn");
        assertThat(withToken("chk.search")
                .getForEntity("/api/registry/search?q=浙ICP备12345678号-2", String.class).getBody())
                .contains("chk-b.example.cn").doesNotContain("chk-a.example.cn");
        ResponseEntity<String> city = withToken("chk.search")
                .getForEntity("/api/registry/search?q=核验&region=330100", String.class);
        assertThat(city.getBody()).contains(FOOD_OK, FOOD_EXPIRED).doesNotContain(WEB, BRAND);
        assertThat(withToken("chk.search")
                .getForEntity("/api/registry/search?q=核验&region=330102", String.class).getBody())
                .contains(FOOD_OK).doesNotContain(FOOD_EXPIRED);
        assertThat(withToken("chk.search")
                .getForEntity("/api/registry/search?q=星辰 數碼", String.class).getBody())
                .as("traditional characters and spaces in the query").contains(BRAND);
        ResponseEntity<String> bad = withToken("chk.search")
                .getForEntity("/api/registry/search?region=33", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("6位数字");
        var officer = accounts.loadUserByUsername("chk.search");
        mvc.perform(get("/registry/enterprises/" + FOOD_OK).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("JY13301020000011"), containsString("2029-12-31"),
                        containsString("核验示例食品旗舰店"))));
        mvc.perform(get("/registry/enterprises/" + WEB).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("chk-a.example.cn"), containsString("com.example.chk"))));
        mvc.perform(get("/registry").param("q", "核验").param("region", "330100").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(FOOD_EXPIRED), not(containsString(WEB)),
                        // the region filter is chosen by name, the one asked for selected
                        containsString("<option value=\"330100\" selected=\"selected\">　杭州市</option>"))));
    }
}
