package cn.wangjian.platform.identity;

import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

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

    @GetMapping("/identity/users/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newUser(Model model) {
        return userForm(model, UserForm.empty());
    }

    @PostMapping("/identity/users")
    @PreAuthorize("hasRole('ADMIN')")
    String createUser(@Valid @ModelAttribute("form") UserForm form, BindingResult errors,
                      @AuthenticationPrincipal CurrentUser admin, Model model) {
        if (!errors.hasFieldErrors("regionCode") && directory.region(form.regionCode()).isEmpty()) {
            errors.rejectValue("regionCode", "unknown", "没有该行政区划代码");
        }
        String agency = form.agencyCode() == null || form.agencyCode().isBlank() ? null : form.agencyCode();
        if (agency != null && directory.agency(agency).isEmpty()) {
            errors.rejectValue("agencyCode", "unknown", "没有该部门");
        }
        if (errors.hasErrors()) {
            return userForm(model, form);
        }
        String password = GeneratedPasswords.next();
        try {
            accounts.create(new NewAccount(form.username(), form.displayName().strip(), password, agency,
                    new RegionCode(form.regionCode()), blankToNull(form.organization()), form.roles()),
                    admin.getUsername());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return userForm(model, form);
        } catch (DuplicateKeyException e) {
            errors.rejectValue("username", "duplicate", "用户名已存在");
            return userForm(model, form);
        }
        model.addAttribute("createdUser", form.username());
        model.addAttribute("createdPassword", password);
        return users(model);
    }

    /** An officer's enforcement certificate number (执法证号): without one, nobody can put them in charge of a case. */
    @PostMapping("/identity/users/{username}/certificate")
    @PreAuthorize("hasRole('ADMIN')")
    String certificate(@org.springframework.web.bind.annotation.PathVariable String username,
                       @org.springframework.web.bind.annotation.RequestParam String certificateNo,
                       @AuthenticationPrincipal CurrentUser admin, Model model) {
        try {
            accounts.setCertificate(username, certificateNo, admin.getUsername());
            model.addAttribute("info", "已登记 " + username + " 的执法证号");
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            model.addAttribute("error", e.getMessage());
        }
        return users(model);
    }

    @GetMapping("/identity/me")
    String me(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("bureau", directory.bureauName(user.agencyCode(), user.region()));
        model.addAttribute("form", PasswordForm.empty());
        return "identity/me";
    }

    @PostMapping("/identity/password")
    String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors,
                          @AuthenticationPrincipal CurrentUser user, Model model) {
        if (!errors.hasErrors() && !form.replacement().equals(form.confirmation())) {
            errors.rejectValue("confirmation", "mismatch", "两次输入的新密码不一致");
        }
        if (!errors.hasErrors() && !accounts.changePassword(user.getUsername(), form.current(), form.replacement())) {
            errors.rejectValue("current", "wrong", "当前密码不正确");
        }
        model.addAttribute("bureau", directory.bureauName(user.agencyCode(), user.region()));
        if (errors.hasErrors()) {
            return "identity/me";
        }
        model.addAttribute("form", PasswordForm.empty());
        model.addAttribute("info", "密码已修改。");
        return "identity/me";
    }

    private String userForm(Model model, UserForm form) {
        model.addAttribute("form", form);
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("roles", Role.values());
        return "identity/new";
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
