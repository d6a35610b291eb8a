package cn.wangjian.platform.identity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class IdentityController {

    private final UserAccounts accounts;
    private final Directory directory;

    IdentityController(UserAccounts accounts, Directory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping("/identity/users")
    @PreAuthorize("hasRole('ADMIN')")
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("agencies", directory.agencies());
        return "identity/users";
    }

    @GetMapping("/identity/me")
    String me(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("bureau", directory.bureauName(user.agencyCode(), user.region()));
        return "identity/me";
    }
}
