package cn.wangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class ApiTest extends PlatformTest {

    TestRestTemplate officer;

    @BeforeEach
    void officer() {
        testUser("api.officer", "SAMR", "110105", Role.MONITORING_OFFICER);
        officer = withToken("api.officer");
    }

    private ResponseEntity<String> postJson(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return officer.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void a_valid_clue_is_created_with_its_number_and_location() {
        ResponseEntity<String> created = postJson("/api/clues", """
                {"title":"直播间宣称“国家级产品”","source":"MONITORING","subjectName":"某某商行",
                 "subjectCreditCode":"91110108551385082q","description":"监测发现"}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getPath()).startsWith("/api/clues/");
        assertThat(created.getBody()).contains("\"clueNo\":\"XS-110105-SAMR-", "\"subjectCreditCode\":\"91110108551385082Q\"");
    }

    @Test
    void a_body_with_a_wrongly_typed_field_names_the_field() {
        ResponseEntity<String> bad = postJson("/api/clues", "{\"title\":\"x\",\"source\":\"NO_SUCH_SOURCE\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(bad.getBody()).contains("\"field\":\"source\"", "请求参数错误", "Bad request");
    }

    @Test
    void invalid_fields_are_each_named_with_the_reason() {
        ResponseEntity<String> bad = postJson("/api/clues",
                "{\"title\":\"\",\"source\":\"REPORT\",\"subjectName\":\"甲\",\"subjectCreditCode\":\"91350100M000100Y44\",\"description\":\"d\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("\"field\":\"title\"", "线索标题不能为空", "\"field\":\"subjectCreditCode\"", "校验位错误");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        ResponseEntity<String> bad = postJson("/api/clues", "{not json");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("不是有效的 JSON", "not valid JSON");
    }

    @Test
    void an_unknown_api_path_is_a_404_problem() {
        ResponseEntity<String> missing = officer.getForEntity("/api/no-such-thing", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(missing.getBody()).contains("资源不存在", "Not found");
    }

    @Test
    void a_role_without_access_is_refused_403_before_its_body_is_validated() {
        testUser("api.platform", null, "110000", Role.PLATFORM_COMPLIANCE);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = withToken("api.platform").postForEntity("/api/monitoring/tasks",
                new org.springframework.http.HttpEntity<>("{}", headers), String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(r.getBody()).doesNotContain("字段");
    }

    @Test
    void a_wrong_method_is_405_and_a_missing_content_type_is_415_as_problems() {
        ResponseEntity<String> method = officer.exchange("/api/clues/complaints", org.springframework.http.HttpMethod.DELETE,
                null, String.class);
        assertThat(method.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(method.getBody()).contains("不支持", "DELETE");
        // a capture request without Content-Type
        ResponseEntity<String> type = officer.exchange("/api/evidence/captures", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>("{\"url\":\"https://example.cn/\"}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)), String.class);
        assertThat(type.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(type.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(type.getBody()).contains("不支持的内容类型");
    }

    @Test
    void errors_outside_the_api_controllers_are_problems_too() {
        // an encoded slash: refused by the firewall with a problem, not the container's HTML page
        ResponseEntity<String> slash = officer.getForEntity(java.net.URI.create(baseUrl() + "/api/clues/1%2F..%2F2"),
                String.class);
        assertThat(slash.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(slash.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(slash.getBody()).contains("不允许的字符", "encoded slash");
        // an empty body to the complaints import (a page controller's endpoint): Boot's error JSON replaced
        testUser("api.liaison", "SAMR", "110105", Role.CASE_OFFICER);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> empty = withToken("api.liaison").postForEntity("/api/clues/complaints",
                new HttpEntity<>(new byte[0], headers), String.class);
        assertThat(empty.getStatusCode().is4xxClientError()).isTrue();
        assertThat(empty.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(empty.getBody()).contains("\"title_en\"").doesNotContain("timestamp");
    }

    @Test
    void the_openapi_description_and_its_browsable_page_are_served() {
        String docs = officer.getForObject("/v3/api-docs", String.class);
        assertThat(docs).contains("\"openapi\"", "/api/clues", "/api/me");
        ResponseEntity<String> ui = new cn.wangjian.platform.FormLogin(rest, "api.officer", PASSWORD)
                .get("/swagger-ui/index.html");
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).containsIgnoringCase("swagger");
    }

    @Test
    void dashboard_figures_are_json_within_scope() {
        String figures = officer.getForObject("/api/dashboard/clues", String.class);
        assertThat(figures).contains("bySource", "byStatus", "投诉");
    }
}
