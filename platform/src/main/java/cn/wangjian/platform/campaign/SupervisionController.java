package cn.wangjian.platform.campaign;

import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** The campaign's supervision page: inspection groups and their visits, and supervised cases. */
@Controller
@PreAuthorize(CampaignController.CAN_READ)
class SupervisionController {

    private final Campaigns campaigns;
    private final Supervision supervision;
    private final Directory directory;
    private final java.time.Clock clock;

    SupervisionController(Campaigns campaigns, Supervision supervision, Directory directory, java.time.Clock clock) {
        this.campaigns = campaigns;
        this.supervision = supervision;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/campaign/{id}/supervision")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Campaigns.Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", c);
        List<Supervision.Group> groups = supervision.groups(id, user);
        model.addAttribute("groups", groups);
        Map<Long, List<Supervision.Visit>> visits = new LinkedHashMap<>();
        groups.forEach(g -> visits.put(g.id(), supervision.visits(g.id())));
        model.addAttribute("visits", visits);
        List<Supervision.Supervised> supervised = supervision.supervisedFor(id, user);
        model.addAttribute("supervised", supervised);
        Map<Long, List<Supervision.Progress>> progress = new LinkedHashMap<>();
        supervised.forEach(s -> progress.put(s.id(), supervision.progress(s.id())));
        model.addAttribute("progress", progress);
        model.addAttribute("agencies", directory.agencyShortNames());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("userAgency", user.agencyCode());
        model.addAttribute("userRegion", user.region().value());
        return "campaign/supervision";
    }

    @PostMapping("/campaign/{id}/supervision/groups")
    @PreAuthorize(CampaignController.CAN_COORDINATE)
    String form(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) List<String> agencies,
                @RequestParam String leader, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, () -> "已组建督查组 " + supervision.formGroup(id, name, agencies, leader, user).name());
    }

    @PostMapping("/campaign/{id}/supervision/groups/{groupId}/visits")
    @PreAuthorize(CampaignController.CAN_COORDINATE)
    String visit(@PathVariable long id, @PathVariable long groupId, @RequestParam String regionCode,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
                 @RequestParam String findings,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate rectifyBy,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, () -> "已记录督查 " + supervision.visit(groupId, regionCode, visitedOn, findings, rectifyBy,
                user).id());
    }

    @PostMapping("/campaign/{id}/supervision/visits/{visitId}/rectification")
    String rectify(@PathVariable long id, @PathVariable long visitId,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate rectifiedOn,
                   @RequestParam String rectification, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes flash) {
        return act(id, flash, () -> "已报告整改：督查 " + supervision.rectify(visitId, rectifiedOn, rectification, user).id());
    }

    @PostMapping("/campaign/{id}/supervision/cases")
    String supervise(@PathVariable long id, @RequestParam long caseId, @RequestParam String reason,
                     @RequestParam(defaultValue = "15") int everyDays, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes flash) {
        return act(id, flash, () -> "已督办案件 " + supervision.supervise(id, caseId, reason, everyDays, user).caseId());
    }

    @PostMapping("/campaign/{id}/supervision/cases/{supervisedId}/progress")
    String report(@PathVariable long id, @PathVariable long supervisedId, @RequestParam String progress,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(id, flash, () -> "已报告督办进展，下次报告于 " + supervision.reportProgress(supervisedId, progress, user)
                .nextReportOn());
    }

    private static String act(long id, RedirectAttributes flash, java.util.function.Supplier<String> step) {
        try {
            flash.addFlashAttribute("message", step.get());
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/" + id + "/supervision";
    }
}
