package cn.wangjian.platform.campaign;

import cn.wangjian.platform.identity.CurrentUser;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bureau's summary report of a campaign: the draft, its typical cases, the submission and the PDF. */
@Controller
@PreAuthorize(CampaignController.CAN_COORDINATE)
class ReportController {

    private final Campaigns campaigns;
    private final CampaignReports reports;
    private final CombinedReports combined;
    private final cn.wangjian.platform.identity.Directory directory;

    ReportController(Campaigns campaigns, CampaignReports reports, CombinedReports combined,
                     cn.wangjian.platform.identity.Directory directory) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.combined = combined;
        this.directory = directory;
    }

    @GetMapping("/campaign/{id}/report")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Campaigns.Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", c);
        model.addAttribute("due", combined.due(c));
        model.addAttribute("report", reports.find(id, user).orElse(null));
        model.addAttribute("sections", CampaignReports.Section.values());
        model.addAttribute("candidates", reports.candidates(user));
        model.addAttribute("minimum", CampaignReports.MIN_TYPICAL_CASES);
        model.addAttribute("media", reports.find(id, user).map(r -> reports.media(r.id())).orElse(List.of()));
        return "campaign/report";
    }

    @PostMapping("/campaign/{id}/report")
    String save(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam Map<String, String> form, @RequestParam(name = "cases", required = false) List<Long> cases,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        Map<CampaignReports.Section, String> sections = new EnumMap<>(CampaignReports.Section.class);
        for (CampaignReports.Section s : CampaignReports.Section.values()) {
            sections.put(s, form.getOrDefault(s.name().toLowerCase(java.util.Locale.ROOT), ""));
        }
        try {
            reports.save(id, from, to, sections, cases, user);
            flash.addFlashAttribute("message", "已保存工作总结");
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/" + id + "/report";
    }

    @PostMapping("/campaign/{id}/report/submit")
    String submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            reports.submit(id, user);
            flash.addFlashAttribute("message", "已上报工作总结");
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/" + id + "/report";
    }

    @PostMapping("/campaign/{id}/report/media")
    String attach(@PathVariable long id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                  @RequestParam String caption, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash)
            throws java.io.IOException {
        try {
            CampaignReports.Media m = reports.attach(id, file.getOriginalFilename(), file.getBytes(), caption, user);
            flash.addFlashAttribute("message", "已附" + (m.photo() ? "照片 " : "视频 ") + m.fileName());
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/" + id + "/report";
    }

    /** The submitted reports of the bureaus below (a superior's view), each as its PDF. */
    @GetMapping("/campaign/{id}/reports")
    @PreAuthorize(CampaignController.CAN_READ)
    String below(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Campaigns.Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", c);
        model.addAttribute("combined", combined.combined(id, user));
        model.addAttribute("agencies", directory.agencyShortNames());
        return "campaign/reports";
    }

    /** The combined report: totals and states on a cover, then each submitted report below. */
    @GetMapping("/campaign/{id}/reports/combined.pdf")
    @PreAuthorize(CampaignController.CAN_READ)
    ResponseEntity<byte[]> combinedPdf(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        Campaigns.Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.name() + "工作总结汇总.pdf", java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .body(combined.pdf(id, user));
    }

    @GetMapping("/campaign/reports/{reportId}.pdf")
    @PreAuthorize(CampaignController.CAN_READ)
    ResponseEntity<byte[]> pdfOf(@PathVariable long reportId, @AuthenticationPrincipal CurrentUser user) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(reports.pdfOf(reportId, user));
        } catch (CampaignRefusedException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @GetMapping("/campaign/report-media/{mediaId}")
    @PreAuthorize(CampaignController.CAN_READ)
    ResponseEntity<byte[]> medium(@PathVariable long mediaId, @AuthenticationPrincipal CurrentUser user) {
        byte[] bytes = reports.mediaContent(mediaId, user).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(cn.wangjian.platform.documents.FileTypes.of(bytes)
                        .orElse("application/octet-stream"))).header(HttpHeaders.CONTENT_DISPOSITION, "attachment")
                .header("X-Content-Type-Options", "nosniff").body(bytes);
    }

    @GetMapping("/campaign/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        Campaigns.Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] pdf;
        try {
            pdf = reports.pdf(id, user);
        } catch (CampaignRefusedException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(c.name() + "工作总结.pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
