package cn.wangjian.platform.notice;

import cn.wangjian.platform.identity.CurrentUser;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
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

/** The bureau's notices to platforms: sending, the worklist of those that need following up, and reviews. */
@Controller
@PreAuthorize("hasAnyRole('MONITORING_OFFICER','CASE_OFFICER')")
class NoticeController {

    private final PlatformNotices notices;
    private final DataRequests requests;
    private final cn.wangjian.platform.registry.Registry registry;
    private final Clock clock;

    NoticeController(PlatformNotices notices, DataRequests requests, cn.wangjian.platform.registry.Registry registry,
                     Clock clock) {
        this.notices = notices;
        this.requests = requests;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/notices")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<PlatformNotices.Notice> all = notices.list(user.dataScope(), 500);
        model.addAttribute("attention", all.stream().filter(n -> n.needsAttention(clock.instant())).toList());
        model.addAttribute("notices", all);
        model.addAttribute("requests", requests.list(user.dataScope(), 500));
        model.addAttribute("platforms", registry.platforms());
        model.addAttribute("subjectKinds", DataRequests.SubjectKind.values());
        model.addAttribute("now", clock.instant());
        return "notice/list";
    }

    @PostMapping("/notices")
    String send(@RequestParam String sourceKind, @RequestParam long sourceId,
                @RequestParam(required = false) NoticeKind kind, @RequestParam(required = false) String platformCode,
                @RequestParam(required = false) String shopId, @RequestParam(required = false) String listingIds,
                @RequestParam(required = false) String law, @RequestParam(required = false) String article,
                @RequestParam String demand, @RequestParam(required = false) Integer dueHours,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            PlatformNotices.Notice n = notices.send(new PlatformNotices.NewNotice(sourceKind, sourceId, kind,
                    platformCode, shopId, listingIds == null ? List.of() : Arrays.asList(listingIds.split("[,，\\s]+")),
                    law, article, demand, dueHours), user);
            flash.addFlashAttribute("message", "已向平台发送通知 " + n.noticeNo());
            return "redirect:/notices/" + n.id();
        } catch (NoticeRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/notices";
        }
    }

    @GetMapping("/notices/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("n", notices.find(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("now", clock.instant());
        return "notice/detail";
    }

    @PostMapping("/notices/{id}/review")
    String review(@PathVariable long id, @RequestParam boolean accepted, @RequestParam String note,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            PlatformNotices.Notice n = notices.review(id, accepted, note, user);
            flash.addFlashAttribute("message", "已核查：" + n.state().label());
        } catch (NoticeRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/notices/" + id;
    }

    @PostMapping("/notices/requests")
    String request(@RequestParam String sourceKind, @RequestParam long sourceId, @RequestParam String platformCode,
                   @RequestParam(required = false) DataRequests.SubjectKind subjectKind, @RequestParam String subject,
                   @RequestParam String legalBasis, @RequestParam String scope,
                   @RequestParam(required = false) Integer dueDays, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes flash) {
        try {
            DataRequests.Request r = requests.send(new DataRequests.NewRequest(sourceKind, sourceId, platformCode,
                    subjectKind, subject, legalBasis, scope, dueDays), user);
            flash.addFlashAttribute("message", "已向平台发出调取通知 " + r.requestNo());
            return "redirect:/notices/requests/" + r.id();
        } catch (NoticeRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/notices";
        }
    }

    @GetMapping("/notices/requests/{id}")
    String requestDetail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("r", requests.find(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("files", requests.files(id));
        model.addAttribute("now", clock.instant());
        model.addAttribute("platformSide", false);
        return "notice/request";
    }
}
