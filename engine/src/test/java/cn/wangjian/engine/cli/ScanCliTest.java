package cn.wangjian.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String input, String... args) {
        return ScanCli.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void keeps_the_input_order_on_several_threads() throws Exception {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            in.append("{\"id\":").append(i).append(",\"text\":\"第").append(i)
                    .append(i % 3 == 0 ? "件，全网最佳\"" : "件，普通商品\"").append("}\n");
        }
        assertThat(run(in.toString(), "--threads", "2", "--date", "2026-11-30")).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5000);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertThat(n.get("id").asInt()).isEqualTo(i);
            assertThat(n.get("findings").size()).isEqualTo(i % 3 == 0 ? 1 : 0);
        }
        JsonNode f = json.readTree(lines.get(0)).get("findings").get(0);
        assertThat(f.fieldNames()).toIterable().contains("rule", "category", "law", "article", "severity", "start",
                "end", "matched", "term", "confidence");
    }

    @Test
    void bad_lines_are_reported_with_their_number_and_the_rest_goes_on() {
        String in = "{\"id\":1,\"text\":\"高仿包\"}\n{oops\n{\"id\":3,\"text\":7}\n{\"id\":4,\"text\":\"杯子\"}\n";
        assertThat(run(in)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("第 2 行", "line 2", "第 3 行", "text");
    }

    @Test
    void a_line_without_a_category_gets_the_one_its_text_shows_and_the_listing_checks_run_too() throws Exception {
        String in = "{\"id\":1,\"text\":\"深海鱼油 国食健字G20150123 辅助降血脂\"}\n"
                + "{\"id\":2,\"text\":\"路易威登老花手袋 专柜款\",\"category\":\"apparel\",\"price\":599}\n"
                + "{\"id\":3,\"text\":\"手袋\",\"price\":\"便宜\"}\n";
        assertThat(run(in)).isEqualTo(1);
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(new ObjectMapper().readTree(l));
        }
        assertThat(lines.get(0).get("inferredCategory").asText()).isEqualTo("health_food");
        assertThat(lines.get(0).toString()).contains("AD-18-STATEMENT");
        assertThat(lines.get(1).has("inferredCategory")).isFalse();
        assertThat(lines.get(1).toString()).contains("TM-57-BRAND-PRICE");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("第 3 行", "price");
    }

    @Test
    void the_text_report_reads_as_chinese_for_officers_and_a_line_without_an_id_is_refused_by_its_number() {
        String in = "{\"id\":\"a1\",\"text\":\"全网最佳 根治失眠\",\"category\":\"food\"}\n{\"text\":\"无编号\"}\n"
                + "{\"id\":3,\"text\":\"纯棉T恤\"}\n";
        assertThat(run(in, "--format", "text", "--date", "2026-12-01")).isEqualTo(1);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("第 1 行（编号 a1）商品类别：普通食品", "[高] 非医疗、药品、医疗器械广告涉及疾病治疗功能",
                "依据：《中华人民共和国广告法》第十七条", "匹配：“根治”（原词", "说明：", "第 3 行（编号 3）", "未发现问题");
        assertThat(report).doesNotContain("{", "AD-17-DISEASE\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("第 2 行", "缺少字段 id");
        assertThat(run("", "--format", "xml")).isEqualTo(2);
    }

    @Test
    void reads_and_writes_files_and_evaluates_a_suite(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"根治失眠\",\"category\":\"food\"}\n");
        Path outFile = dir.resolve("out.jsonl");
        assertThat(run("", "--input", in.toString(), "--output", outFile.toString())).isZero();
        assertThat(Files.readString(outFile)).contains("\"rule\":\"AD-17-DISEASE\"");
        assertThat(run("", "--evaluate", "suites/false-positive.jsonl")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cases: 104", "texts with a finding above hint: 0");
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run("", "--frobnicate")).isEqualTo(2);
        assertThat(run("", "--rules", "/no/such/dir")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option", "catalog.json");
    }
}
