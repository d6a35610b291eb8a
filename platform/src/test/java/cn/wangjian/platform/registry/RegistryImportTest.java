package cn.wangjian.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import cn.wangjian.engine.registry.TextEncoding;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

class RegistryImportTest extends PlatformTest {

    @Autowired
    RegistryImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private static final String GOOD = """
            credit_code,name,legal_rep,address,region_code
            91350100M000100Y43,福建示例科技有限公司,张三,福州市鼓楼区某路1号,350102
            9144030071526726XG,深圳示例计算机系统有限公司,李四,深圳市南山区,440305
            """;

    private ImportReport run(String csv, RegistryImporter.Mode mode) {
        return importer.importFile(ImportKind.ENTERPRISES, "e.csv", csv.getBytes(StandardCharsets.UTF_8), null, mode, "test");
    }

    private long enterprises(String code) {
        return jdbc.sql("SELECT count(*) FROM enterprise WHERE credit_code = ?").param(code).query(Long.class).single();
    }

    @Test
    void files_are_imported_as_streams_with_the_same_checks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // GB18030 detected; a BOM'd UTF-8 file read without its BOM
        java.nio.file.Path gb = dir.resolve("gb.csv");
        java.nio.file.Files.write(gb, GOOD.replace("福建示例科技", "福建流式科技").getBytes(TextEncoding.GB18030));
        ImportReport r = importer.importFile(ImportKind.ENTERPRISES, gb, null, RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        assertThat(r.encoding()).isEqualTo("GB18030");
        assertThat(r.imported()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT name FROM enterprise WHERE credit_code = '91350100M000100Y43'").query(String.class)
                .single()).isEqualTo("福建流式科技有限公司");
        java.nio.file.Path bom = dir.resolve("bom.csv");
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        java.nio.file.Files.write(bom, withBom);
        assertThat(importer.importFile(ImportKind.ENTERPRISES, bom, null, RegistryImporter.Mode.ALL_OR_NOTHING, "test")
                .imported()).isEqualTo(2);
        // a GB18030 file read as UTF-8: refused with the line
        ImportReport misfit = importer.importFile(ImportKind.ENTERPRISES, gb, StandardCharsets.UTF_8,
                RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        assertThat(misfit.committed()).isFalse();
        assertThat(misfit.rejected().get(0).line()).isEqualTo(2);
        // a truncated JSON Lines file: the last line named, nothing imported
        java.nio.file.Path jsonl = dir.resolve("e.jsonl");
        java.nio.file.Files.writeString(jsonl, "{\"credit_code\":\"91350100M000100Y43\",\"name\":\"甲\"}\n"
                + "{\"credit_code\":\"9144030071526726XG\",\"na");
        ImportReport truncated = importer.importFile(ImportKind.ENTERPRISES, jsonl, null,
                RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        assertThat(truncated.committed()).isFalse();
        assertThat(truncated.rejected()).extracting(ImportReport.Rejected::line).containsExactly(2L);
        assertThat(jdbc.sql("SELECT name FROM enterprise WHERE credit_code = '91350100M000100Y43'").query(String.class)
                .single()).isNotEqualTo("甲");
    }

    @Test
    void a_good_file_is_imported_and_a_resent_row_updates_instead_of_duplicating() {
        ImportReport first = run(GOOD, RegistryImporter.Mode.ALL_OR_NOTHING);
        assertThat(first.committed()).isTrue();
        assertThat(first.imported()).isEqualTo(2);
        ImportReport again = run(GOOD.replace("张三", "王五"), RegistryImporter.Mode.ALL_OR_NOTHING);
        assertThat(again.imported()).isEqualTo(2);
        assertThat(enterprises("91350100M000100Y43")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT legal_rep FROM enterprise WHERE credit_code = '91350100M000100Y43'")
                .query(String.class).single()).isEqualTo("王五");
    }

    @Test
    void all_or_nothing_writes_nothing_when_a_row_is_bad_and_names_every_bad_row() {
        String csv = """
                credit_code,name
                91110108551385082Q,北京示例科技有限公司
                91350100M000100Y44,校验位错误
                91350100MOO0100Y43,含禁用字母
                9135010,长度不对
                91110108551385082Q,重复
                """;
        ImportReport report = run(csv, RegistryImporter.Mode.ALL_OR_NOTHING);
        assertThat(report.committed()).isFalse();
        assertThat(enterprises("91110108551385082Q")).isZero();
        assertThat(report.rejected()).extracting(ImportReport.Rejected::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(report.rejected().get(0).reason()).contains("校验位错误");
        assertThat(report.rejected().get(1).reason()).contains("不允许");
        assertThat(report.rejected().get(2).reason()).contains("18位");
        assertThat(report.rejected().get(3).reason()).contains("与第 2 行重复");
    }

    @Test
    void partial_mode_writes_the_good_rows_and_reports_the_rest() {
        String csv = "credit_code,name\n914403001922038216,华为示例有限公司\n91350100M000100Y44,坏行\n";
        ImportReport report = run(csv, RegistryImporter.Mode.PARTIAL);
        assertThat(report.committed()).isTrue();
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.Rejected::line).containsExactly(3L);
        assertThat(enterprises("914403001922038216")).isEqualTo(1);
    }

    @Test
    void a_gb18030_file_is_detected_and_a_wrong_choice_is_refused_with_the_line() {
        String csv = "credit_code,name\n91350100M000100Y43,福建示例科技有限公司\n";
        byte[] gb = csv.getBytes(TextEncoding.GB18030);
        ImportReport detected = importer.importFile(ImportKind.ENTERPRISES, "gb.csv", gb, null,
                RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        assertThat(detected.committed()).isTrue();
        assertThat(detected.encoding()).isEqualTo("GB18030");
        assertThat(jdbc.sql("SELECT name FROM enterprise WHERE credit_code = '91350100M000100Y43'")
                .query(String.class).single()).isEqualTo("福建示例科技有限公司");
        ImportReport forced = importer.importFile(ImportKind.ENTERPRISES, "gb.csv", gb, StandardCharsets.UTF_8,
                RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        assertThat(forced.committed()).isFalse();
        assertThat(forced.rejected().get(0).reason()).contains("第 2 行", "GB18030");
    }

    @Test
    void a_truncated_file_and_json_lines_are_handled() {
        ImportReport truncated = run("credit_code,name\n914403001922038216,\"华为示例有\n", RegistryImporter.Mode.PARTIAL);
        assertThat(truncated.rejected()).isNotEmpty();
        assertThat(truncated.rejected().get(0).reason()).contains("截断");
        String jsonl = "{\"credit_code\":\"91110108551385082Q\",\"name\":\"北京示例小米科技有限责任公司\"}\n"
                + "{\"credit_code\":\"91110108551385082Q\",\"name\":\n";
        ImportReport lines = importer.importFile(ImportKind.ENTERPRISES, "e.jsonl", jsonl.getBytes(StandardCharsets.UTF_8),
                null, RegistryImporter.Mode.PARTIAL, "test");
        assertThat(lines.imported()).isEqualTo(1);
        assertThat(lines.rejected()).extracting(ImportReport.Rejected::line).containsExactly(2L);
    }

    @Test
    void shops_need_a_known_platform() {
        importer.importFile(ImportKind.PLATFORMS, "p.csv", "code,name\ndemo-mall,示例电商平台\n".getBytes(StandardCharsets.UTF_8),
                null, RegistryImporter.Mode.ALL_OR_NOTHING, "test");
        ImportReport shops = importer.importFile(ImportKind.SHOPS, "s.csv",
                "platform,shop_id,shop_name,operator_credit_code\ndemo-mall,S1,示例旗舰店,9144030071526726XG\nno-such,S2,某店,\n"
                        .getBytes(StandardCharsets.UTF_8), null, RegistryImporter.Mode.PARTIAL, "test");
        assertThat(shops.imported()).isEqualTo(1);
        assertThat(shops.rejected().get(0).reason()).contains("未知平台");
    }

    @Test
    void the_api_answers_422_with_the_rejected_rows_and_the_pages_search_and_show_subjects() throws Exception {
        testUser("reg.monitor", "SAMR", "110000", Role.MONITORING_OFFICER);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> bad = withToken("reg.monitor").postForEntity(
                "/api/registry/imports?kind=enterprises", new HttpEntity<>("credit_code,name\n123,坏\n".getBytes(StandardCharsets.UTF_8), headers),
                String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(bad.getBody()).contains("\"line\":2", "18位");
        ResponseEntity<String> ok = withToken("reg.monitor").postForEntity(
                "/api/registry/imports?kind=enterprises", new HttpEntity<>(GOOD.getBytes(StandardCharsets.UTF_8), headers),
                String.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        var officer = accounts.loadUserByUsername("reg.monitor");
        mvc.perform(get("/registry").param("q", "示例计算机").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("9144030071526726XG")));
        mvc.perform(get("/registry/enterprises/9144030071526726XG").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("深圳示例计算机系统有限公司"), containsString("网店"))));
        mvc.perform(get("/registry/enterprises/91350100M000100Y00").with(user(officer)))
                .andExpect(status().isNotFound());
        // a platform compliance user may not import through the officers' API
        testUser("reg.platform", null, "110000", Role.PLATFORM_COMPLIANCE);
        assertThat(withToken("reg.platform").postForEntity("/api/registry/imports?kind=enterprises",
                new HttpEntity<>(GOOD.getBytes(StandardCharsets.UTF_8), headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void the_embedded_database_has_trigram_indexes_for_fragment_searches() {
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%\\_trgm'").query(String.class).list())
                .containsExactlyInAnyOrder("enterprise_name_trgm", "shop_name_trgm", "website_address_trgm");
    }
}
