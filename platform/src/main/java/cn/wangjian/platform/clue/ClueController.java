package cn.wangjian.platform.clue;

import java.util.List;

import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Clue pages. A clue outside the reader's scope is answered with 404, as if it did not exist. */
@Controller
@RequestMapping("/clues")
@PreAuthorize(ClueController.CAN_READ)
class ClueController {

    static final String CAN_READ = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','CREDIT_OFFICER',"
            + "'CAMPAIGN_COORDINATOR','AGENCY_LIAISON','ADMIN')";
    static final String CAN_REGISTER = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','AGENCY_LIAISON','ADMIN')";
    static final String CAN_SHARE = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','ADMIN')";

    private final ClueRegister clues;
    private final Directory directory;
    private final ClueNotifications notifications;
    private final Routing routing;

    private final ComplaintImport complaints;
    private final PublicComplaints filed;
    private final java.time.Clock clock;

    ClueController(ClueRegister clues, Directory directory, ClueNotifications notifications, Routing routing,
                   ComplaintImport complaints, PublicComplaints filed, java.time.Clock clock) {
        this.complaints = complaints;
        this.filed = filed;
        this.clock = clock;
        this.clues = clues;
        this.directory = directory;
        this.notifications = notifications;
        this.routing = routing;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user,
                @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean mine, Model model) {
        java.util.List<Clue> list = clues.list(user.dataScope(), mine ? 1000 : 200);
        if (mine) {
            // my clues: registered by me, or routed to my bureau and accepted by me
            java.util.Set<Long> accepted = new java.util.HashSet<>();
            notifications.incoming(user).stream().filter(n -> user.getUsername().equals(n.decidedBy())
                    && n.status().equals("ACCEPTED")).forEach(n -> accepted.add(n.clueId()));
            list = list.stream().filter(c -> c.createdBy().equals(user.getUsername()) || accepted.contains(c.id()))
                    .limit(200).toList();
        }
        model.addAttribute("clues", list);
        model.addAttribute("respondBy", filed.respondBy(list.stream().map(Clue::id).toList()));
        model.addAttribute("today", java.time.LocalDate.now(clock.withZone(PublicComplaints.CHINA)));
        model.addAttribute("mine", mine);
        return "clue/list";
    }

    @GetMapping("/new")
    @PreAuthorize(CAN_REGISTER)
    String form(Model model) {
        model.addAttribute("clue", new NewClue("", ClueSource.MONITORING, "", "", ""));
        model.addAttribute("sources", ClueSource.values());
        return "clue/new";
    }

    @PostMapping
    @PreAuthorize(CAN_REGISTER)
    String register(@Valid @ModelAttribute("clue") NewClue clue, BindingResult errors,
                    @AuthenticationPrincipal CurrentUser user, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("sources", ClueSource.values());
            return "clue/new";
        }
        Clue created = clues.register(clue, user);
        return "redirect:/clues/" + created.id();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Clue clue = clues.find(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("clue", clue);
        model.addAttribute("owner", directory.bureauName(clue.agencyCode(), new RegionCode(clue.regionCode())));
        model.addAttribute("shares", clues.shares(id).stream()
                .map(s -> new ShareLine(directory.bureauName(s.agencyCode(), new RegionCode(s.regionCode())),
                        s.sharedBy(), s.sharedAt()))
                .toList());
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("agencyNames", directory.agencyShortNames());
        model.addAttribute("regionChoices", regionChoices(user, clue.regionCode()));
        model.addAttribute("evidence", clues.evidence(id));
        List<ClueNotifications.Notification> sent = notifications.ofClue(id);
        model.addAttribute("notifications", sent);
        model.addAttribute("notifiedBureaus", sent.stream().collect(java.util.stream.Collectors.toMap(
                ClueNotifications.Notification::id, n -> directory.bureauName(n.toAgency(), new RegionCode(n.toRegion())))));
        model.addAttribute("categoryNames", routing.current().categories().stream().collect(java.util.stream.Collectors
                .toMap(Routing.Category::code, Routing.Category::label, (a, b) -> a)));
        model.addAttribute("routing", routing.current());
        model.addAttribute("complainant", complaints.complainant(clue, user).orElse(null));
        model.addAttribute("respondBy", filed.respondBy(java.util.List.of(id)).get(id));
        model.addAttribute("attachments", filed.attachments(id));
        model.addAttribute("related", clues.related(id).stream()
                .filter(r -> clues.find(r, user.dataScope()).isPresent()).toList());
        model.addAttribute("canShare", user.hasAnyRole(cn.wangjian.platform.identity.Role.MONITORING_OFFICER,
                cn.wangjian.platform.identity.Role.CASE_OFFICER, cn.wangjian.platform.identity.Role.ADMIN));
        return "clue/show";
    }

    /**
     * The regions a clue may be sent, shared or handed over to, by name: the clue's region, the user's own region and
     * the regions under it, then every province (and 全国).
     */
    private java.util.List<cn.wangjian.platform.identity.Region> regionChoices(CurrentUser user, String clueRegion) {
        java.util.Map<String, cn.wangjian.platform.identity.Region> out = new java.util.LinkedHashMap<>();
        java.util.function.Consumer<cn.wangjian.platform.identity.Region> add = r -> out.putIfAbsent(r.code().value(), r);
        directory.region(clueRegion).ifPresent(add);
        directory.withDescendants(user.region(), 1).forEach(add);
        directory.withDescendants(new RegionCode("000000"), 1).stream().skip(1).forEach(add);
        directory.region("000000").ifPresent(add);
        return java.util.List.copyOf(out.values());
    }

    /** A line of the clue's share table: the bureau by name, who shared it and when. */
    public record ShareLine(String bureau, String sharedBy, java.time.Instant sharedAt) {
    }

    @PostMapping("/{id}/shares")
    @PreAuthorize(CAN_SHARE)
    String share(@PathVariable long id, @Valid @ModelAttribute ShareRequest request, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("shareError", errors.getAllErrors().get(0).getDefaultMessage());
            return "redirect:/clues/" + id;
        }
        try {
            clues.share(id, request, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("info", "已共享。");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("shareError", e.getMessage());
        }
        return "redirect:/clues/" + id;
    }

    /** An attachment of a complaint filed on the public form, within the clue's scope; never rendered inline. */
    @GetMapping("/{id}/attachments/{seq}")
    org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int seq,
                                                               @AuthenticationPrincipal CurrentUser user) {
        clues.find(id, user.dataScope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var info = filed.attachments(id).stream().filter(a -> a.seq() == seq).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(info.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment")
                .header("X-Content-Type-Options", "nosniff")
                .body(filed.attachment(id, seq).orElseThrow());
    }
}
