package cn.wangjian.platform.audit;

import javax.sql.DataSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The audit log for administrators, with an on-demand check of the whole chain. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLog audit;
    private final DataSource dataSource;

    private final ChainKey key;

    private final AuditActions actions;

    AuditController(AuditLog audit, DataSource dataSource, ChainKey key, AuditActions actions) {
        this.actions = actions;
        this.key = key;
        this.audit = audit;
        this.dataSource = dataSource;
    }

    @GetMapping("/audit")
    String list(Model model) {
        model.addAttribute("entries", audit.latest(200));
        model.addAttribute("names", actions);
        return "audit/list";
    }

    @PostMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("entries", audit.latest(200));
        model.addAttribute("names", actions);
        model.addAttribute("verification", new AuditVerifier(dataSource, key).verify());
        return "audit/list";
    }
}
