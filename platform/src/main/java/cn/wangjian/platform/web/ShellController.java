package cn.wangjian.platform.web;

import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.identity.Directory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard, and the former placeholders' addresses. */
@Controller
class ShellController {

    private final ClueRegister clues;
    private final Directory directory;
    private final cn.wangjian.platform.casework.CaseFiles cases;

    private final cn.wangjian.platform.calendar.WorkingDays workingDays;

    ShellController(ClueRegister clues, Directory directory, cn.wangjian.platform.casework.CaseFiles cases,
                    cn.wangjian.platform.calendar.WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.clues = clues;
        this.directory = directory;
        this.cases = cases;
    }

    /**
     * Each role's worklist (issue 18): the shared dashboard is the case officer's (clues and cases due) and the
     * administrator's; the other roles land on their own work, in this order when a user holds several.
     */
    private static final java.util.List<java.util.Map.Entry<Role, String>> LANDING =
            java.util.List.of(
                    java.util.Map.entry(Role.MONITORING_OFFICER, "/monitoring"),
                    java.util.Map.entry(Role.BUREAU_HEAD, "/casework?mine=true"),
                    java.util.Map.entry(Role.LEGAL_REVIEWER, "/casework?mine=true"),
                    java.util.Map.entry(Role.CREDIT_OFFICER, "/publicity"),
                    java.util.Map.entry(Role.CAMPAIGN_COORDINATOR, "/campaign"),
                    java.util.Map.entry(Role.AGENCY_LIAISON, "/clues/notifications"),
                    java.util.Map.entry(Role.PLATFORM_COMPLIANCE, "/platform"));

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!user.hasAnyRole(Role.CASE_OFFICER, Role.ADMIN)) {
            for (var landing : LANDING) {
                if (user.hasRole(landing.getKey())) {
                    return "redirect:" + landing.getValue();
                }
            }
        }
        model.addAttribute("bureau", directory.bureauName(user.agencyCode(), user.region()));
        model.addAttribute("clueCounts", clues.countByStatus(user.dataScope()));
        model.addAttribute("recentClues", clues.list(user.dataScope(), 5));
        model.addAttribute("casesDue", cases.dueBy(user.dataScope(), cases.today()
                .plusDays(3), 10));
        model.addAttribute("today", cases.today());
        if (user.hasRole(Role.ADMIN)) {
            model.addAttribute("missingCalendarYear", workingDays.missingYear().orElse(null));
        }
        return "dashboard";
    }

    /** The former placeholders' addresses lead to what was built: field records and sampling, the campaigns. */
    @GetMapping("/inspection")
    String inspection() {
        return "redirect:/campaign/field";
    }

    @GetMapping("/report")
    String report() {
        return "redirect:/campaign";
    }

}
