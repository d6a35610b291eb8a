package cn.wangjian.platform.casework;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import java.time.LocalDate;
import java.util.Map;
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

/**
 * Case pages: the officer's cases with their deadlines (overdue and approaching highlighted), a case with its
 * timeline and the steps its stage allows. A case outside the reader's scope is 404 and the attempt is audited.
 */
@Controller
@PreAuthorize(CaseworkController.CAN_READ + " or hasRole('AGENCY_LIAISON')")
class CaseworkController {

    /** The steps that are someone's pending approval or review (optional acts such as an extension are not). */
    private static final java.util.Set<String> AWAITING_APPROVAL = java.util.Set.of("file", "decline",
            "approve-transfer", "reject-transfer", "decide", "legal-review");

    static final String CAN_READ = "hasAnyRole('CASE_OFFICER','BUREAU_HEAD','LEGAL_REVIEWER','MONITORING_OFFICER',"
            + "'CAMPAIGN_COORDINATOR','ADMIN')";
    /** Who may post a step at all; which step is whose is decided per case by {@link CaseFiles#mayTake}. */
    static final String CAN_ACT = "hasAnyRole('CASE_OFFICER','BUREAU_HEAD','LEGAL_REVIEWER')";

    private final CaseFiles cases;
    private final AuditLog audit;
    private final CaseDocuments documents;
    private final Assistance assistance;

    private final cn.wangjian.platform.identity.UserAccounts accounts;
    private final cn.wangjian.platform.identity.Directory directory;
    private final Authorities authorities;

    CaseworkController(CaseFiles cases, AuditLog audit, CaseDocuments documents, Assistance assistance,
                       cn.wangjian.platform.identity.UserAccounts accounts,
                       cn.wangjian.platform.identity.Directory directory, Authorities authorities) {
        this.authorities = authorities;
        this.accounts = accounts;
        this.directory = directory;
        this.cases = cases;
        this.audit = audit;
        this.documents = documents;
        this.assistance = assistance;
    }

    @PostMapping("/casework/{id}/assistance")
    @PreAuthorize(CAN_ACT)
    String ask(@PathVariable long id, @RequestParam String toAgency, @RequestParam String toRegion,
               @RequestParam String request, @RequestParam(defaultValue = "15") int workingDays,
               @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            Assistance.Request r = assistance.ask(id, toAgency, toRegion.strip(), request, workingDays, user);
            flash.addFlashAttribute("message", "已发起协查，回复期限 " + r.dueOn());
        } catch (NoSuchElementException e) {
            throw refused(id, user);
        } catch (CaseRuleException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/casework/" + id;
    }

    @GetMapping("/casework/assistance")
    @PreAuthorize("hasAnyRole('CASE_OFFICER','AGENCY_LIAISON','ADMIN')")
    String incomingAssistance(@AuthenticationPrincipal CurrentUser user, Model model) {
        java.util.List<Assistance.Request> requests = assistance.incoming(user);
        model.addAttribute("requests", requests);
        model.addAttribute("bureauNames", bureauNames(requests, true));
        model.addAttribute("today", cases.today());
        return "casework/assistance";
    }

    @PostMapping("/casework/assistance/{rid}/answer")
    @PreAuthorize("hasAnyRole('CASE_OFFICER','AGENCY_LIAISON','ADMIN')")
    String answer(@PathVariable long rid, @RequestParam(defaultValue = "false") boolean decline,
                  @RequestParam(required = false) String response, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        try {
            assistance.answer(rid, decline, response, user);
            flash.addFlashAttribute("message", decline ? "已拒绝" : "已回复");
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (CaseRuleException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/casework/assistance";
    }

    /** The prior notice or the decision as PDF, once the case has reached it. */
    @GetMapping("/casework/{id}/documents/{kind:notice|decision}.pdf")
    @PreAuthorize(CAN_READ)
    org.springframework.http.ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String kind,
                                                            @AuthenticationPrincipal CurrentUser user) {
        CaseFiles.CaseView c = cases.find(id, user.dataScope()).orElseThrow(() -> refused(id, user));
        byte[] pdf;
        String number;
        if (kind.equals("decision")) {
            if (!(c.stage() instanceof CaseStage.WithDecision d)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "尚未作出处罚决定 (no decision yet)");
            }
            // the decision as fixed when it was made; decisions from before documents were fixed are rebuilt
            java.util.Optional<CaseFiles.FixedDocument> fixed = cases.fixedDocument(id, "decision");
            pdf = fixed.map(CaseFiles.FixedDocument::content).orElseGet(() -> documents.decision(c, d));
            number = d.decision().decisionNo();
        } else {
            if (!(c.stage() instanceof CaseStage.Noticed n)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "尚未送达告知书 (no notice yet)");
            }
            pdf = documents.notice(c, n);
            number = n.notice().noticeNo();
        }
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_PDF);
        headers.setContentDisposition(org.springframework.http.ContentDisposition.inline()
                .filename(number + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build());
        return new org.springframework.http.ResponseEntity<>(pdf, headers, HttpStatus.OK);
    }

    @GetMapping("/casework")
    @PreAuthorize(CAN_READ)
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean mine,
                Model model) {
        java.util.List<CaseFiles.CaseView> list = cases.list(user.dataScope(), 500);
        if (mine) {
            // my cases: those I am an officer of or opened and not yet filed, and those awaiting my approval or review
            Map<Long, String> opened = cases.openedBy(list.stream().filter(c -> !(c.stage() instanceof CaseStage.Filed))
                    .map(CaseFiles.CaseView::id).toList());
            list = list.stream().filter(c -> (c.stage() instanceof CaseStage.Filed f
                    ? f.filing().hasOfficer(user.getUsername())
                    : user.getUsername().equals(opened.get(c.id())))
                    || c.steps().stream().anyMatch(step -> AWAITING_APPROVAL.contains(step)
                    && CaseFiles.mayTake(c, step, user))).toList();
        }
        model.addAttribute("cases", list);
        model.addAttribute("mine", mine);
        model.addAttribute("today", cases.today());
        return "casework/list";
    }

    @PostMapping("/casework")
    @PreAuthorize(CAN_ACT)
    String open(@RequestParam long clueId, @RequestParam(required = false) LocalDate receivedOn,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            CaseFiles.CaseView c = cases.open(clueId, receivedOn == null ? cases.today() : receivedOn, user);
            return "redirect:/casework/" + c.id();
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (CaseRuleException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return cases.caseOfClue(clueId).map(id -> "redirect:/casework/" + id).orElse("redirect:/clues/" + clueId);
        }
    }

    @GetMapping("/casework/{id}")
    @PreAuthorize(CAN_READ)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseFiles.CaseView c = cases.find(id, user.dataScope()).orElseThrow(() -> refused(id, user));
        model.addAttribute("c", c);
        model.addAttribute("events", cases.events(id));
        model.addAttribute("assistance", assistance.ofCase(id));
        model.addAttribute("today", cases.today());
        model.addAttribute("violationTypes", ViolationTypes.all());
        model.addAttribute("penaltyKinds", PenaltyKind.values());
        model.addAttribute("partyKinds", PartyKind.values());
        java.util.List<String> mine = c.steps().stream().filter(step -> CaseFiles.mayTake(c, step, user)).sorted().toList();
        model.addAttribute("mySteps", mine);
        // what the stage waits for from others: the step's name and whose duty it is
        model.addAttribute("waiting", c.steps().stream().filter(step -> !mine.contains(step)).sorted()
                .map(step -> CaseSteps.label(step) + "（" + CaseFiles.Duty.of(step).label + "）").toList());
        if (c.steps().contains("file")) {
            model.addAttribute("bureauOfficers", accounts.certifiedOfficers(c.agencyCode(),
                    new cn.wangjian.platform.identity.RegionCode(c.regionCode())));
        }
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("bureauNames", bureauNames(assistance.ofCase(id), false));
        model.addAttribute("assistRegions", assistRegions(user));
        return "casework/show";
    }

    @PostMapping("/casework/{id}/steps/{step}")
    @PreAuthorize(CAN_ACT)
    String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> form,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            CaseFiles.CaseView c = cases.step(id, step, form, user);
            flash.addFlashAttribute("message", "已完成：" + c.stageLabel());
        } catch (NoSuchElementException e) {
            throw refused(id, user);
        } catch (CaseRuleException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/casework/" + id;
    }

    @PostMapping("/casework/{id}/typical")
    @PreAuthorize(CAN_ACT)
    String typical(@PathVariable long id, @RequestParam boolean typical, @AuthenticationPrincipal CurrentUser user,
                   RedirectAttributes flash) {
        try {
            cases.markTypical(id, typical, user);
        } catch (NoSuchElementException e) {
            throw refused(id, user);
        } catch (CaseRuleException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/casework/" + id;
    }

    /**
     * Where an assistance request may go, by name: the user's province with its cities and districts (a neighbouring
     * district's bureau is the usual case), then the other provinces and 全国.
     */
    private java.util.List<cn.wangjian.platform.identity.Region> assistRegions(CurrentUser user) {
        java.util.Map<String, cn.wangjian.platform.identity.Region> out = new java.util.LinkedHashMap<>();
        var province = new cn.wangjian.platform.identity.RegionCode(user.region().value().substring(0, 2) + "0000");
        directory.withDescendants(province, 2).forEach(r -> out.putIfAbsent(r.code().value(), r));
        var country = directory.withDescendants(new cn.wangjian.platform.identity.RegionCode("000000"), 1);
        country.stream().skip(1).forEach(r -> out.putIfAbsent(r.code().value(), r));
        out.putIfAbsent("000000", country.get(0));
        return java.util.List.copyOf(out.values());
    }

    /** Each request's other bureau by its name (北京市东城区市场监督管理局), by request id: the sender or the addressee. */
    private java.util.Map<Long, String> bureauNames(java.util.List<Assistance.Request> requests, boolean sender) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        for (Assistance.Request r : requests) {
            out.put(r.id(), sender ? authorities.name(r.fromAgency(), r.fromRegion())
                    : authorities.name(r.toAgency(), r.toRegion()));
        }
        return out;
    }

    private ResponseStatusException refused(long id, CurrentUser user) {
        audit.record(user.getUsername(), "case.access-refused", "case", Long.toString(id), null,
                Map.of("agency", String.valueOf(user.agencyCode()), "region", user.region().value()));
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
