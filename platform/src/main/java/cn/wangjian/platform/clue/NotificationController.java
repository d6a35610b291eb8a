package cn.wangjian.platform.clue;

import cn.wangjian.platform.identity.CurrentUser;
import java.util.List;
import java.util.NoSuchElementException;
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

/** Clue notification by the division of duties, the receiving side's acceptance, and the routing table. */
@Controller
class NotificationController {

    static final String CAN_RECEIVE = "hasAnyRole('AGENCY_LIAISON','CASE_OFFICER','MONITORING_OFFICER','ADMIN')";

    private final ClueNotifications notifications;
    private final Routing routing;
    private final ComplaintImport complaints;

    private final cn.wangjian.platform.identity.Directory directory;

    NotificationController(ClueNotifications notifications, Routing routing, ComplaintImport complaints,
                           cn.wangjian.platform.identity.Directory directory) {
        this.directory = directory;
        this.notifications = notifications;
        this.routing = routing;
        this.complaints = complaints;
    }

    @GetMapping("/clues/imports")
    @PreAuthorize(ClueController.CAN_REGISTER)
    String importForm() {
        return "clue/import";
    }

    /** 12315-style complaints and reports as clues (CSV or JSON Lines, UTF-8 or GB18030), all or nothing. */
    @PostMapping("/clues/imports")
    @PreAuthorize(ClueController.CAN_REGISTER)
    String importComplaints(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                            @AuthenticationPrincipal CurrentUser user, Model model) throws java.io.IOException {
        model.addAttribute("report", complaints.importFile(file.getOriginalFilename(), file.getBytes(), user));
        return "clue/import";
    }

    @PostMapping(value = "/api/clues/complaints", consumes = "*/*")
    @PreAuthorize(ClueController.CAN_REGISTER)
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<ComplaintImport.Report> importComplaintsApi(
            @RequestParam(required = false) String name,
            @org.springframework.web.bind.annotation.RequestBody byte[] body, @AuthenticationPrincipal CurrentUser user) {
        ComplaintImport.Report r = complaints.importFile(name, body, user);
        return org.springframework.http.ResponseEntity.status(r.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(r);
    }

    @PostMapping("/clues/{id}/notifications")
    @PreAuthorize(ClueController.CAN_SHARE)
    String notify(@PathVariable long id, @RequestParam String category, @RequestParam String region,
                  @RequestParam(defaultValue = "false") boolean withAssisting, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        try {
            var sent = notifications.notify(id, category, region.strip(), withAssisting, user);
            List<String> kept = notifications.keptByOwnBureau(category, region.strip(), withAssisting, user);
            flash.addFlashAttribute("message", "已通报 " + sent.size() + " 个部门" + (kept.isEmpty() ? ""
                    : "；" + String.join("、", kept) + "即本局，线索已在本局办理，未另行通报本局"));
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/clues/" + id;
    }

    @GetMapping("/clues/notifications")
    @PreAuthorize(CAN_RECEIVE)
    String incoming(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<ClueNotifications.Notification> incoming = notifications.incoming(user);
        model.addAttribute("notifications", incoming);
        model.addAttribute("senders", incoming.stream().collect(java.util.stream.Collectors.toMap(
                ClueNotifications.Notification::id, n -> directory.bureauName(n.fromAgency(),
                        new cn.wangjian.platform.identity.RegionCode(n.fromRegion())))));
        model.addAttribute("categoryNames", routing.current().categories().stream().collect(java.util.stream.Collectors
                .toMap(Routing.Category::code, Routing.Category::label, (a, b) -> a)));
        return "clue/notifications";
    }

    @PostMapping("/clues/notifications/{id}/accept")
    @PreAuthorize(CAN_RECEIVE)
    String accept(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            notifications.accept(id, user);
            flash.addFlashAttribute("message", "已接收");
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (IllegalStateException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/clues/notifications";
    }

    @PostMapping("/clues/notifications/{id}/return")
    @PreAuthorize(CAN_RECEIVE)
    String returnIt(@PathVariable long id, @RequestParam(required = false) String reason,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            notifications.returnWithReason(id, reason, user);
            flash.addFlashAttribute("message", "已退回");
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (IllegalStateException | IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/clues/notifications";
    }

    @GetMapping("/clues/routing")
    @PreAuthorize(ClueController.CAN_READ)
    String routing(Model model) {
        model.addAttribute("table", routing.current());
        model.addAttribute("versions", routing.versions());
        return "clue/routing";
    }

    @PostMapping("/clues/routing")
    @PreAuthorize("hasRole('ADMIN')")
    String saveRouting(@RequestParam String document, @RequestParam(required = false) String note,
                       @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            routing.save(document, note, user.getUsername());
            flash.addFlashAttribute("message", "新版本已生效");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/clues/routing";
    }
}
