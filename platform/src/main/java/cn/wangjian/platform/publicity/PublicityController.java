package cn.wangjian.platform.publicity;

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

/** The credit officer's publication worklist (信息公示): what is due, due within 2 working days, overdue. */
@Controller
@PreAuthorize("hasAnyRole('CREDIT_OFFICER','CASE_OFFICER','ADMIN')")
class PublicityController {

    private final Publications publications;

    PublicityController(Publications publications) {
        this.publications = publications;
    }

    @GetMapping("/publicity")
    String worklist(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("open", publications.worklist(user.dataScope(), 200));
        model.addAttribute("recent", publications.list(user.dataScope(), 50));
        model.addAttribute("today", publications.today());
        model.addAttribute("soon", publications.soon());
        return "publicity/worklist";
    }

    @GetMapping("/publicity/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        try {
            model.addAttribute("p", publications.preview(id, user.dataScope()));
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("events", publications.events(id));
        model.addAttribute("today", publications.today());
        return "publicity/show";
    }

    @PostMapping("/publicity/{id}/publish")
    @PreAuthorize("hasAnyRole('CREDIT_OFFICER','ADMIN')")
    String publish(@PathVariable long id, @RequestParam String party, @RequestParam String facts,
                   @RequestParam String content, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            publications.publish(id, party, facts, content, user);
            flash.addFlashAttribute("message", "已公示");
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (PublicationRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/publicity/" + id;
    }

    @PostMapping("/publicity/{id}/push")
    @PreAuthorize("hasAnyRole('CREDIT_OFFICER','ADMIN')")
    String push(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            publications.push(id, user);
            flash.addFlashAttribute("message", "已推送当事人登记地");
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (PublicationRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/publicity";
    }
}
