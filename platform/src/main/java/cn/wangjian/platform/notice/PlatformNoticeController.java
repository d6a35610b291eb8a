package cn.wangjian.platform.notice;

import cn.wangjian.platform.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

/** A platform's compliance users: the notices sent to their platform (never another's) and their answers. */
@Controller
@PreAuthorize("hasRole('PLATFORM_COMPLIANCE')")
class PlatformNoticeController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PlatformNotices notices;
    private final DataRequests requests;
    private final cn.wangjian.platform.registry.PlatformReportLog reports;
    private final cn.wangjian.platform.trade.TradeReporting trade;
    private final Clock clock;

    PlatformNoticeController(PlatformNotices notices, DataRequests requests,
                             cn.wangjian.platform.registry.PlatformReportLog reports,
                             cn.wangjian.platform.trade.TradeReporting trade, Clock clock) {
        this.notices = notices;
        this.requests = requests;
        this.reports = reports;
        this.trade = trade;
        this.clock = clock;
    }

    /** The platform's own view: its reports and their rejected rows, and what the bureaus sent it. */
    @GetMapping("/platform")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        String platform = notices.platformOf(user).orElse(null);
        model.addAttribute("platform", platform);
        model.addAttribute("reports", platform == null ? java.util.List.of() : reports.recent(platform, 50));
        model.addAttribute("tradeReports", platform == null ? java.util.List.of() : trade.recent(platform, 50));
        model.addAttribute("notices", notices.ofPlatform(user));
        model.addAttribute("requests", requests.ofPlatform(user));
        model.addAttribute("now", clock.instant());
        return "notice/platform-home";
    }

    @GetMapping("/platform/notices")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("notices", notices.ofPlatform(user));
        model.addAttribute("requests", requests.ofPlatform(user));
        model.addAttribute("platform", notices.platformOf(user).orElse(null));
        model.addAttribute("now", clock.instant());
        return "notice/platform-list";
    }

    @GetMapping("/platform/notices/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("n", notices.ofPlatform(id, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("now", clock.instant());
        model.addAttribute("nowLocal", LocalDateTime.now(clock.withZone(CHINA)).withSecond(0).withNano(0));
        return "notice/platform-detail";
    }

    @PostMapping("/platform/notices/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam String actionTaken,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                   LocalDateTime actedAt, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        notices.ofPlatform(id, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            PlatformNotices.Notice n = notices.confirm(id, actionTaken,
                    actedAt == null ? null : actedAt.atZone(CHINA).toInstant(), user);
            flash.addFlashAttribute("message", "已反馈通知 " + n.noticeNo() + "：" + n.state().label()
                    + (n.confirmation().late() ? "（逾期反馈）" : ""));
        } catch (NoticeRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/platform/notices/" + id;
    }

    @GetMapping("/platform/requests/{id}")
    String request(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("r", requests.ofPlatform(id, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("files", requests.files(id));
        model.addAttribute("now", clock.instant());
        model.addAttribute("platformSide", true);
        return "notice/request";
    }

    @PostMapping("/platform/requests/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String note,
                  @RequestParam(name = "files", required = false) java.util.List<org.springframework.web.multipart.MultipartFile> files,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) throws java.io.IOException {
        requests.ofPlatform(id, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        java.util.List<DataRequests.File> given = new java.util.ArrayList<>();
        for (var f : files == null ? java.util.List.<org.springframework.web.multipart.MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                given.add(new DataRequests.File(f.getOriginalFilename(), f.getBytes()));
            }
        }
        try {
            DataRequests.Request r = requests.answer(id, note, given, user);
            flash.addFlashAttribute("message", "已答复调取通知 " + r.requestNo() + (r.answer().late() ? "（逾期答复）" : ""));
        } catch (NoticeRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/platform/requests/" + id;
    }
}
