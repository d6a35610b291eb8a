package cn.wangjian.platform.portal;

import cn.wangjian.platform.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officers' side of the public pages: writing and publishing warnings, moderating evaluations. */
@Controller
@PreAuthorize("hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','CREDIT_OFFICER','CAMPAIGN_COORDINATOR')")
class PortalController {

    private final Portal portal;

    PortalController(Portal portal) {
        this.portal = portal;
    }

    @GetMapping("/portal")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("warnings", portal.warnings(user.dataScope()));
        model.addAttribute("pending", portal.pending(200));
        model.addAttribute("kinds", Portal.WarningKind.values());
        return "portal/officer";
    }

    @PostMapping("/portal/warnings")
    String write(@RequestParam(required = false) Portal.WarningKind kind, @RequestParam String title,
                 @RequestParam String body, @RequestParam(defaultValue = "false") boolean publish,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            Portal.Warning w = portal.write(kind, title, body, user);
            if (publish) {
                portal.publish(w.id(), user);
            }
            flash.addFlashAttribute("message", (publish ? "已发布：" : "已保存：") + w.title());
        } catch (PortalRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal";
    }

    @PostMapping("/portal/warnings/{id}/{action:publish|withdraw}")
    String change(@PathVariable long id, @PathVariable String action, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        try {
            Portal.Warning w = action.equals("publish") ? portal.publish(id, user) : portal.withdraw(id, user);
            flash.addFlashAttribute("message", (action.equals("publish") ? "已发布：" : "已撤下：") + w.title());
        } catch (PortalRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal";
    }

    @PostMapping("/portal/evaluations/{id}")
    String moderate(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String reason,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            portal.moderate(id, approve, reason, user);
            flash.addFlashAttribute("message", approve ? "已通过，评价已展示" : "已不予展示");
        } catch (PortalRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal";
    }
}
