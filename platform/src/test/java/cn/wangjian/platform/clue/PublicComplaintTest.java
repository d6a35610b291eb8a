package cn.wangjian.platform.clue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.calendar.WorkingDays;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The public complaint form: a number and code, the clue in the bureau's queue with its deadline, the state. */
class PublicComplaintTest extends PlatformTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ClueRegister clues;

    private static String text(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String find(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
        assertThat(m.find()).as(id + " in " + html).isTrue();
        return m.group(1).strip();
    }

    private long complaintsStored() {
        return jdbc.sql("SELECT count(*) FROM clue_complaint").query(Long.class).single();
    }

    @Test
    void a_complaint_gets_a_number_reaches_the_bureau_with_its_deadline_and_its_state_is_followed() throws Exception {
        assertThat(text(mvc.perform(get("/public/complaints?province=110000")).andExpect(status().isOk())))
                .contains("东城区", "网上投诉举报");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        long before = complaintsStored();

        // bad input first: a file that is not an image, PDF or video; a complaint without a phone
        var notAnImage = new MockMultipartFile("files", "receipt.png", "image/png", "<html>not an image</html>"
                .getBytes(StandardCharsets.UTF_8));
        String refused = text(mvc.perform(multipart("/public/complaints").file(notAnImage).with(csrf())
                .param("kind", "COMPLAINT").param("region", "110101").param("name", "张三").param("phone", "13800000000")
                .param("address", "北京市东城区某街道").param("respondent", "某网店").param("respondentAddress", "北京市东城区")
                .param("request", "退货退款").param("facts", "所购羽绒服含绒量不符")).andExpect(status().isBadRequest()));
        assertThat(refused).contains("不是图片、PDF 或视频", "所购羽绒服含绒量不符");     // what was typed is kept
        assertThat(text(mvc.perform(multipart("/public/complaints").with(csrf()).param("kind", "COMPLAINT")
                .param("region", "110101").param("name", "张三").param("address", "北京").param("respondent", "某网店")
                .param("respondentAddress", "北京").param("request", "退款").param("facts", "事实"))
                .andExpect(status().isBadRequest()))).contains("投诉须留下姓名、联系电话和联系地址");
        assertThat(complaintsStored()).isEqualTo(before);

        // a complaint with a photo and script in its text
        String receipt = text(mvc.perform(multipart("/public/complaints")
                        .file(new MockMultipartFile("files", "照片.png", "image/png", png.toByteArray())).with(csrf())
                        .param("kind", "COMPLAINT").param("region", "110101").param("name", "张三")
                        .param("phone", "13800000000").param("address", "北京市东城区某街道")
                        .param("respondent", "北京某服饰网店").param("platformCode", "demo-mall")
                        .param("request", "退货退款并赔偿")
                        .param("facts", "<script>alert(1)</script>2026年11月11日购买的羽绒服含绒量与标注不符")
                        .param("agreesToMediation", "true"))
                .andExpect(status().isOk()));
        String number = find(receipt, "complaint-no");
        String code = find(receipt, "access-code");
        String respondBy = find(receipt, "respond-by");
        assertThat(number).startsWith("TS");
        assertThat(respondBy).isEqualTo(workingDays.deadline(clock.today(), 7).date().toString());

        // the 东城 bureau's case officer sees it in the clue queue with its deadline, the script inert
        if (accounts.find("pc.officer").isEmpty()) {
            accounts.create(new NewAccount("pc.officer", "东城执法", PASSWORD, "SAMR", new RegionCode("110101"), null,
                    Set.of(Role.CASE_OFFICER)), "test");
        }
        CurrentUser officer = accounts.loadUserByUsername("pc.officer");
        long clueId = jdbc.sql("SELECT clue_id FROM clue_complaint WHERE complaint_no = ?").param(number)
                .query(Long.class).single();
        Clue clue = clues.find(clueId, officer.dataScope()).orElseThrow();
        assertThat(clue.source()).isEqualTo(ClueSource.COMPLAINT);
        assertThat(text(mvc.perform(get("/clues").with(user(officer))).andExpect(status().isOk())))
                .contains(clue.clueNo(), "受理期限 " + respondBy);
        String shown = text(mvc.perform(get("/clues/" + clueId).with(user(officer))).andExpect(status().isOk()));
        assertThat(shown).contains("&lt;script&gt;", "照片.png", number).doesNotContain("<script>alert(1)</script>");
        mvc.perform(get("/clues/" + clueId + "/attachments/1").with(user(officer))).andExpect(status().isOk());
        if (accounts.find("pc.xicheng").isEmpty()) {
            accounts.create(new NewAccount("pc.xicheng", "西城执法", PASSWORD, "SAMR", new RegionCode("110102"), null,
                    Set.of(Role.CASE_OFFICER)), "test");
        }
        mvc.perform(get("/clues/" + clueId).with(user(accounts.loadUserByUsername("pc.xicheng"))))
                .andExpect(status().isNotFound());

        // the complainant follows it with the number and the code; a wrong code tells nothing
        String wrong = text(mvc.perform(post("/public/complaints/status").with(csrf()).param("number", number)
                .param("code", "WRONGCODE1")).andExpect(status().isOk()));
        assertThat(wrong).contains("编号或查询码不正确").doesNotContain("已登记");
        String state = text(mvc.perform(post("/public/complaints/status").with(csrf()).param("number", number)
                .param("code", code.toLowerCase(java.util.Locale.ROOT))).andExpect(status().isOk()));
        assertThat(state).contains("已登记，待受理", respondBy, "东城区");
        // guessing is rate-limited
        int limited = 0;
        for (int i = 0; i < 12 && limited == 0; i++) {
            int s = mvc.perform(post("/public/complaints/status").with(csrf()).param("number", number)
                    .param("code", "GUESS" + i)).andReturn().getResponse().getStatus();
            limited = s == 429 ? 1 : 0;
        }
        assertThat(limited).isEqualTo(1);
    }

    @Test
    void a_report_may_be_anonymous_but_needs_a_concrete_clue() throws Exception {
        String receipt = text(mvc.perform(multipart("/public/complaints").with(csrf()).param("kind", "REPORT")
                        .param("region", "110102").param("respondent", "某网店")
                        .param("facts", "该店铺在商品详情页宣称“国家级”“最高级”，涉嫌违法广告"))
                .andExpect(status().isOk()));
        String number = find(receipt, "complaint-no");
        assertThat(receipt).contains(workingDays.deadline(clock.today(), 15).date().toString());
        assertThat(jdbc.sql("SELECT c.source || ' ' || c.region_code FROM clue c JOIN clue_complaint cc"
                + " ON cc.clue_id = c.id WHERE cc.complaint_no = ?").param(number).query(String.class).single())
                .isEqualTo("REPORT 110102");
        assertThat(text(mvc.perform(multipart("/public/complaints").with(csrf()).param("kind", "REPORT")
                .param("region", "110102").param("respondent", "某网店")).andExpect(status().isBadRequest())))
                .contains("字段 facts");
    }
}
