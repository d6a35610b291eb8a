package cn.wangjian.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The summary report: typical cases marked by case officers, each with its decision, at least three to submit; the
 * PDF carries the sections, the figures and the decisions appended.
 */
class CampaignReportTest extends PlatformTest {

    static final String CODE = "91110102MA0RPT001"
            + cn.wangjian.engine.registry.UnifiedSocialCreditCode.checkCharacter("91110102MA0RPT001");

    @Autowired
    CampaignReports reports;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CaseFiles cases;
    @Autowired
    ClueRegister clues;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    private long decidedCase(Bureau bureau, String subject) throws Exception {
        CurrentUser officer = bureau.officer();
        long clueId = clues.register(new NewClue("销售假冒注册商标的商品", ClueSource.MONITORING, subject, null, "监测发现"),
                officer).id();
        String location = mvc.perform(post("/casework").with(user(officer)).with(csrf())
                        .param("clueId", Long.toString(clueId)).param("receivedOn", "2026-09-01"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        step(bureau.head(), id, "file", "on", "2026-09-02", "officers", bureau.officers());
        step(officer, id, "submit", "findings", "网店销售假冒注册商标的运动鞋");
        step(bureau.reviewer(), id, "legal-review", "on", "2026-09-28", "opinion", "事实清楚，证据确凿");
        step(officer, id, "serve-notice", "on", "2026-09-28", "proposedPenalty", "罚款五万元", "hearingRight", "true");
        step(bureau.head(), id, "decide", "on", "2026-10-12", "penalty", "罚款五万元", "legalBasis", "《中华人民共和国商标法》第六十条",
                "violationType", "COUNTERFEIT_TRADEMARK", "kind.FINE", "on", "fineYuan", "50000", "creditCode", CODE);
        return id;
    }

    private void step(CurrentUser who, long id, String step, String... params) throws Exception {
        var request = post("/casework/" + id + "/steps/" + step).with(user(who)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("message", org.hamcrest.Matchers.startsWith("已完成")));
    }

    @Test
    void a_report_needs_three_typical_cases_with_decisions_and_renders_them_into_one_pdf() throws Exception {
        Bureau bureau = bureau("rpt", "110102");
        CurrentUser officer = bureau.officer();
        CurrentUser coordinator = accounts.loadUserByUsername(testUser("rpt.coord", "SAMR", "110100",
                Role.CAMPAIGN_COORDINATOR));
        long campaign = campaigns.list().stream().filter(c -> c.year() == 2017).findFirst().orElseThrow().id();
        long a = decidedCase(bureau, "北京甲商贸有限公司");
        long b = decidedCase(bureau, "北京乙商贸有限公司");
        long c = decidedCase(bureau, "北京丙商贸有限公司");
        long notTypical = decidedCase(bureau, "北京丁商贸有限公司");
        for (long id : List.of(a, b, c)) {
            cases.markTypical(id, true, officer);
        }
        assertThat(reports.candidates(coordinator)).extracting(CaseFiles.DecidedCase::id).contains(a, b, c)
                .doesNotContain(notTypical);
        Map<CampaignReports.Section, String> sections = new EnumMap<>(CampaignReports.Section.class);
        sections.put(CampaignReports.Section.EXPERIENCE, "以网管网，建立监测、取证、移送一体化机制");
        sections.put(CampaignReports.Section.RESULTS, "查处侵权假冒案件三件");
        sections.put(CampaignReports.Section.PROBLEMS, "跨平台刷单线索发现难");
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        // a case not marked typical cannot be chosen; a report without all sections or with two cases is not submitted
        assertThatThrownBy(() -> reports.save(campaign, from, to, sections, List.of(a, notTypical), coordinator))
                .hasMessageContaining("未被办案人员标记为典型案例");
        assertThatThrownBy(() -> reports.save(campaign, from, to, sections, List.of(a, b), officer))
                .hasMessageContaining("协调人");
        reports.save(campaign, from, to, sections, List.of(a, b), coordinator);
        assertThatThrownBy(() -> reports.submit(campaign, coordinator)).hasMessageContaining("下一步打算");
        sections.put(CampaignReports.Section.NEXT_STEPS, "推进平台数据报送");
        reports.save(campaign, from, to, sections, List.of(a, b), coordinator);
        assertThatThrownBy(() -> reports.submit(campaign, coordinator)).hasMessageContaining("不少于 3 件");
        reports.save(campaign, from, to, sections, List.of(a, b, c), coordinator);
        // photos and videos with captions: the kind read from the bytes, each within its size limit
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        CampaignReports.Media photo = reports.attach(campaign, "联合检查.png", png.toByteArray(), "市场监管与公安联合检查仓库",
                coordinator);
        assertThat(photo.photo()).isTrue();
        assertThatThrownBy(() -> reports.attach(campaign, "video.mp4", "not a video at all".getBytes(), "说明",
                coordinator)).hasMessageContaining("不是 JPEG/PNG 照片或 MP4/WebM 视频");
        byte[] big = new byte[(10 << 20) + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> reports.attach(campaign, "big.jpg", big, "说明", coordinator))
                .hasMessageContaining("超过 10 MB");
        byte[] mp4 = new byte[64];
        System.arraycopy("ftypisom".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, mp4, 4, 8);
        assertThat(reports.attach(campaign, "执法记录.mp4", mp4, "现场执法记录", coordinator).photo()).isFalse();
        assertThatThrownBy(() -> reports.attach(campaign, "x.png", png.toByteArray(), " ", coordinator))
                .hasMessageContaining("字段 caption");
        // the PDF: the sections, the statistics table, the cases and their decisions appended, Chinese font embedded
        byte[] pdf = mvc.perform(get("/campaign/" + campaign + "/report.pdf").with(user(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "campaign-report.pdf"), pdf);
        var reader = new com.lowagie.text.pdf.PdfReader(pdf);
        String all = cn.wangjian.platform.casework.CaseworkTestAccess.pdfText(pdf);
        assertThat(all).contains("2017网络市场监管专项行动工作总结", "目录", "经验做法", "以网管网", "专项行动情况统计表",
                "罚没款总额", "北京甲商贸有限公司", "北京丙商贸有限公司", "行政处罚决定书", "—1—",
                "联合执法图片视频资料", "图：市场监管与公安联合检查仓库", "视频：执法记录.mp4");
        for (long id : List.of(a, b, c)) {
            assertThat(all).contains(cases.decided(id, coordinator.dataScope()).orElseThrow().decisionNo()
                    .replaceAll("\\s+", ""));
        }
        assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2 + 3);
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("NotoSerifCJK");
        // submitted once; then read-only
        CampaignReports.Report submitted = reports.submit(campaign, coordinator);
        assertThat(submitted.submitted()).isTrue();
        assertThatThrownBy(() -> reports.save(campaign, from, to, sections, List.of(a, b, c), coordinator))
                .hasMessageContaining("已上报");
        assertThatThrownBy(() -> reports.submit(campaign, coordinator)).hasMessageContaining("已上报");
        assertThatThrownBy(() -> reports.attach(campaign, "y.png", png.toByteArray(), "说明", coordinator))
                .hasMessageContaining("已上报");
        // the superior sees the submitted reports below it; another province does not
        CurrentUser national = accounts.loadUserByUsername(testUser("rpt.national", "SAMR", "000000",
                Role.MONITORING_OFFICER));
        CurrentUser shanghai = accounts.loadUserByUsername(testUser("rpt.sh", "SAMR", "310000", Role.MONITORING_OFFICER));
        assertThat(reports.submittedBelow(campaign, national)).extracting(CampaignReports.Report::id)
                .contains(submitted.id());
        assertThat(reports.submittedBelow(campaign, shanghai)).isEmpty();
        assertThat(reports.pdfOf(submitted.id(), national)).isNotEmpty();
        assertThatThrownBy(() -> reports.pdfOf(submitted.id(), shanghai)).hasMessageContaining("没有这份工作总结");
        mvc.perform(get("/campaign/report-media/" + photo.id()).with(user(shanghai))).andExpect(status().isNotFound());
        mvc.perform(get("/campaign/report-media/" + photo.id()).with(user(national))).andExpect(status().isOk());
        assertThat(mvc.perform(get("/campaign/" + campaign + "/report").with(user(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8)).contains("由 rpt.coord 上报", "北京乙商贸有限公司",
                // the time of submission in Beijing time, not an ISO instant
                "已于 " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(
                        java.time.ZoneId.of("Asia/Shanghai")).format(submitted.submittedAt()) + " 由")
                .doesNotContain(submitted.submittedAt().toString());
    }
}
