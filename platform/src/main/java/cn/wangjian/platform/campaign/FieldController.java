package cn.wangjian.platform.campaign;

import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.registry.Registry;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** On-site inspections and administrative guidance: the bureau's records and the forms that add to them. */
@Controller
@PreAuthorize(CampaignController.CAN_READ)
class FieldController {

    static final String CAN_RECORD = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','CREDIT_OFFICER',"
            + "'CAMPAIGN_COORDINATOR','AGENCY_LIAISON')";

    private final FieldRecords records;
    private final Directory directory;
    private final Registry registry;
    private final java.time.Clock clock;

    FieldController(FieldRecords records, Directory directory, Registry registry, java.time.Clock clock) {
        this.records = records;
        this.directory = directory;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/campaign/field")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("inspections", records.inspections(user.dataScope()));
        model.addAttribute("guidance", records.guidance(user.dataScope()));
        model.addAttribute("kinds", FieldRecords.GuidanceKind.values());
        model.addAttribute("agencies", directory.agencyShortNames());
        model.addAttribute("platforms", registry.platforms());
        model.addAttribute("today", LocalDate.now(clock));
        return "campaign/field";
    }

    @PostMapping("/campaign/field/inspections")
    @PreAuthorize(CAN_RECORD)
    String inspect(@RequestParam String subjectName, @RequestParam(required = false) String operatorCreditCode,
                   @RequestParam(required = false) String platformCode, @RequestParam(required = false) String shopId,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
                   @RequestParam String inspectors, @RequestParam String findings,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            FieldRecords.Inspection i = records.inspect(new FieldRecords.NewInspection(subjectName, operatorCreditCode,
                    platformCode, shopId, inspectedOn, inspectors, findings), user);
            flash.addFlashAttribute("message", "已记录实地检查 " + i.id() + "：" + i.subjectName());
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/field";
    }

    @PostMapping("/campaign/field/guidance")
    @PreAuthorize(CAN_RECORD)
    String guide(@RequestParam FieldRecords.GuidanceKind kind, @RequestParam(required = false) String platformCode,
                 @RequestParam(required = false) String operatorCreditCode,
                 @RequestParam(required = false) String subjectName,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                 @RequestParam(required = false) List<String> participants, @RequestParam String matters,
                 @RequestParam String commitments,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpDue,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            FieldRecords.Guidance g = records.guide(new FieldRecords.NewGuidance(kind, platformCode, operatorCreditCode,
                    subjectName, heldOn, participants, matters, commitments, followUpDue), user);
            flash.addFlashAttribute("message", "已记录行政指导 " + g.id() + "（" + g.kind().label() + "）：" + g.subjectName());
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/field";
    }

    @PostMapping("/campaign/field/guidance/{id}/follow-up")
    @PreAuthorize(CAN_RECORD)
    String followUp(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    @RequestParam String result, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            records.followUp(id, on, result, user);
            flash.addFlashAttribute("message", "已记录回头看：行政指导 " + id);
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/field";
    }
}
