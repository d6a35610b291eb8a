package cn.wangjian.platform.campaign;

import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import java.time.LocalDate;
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

/** The campaign pages: the campaigns, one campaign with its phases, key tasks, duties and tasks. */
@Controller
@PreAuthorize(CampaignController.CAN_READ)
class CampaignController {

    static final String CAN_READ = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','CREDIT_OFFICER',"
            + "'CAMPAIGN_COORDINATOR','AGENCY_LIAISON','ADMIN')";
    static final String CAN_COORDINATE = "hasRole('CAMPAIGN_COORDINATOR')";

    private final Campaigns campaigns;
    private final Directory directory;
    private final java.time.Clock clock;

    CampaignController(Campaigns campaigns, Directory directory, java.time.Clock clock) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/campaign")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        model.addAttribute("nextYear", LocalDate.now(clock).getYear() + 1);
        return "campaign/list";
    }

    @GetMapping("/campaign/{id}")
    String campaign(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Campaigns.Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", c);
        model.addAttribute("phases", campaigns.phases(id));
        model.addAttribute("focuses", campaigns.focuses(id));
        model.addAttribute("duties", campaigns.duties(id));
        model.addAttribute("tasks", campaigns.tasks(id, user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("agencies", directory.agencyShortNames());
        model.addAttribute("userRegion", user.region().value());
        model.addAttribute("userAgency", user.agencyCode());
        return "campaign/detail";
    }

    @PostMapping("/campaign/{id}/tasks")
    @PreAuthorize(CAN_COORDINATE)
    String assign(@PathVariable long id, @RequestParam(required = false) Integer focusSeq, @RequestParam String title,
                  @RequestParam String agencyCode, @RequestParam String regionCode, @RequestParam String ownerName,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            Campaigns.Task t = campaigns.assign(id, new Campaigns.NewTask(focusSeq, title, agencyCode, regionCode,
                    ownerName, dueOn), user);
            flash.addFlashAttribute("message", "已分派任务 " + t.id() + "：" + t.title());
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/" + id;
    }

    @PostMapping("/campaign/tasks/{taskId}/progress")
    String report(@PathVariable long taskId, @RequestParam int progress, @RequestParam String note,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        Campaigns.Task t = campaigns.task(taskId, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            campaigns.report(taskId, progress, note, user);
            flash.addFlashAttribute("message", "已报告任务 " + taskId + " 进展：" + progress + "%");
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/" + t.campaignId();
    }

    @PostMapping("/campaign/{id}/copy")
    @PreAuthorize(CAN_COORDINATE)
    String copy(@PathVariable long id, @RequestParam int year, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes flash) {
        try {
            Campaigns.Campaign c = campaigns.copy(id, year, user);
            flash.addFlashAttribute("message", "已复制为 " + c.name());
            return "redirect:/campaign/" + c.id();
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/campaign";
        }
    }
}
