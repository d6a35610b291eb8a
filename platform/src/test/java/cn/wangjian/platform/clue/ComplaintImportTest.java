package cn.wangjian.platform.clue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 12315-style complaints become clues once, related ones are linked, and the complainant is shown only to those who need it. */
class ComplaintImportTest extends PlatformTest {

    @Autowired
    ComplaintImport complaints;
    @Autowired
    ClueRegister clues;
    @Autowired
    ClueNotifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    static final String CSV = """
            complaint_no,received_at,complainant_name,complainant_phone,respondent,respondent_credit_code,content,kind
            12315-2026-0001,2026-11-02 09:15,王小明,13812345678,北京星昌数码有限公司,91110108E796UNUFT5,收到的耳机是高仿货,complaint
            12315-2026-0002,2026-11-03 10:00,李四,13900001111,北京星昌数码有限公司,91110108E796UNUFT5,商品页面标注全网最低价,complaint
            12315-2026-0003,2026-11-04 11:30,,,某直播间,,直播间宣称产品可治疗糖尿病,report
            """;

    @Test
    void complaints_import_once_link_related_clues_and_mask_the_complainant() {
        CurrentUser officer = accounts.loadUserByUsername(testUser("ci.case", "SAMR", "110108", Role.CASE_OFFICER));
        CurrentUser monitor = accounts.loadUserByUsername(testUser("ci.mon", "SAMR", "110108", Role.MONITORING_OFFICER));
        ComplaintImport.Report first = complaints.importFile("12315.csv", CSV.getBytes(Charset.forName("GB18030")), officer);
        assertThat(first.rejected()).isEmpty();
        assertThat(first.imported()).isEqualTo(3);
        assertThat(first.linked()).isEqualTo(1);
        ComplaintImport.Report again = complaints.importFile("12315.csv", CSV.getBytes(StandardCharsets.UTF_8), officer);
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(3);

        long second = jdbc.sql("SELECT clue_id FROM clue_complaint WHERE complaint_no = '12315-2026-0002'")
                .query(Long.class).single();
        long firstId = jdbc.sql("SELECT clue_id FROM clue_complaint WHERE complaint_no = '12315-2026-0001'")
                .query(Long.class).single();
        assertThat(clues.related(second)).containsExactly(firstId);
        assertThat(clues.related(firstId)).contains(second);
        Clue clue = clues.find(second, officer.dataScope()).orElseThrow();
        assertThat(clue.source()).isEqualTo(ClueSource.COMPLAINT);

        assertThat(complaints.complainant(clue, officer).orElseThrow()).containsExactly("12315-2026-0002", "李四", "13900001111");
        assertThat(audit.forEntity("clue", Long.toString(second))).anySatisfy(e ->
                assertThat(e.action()).isEqualTo("clue.complainant-viewed"));
        assertThat(complaints.complainant(clue, monitor).orElseThrow()).containsExactly("12315-2026-0002", "李*", "139****1111");
        // an agency the clue is routed to sees it, but not the complainant
        CurrentUser police = accounts.loadUserByUsername(testUser("ci.police", "MPS", "110108", Role.CASE_OFFICER));
        notifications.notify(second, "criminal", "110108", false, officer);
        assertThat(complaints.complainant(clues.find(second, police.dataScope()).orElseThrow(), police).orElseThrow()[1])
                .isEqualTo("李*");
    }

    @Test
    void a_bad_file_imports_nothing_and_names_every_bad_line() {
        CurrentUser officer = accounts.loadUserByUsername(testUser("ci.case", "SAMR", "110108", Role.CASE_OFFICER));
        String bad = """
                complaint_no,received_at,complainant_name,complainant_phone,respondent,respondent_credit_code,content,kind
                12315-2026-0101,2026-11-02 09:15,张三,13812345678,某公司,,内容一,complaint
                12315-2026-0102,2026-11-02 09:15,张三,13812345678,某公司,91110108E796UNUFT4,内容二,complaint
                12315-2026-0103,2026-11-31 09:15,张三,13812345678,某公司,,,complaint
                12315-2026-0101,2026-11-02 09:15,张三,call me,某公司,,内容四,suggestion
                """;
        ComplaintImport.Report r = complaints.importFile("bad.csv", bad.getBytes(StandardCharsets.UTF_8), officer);
        assertThat(r.committed()).isFalse();
        assertThat(r.imported()).isZero();
        assertThat(String.join("\n", r.rejected())).contains("第 3 行：字段 respondent_credit_code", "第 4 行：字段",
                "第 5 行：字段");
        assertThat(jdbc.sql("SELECT count(*) FROM clue_complaint WHERE complaint_no LIKE '12315-2026-01%'")
                .query(Long.class).single()).isZero();
        assertThat(complaints.importFile("x.csv", "complaint_no,content\n1,x\n".getBytes(StandardCharsets.UTF_8), officer)
                .rejected()).anySatisfy(m -> assertThat(m).contains("received_at"));
    }
}
