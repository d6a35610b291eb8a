package cn.wangjian.platform.credit;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.identity.CurrentUser;
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

/** 信用监管: the credit file per subject, listing proposals to decide, credit repair. Agency users only. */
@Controller
@PreAuthorize(CreditController.OFFICIALS)
class CreditController {

    /** Officials of the agencies (not platform compliance users). */
    static final String OFFICIALS = "hasAnyRole('CREDIT_OFFICER','CASE_OFFICER','MONITORING_OFFICER','CAMPAIGN_COORDINATOR',"
            + "'AGENCY_LIAISON','ADMIN')";

    private final CreditFiles files;
    private final CreditLists lists;
    private final CreditRepairs repairs;

    CreditController(CreditFiles files, CreditLists lists, CreditRepairs repairs) {
        this.files = files;
        this.lists = lists;
        this.repairs = repairs;
    }

    @GetMapping("/credit")
    String home(@RequestParam(required = false) String code, @AuthenticationPrincipal CurrentUser user, Model model,
                RedirectAttributes flash) {
        if (code != null && !code.isBlank()) {
            if (!UnifiedSocialCreditCode.isValid(code.strip())) {
                model.addAttribute("error", "统一社会信用代码 " + code.strip() + " 校验位不符或格式错误");
            } else {
                return "redirect:/credit/" + code.strip().toUpperCase(java.util.Locale.ROOT);
            }
        }
        model.addAttribute("proposals", lists.proposals(user));
        model.addAttribute("repairs", repairs.open(user.dataScope()));
        model.addAttribute("kinds", ListKind.values());
        model.addAttribute("measures", Measures.all());
        return "credit/home";
    }

    @GetMapping("/credit/{code}")
    String file(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("f", files.of(code, user));
        model.addAttribute("kinds", ListKind.values());
        return "credit/file";
    }

    @PostMapping("/credit/lists/propose")
    @PreAuthorize("hasAnyRole('CASE_OFFICER','ADMIN')")
    String propose(@RequestParam long caseId, @RequestParam ListKind kind, @RequestParam String reason,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            CreditLists.Entry e = lists.propose(caseId, kind, reason, user);
            flash.addFlashAttribute("message", "已提请列入" + kind.label() + "，待信用管理部门审批");
            return "redirect:/credit/" + e.creditCode();
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (CreditRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/casework/" + caseId;
        }
    }

    @PostMapping("/credit/lists/{id}/decide")
    @PreAuthorize("hasAnyRole('CREDIT_OFFICER','ADMIN')")
    String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String note,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(flash, () -> {
            CreditLists.Entry e = lists.decide(id, approve, note, user);
            return approve ? "已列入" + e.kind().label() + "，已推送联合惩戒部门" : "已决定不予列入";
        });
    }

    @PostMapping("/credit/lists/{id}/repairs")
    @PreAuthorize("hasAnyRole('CREDIT_OFFICER','ADMIN')")
    String applyRepair(@PathVariable long id, @RequestParam String applicant, @RequestParam(required = false) String commitment,
                       @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(flash, () -> "已登记信用修复申请，应于 " + repairs.apply(id, applicant, commitment, user).dueOn()
                + " 前作出决定");
    }

    @PostMapping("/credit/repairs/{id}/decide")
    @PreAuthorize("hasAnyRole('CREDIT_OFFICER','ADMIN')")
    String decideRepair(@PathVariable long id, @RequestParam boolean grant, @RequestParam(required = false) String reason,
                        @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        return act(flash, () -> {
            repairs.decide(id, grant, reason, user);
            return grant ? "准予信用修复，已移出名单并推送" : "不予信用修复";
        });
    }

    /** Takes a step and goes back to the credit page with its message, or with the refusal; unknown ids are 404. */
    private static String act(RedirectAttributes flash, java.util.function.Supplier<String> step) {
        try {
            flash.addFlashAttribute("message", step.get());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (CreditRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/credit";
    }
}
