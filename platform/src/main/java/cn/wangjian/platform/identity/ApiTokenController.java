package cn.wangjian.platform.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API tokens: every user issues and revokes their own; administrators also for other accounts (system accounts).
 * The token is shown once, on the page (or in the response) that issues it. Token management needs a session: a
 * request authenticated by a token cannot issue or revoke tokens.
 */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/identity/tokens")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(user, model, TokenForm.empty());
    }

    @PostMapping("/identity/tokens")
    String issue(@ModelAttribute("form") TokenForm form, @AuthenticationPrincipal CurrentUser user, Model model) {
        String owner = form.username() == null || form.username().isBlank() ? user.getUsername() : form.username().strip();
        try {
            ApiToken.Issued issued = tokens.issue(owner, form.name(), set(form.roles(), Role.class),
                    set(form.areas(), ApiArea.class), form.days() == null ? 0 : form.days(), user);
            model.addAttribute("issued", issued);
            return page(user, model, TokenForm.empty());
        } catch (TokenRefusedException e) {
            model.addAttribute("error", e.getMessage());
            return page(user, model, form);
        }
    }

    @PostMapping("/identity/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            ApiToken t = tokens.revoke(id, user);
            flash.addFlashAttribute("message", "已吊销令牌 " + t.prefix() + "…（" + t.name() + "）");
        } catch (TokenRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/identity/tokens";
    }

    private String page(CurrentUser user, Model model, TokenForm form) {
        model.addAttribute("tokens", tokens.visibleTo(user));
        model.addAttribute("now", clock.instant());
        model.addAttribute("form", form);
        model.addAttribute("roles", user.hasRole(Role.ADMIN) ? List.of(Role.values()) : List.copyOf(user.roles()));
        model.addAttribute("apiAreas", ApiArea.values());
        model.addAttribute("admin", user.hasRole(Role.ADMIN));
        model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
        return "identity/tokens";
    }

    record IssueRequest(String username, String name, List<Role> roles, List<ApiArea> areas, Integer days) {
    }

    @PostMapping(value = "/api/identity/tokens", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> issueApi(@RequestBody IssueRequest body, @AuthenticationPrincipal CurrentUser user) {
        if (ApiTokenAuthentication.current()) {
            return refuse(HttpStatus.FORBIDDEN, "令牌不能签发令牌：请登录后签发 (tokens cannot issue tokens)");
        }
        String owner = body.username() == null || body.username().isBlank() ? user.getUsername() : body.username().strip();
        try {
            ApiToken.Issued issued = tokens.issue(owner, body.name(), set(body.roles(), Role.class),
                    set(body.areas(), ApiArea.class), body.days() == null ? 0 : body.days(), user);
            Map<String, Object> out = view(issued.token());
            out.put("token", issued.secret());
            return ResponseEntity.status(HttpStatus.CREATED).body(out);
        } catch (TokenRefusedException e) {
            return refuse(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
    }

    @GetMapping(value = "/api/identity/tokens", produces = "application/json")
    @ResponseBody
    List<Map<String, Object>> listApi(@AuthenticationPrincipal CurrentUser user) {
        return tokens.visibleTo(user).stream().map(this::view).toList();
    }

    @DeleteMapping(value = "/api/identity/tokens/{id}", produces = "application/json")
    @ResponseBody
    ResponseEntity<?> revokeApi(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        if (ApiTokenAuthentication.current()) {
            return refuse(HttpStatus.FORBIDDEN, "令牌不能吊销令牌：请登录后操作 (tokens cannot revoke tokens)");
        }
        try {
            return ResponseEntity.ok(view(tokens.revoke(id, user)));
        } catch (TokenRefusedException e) {
            return refuse(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
    }

    private Map<String, Object> view(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("owner", t.owner());
        m.put("name", t.name());
        m.put("prefix", t.prefix());
        m.put("roles", t.roles().stream().map(Enum::name).toList());
        m.put("areas", t.areas().stream().map(Enum::name).toList());
        m.put("createdAt", t.createdAt());
        m.put("createdBy", t.createdBy());
        m.put("expiresAt", t.expiresAt());
        m.put("revokedAt", t.revokedAt());
        m.put("lastUsedAt", t.lastUsedAt());
        m.put("state", t.state(clock.instant()).name());
        return m;
    }

    private static ResponseEntity<ProblemDetail> refuse(HttpStatus status, String message) {
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setTitle(status == HttpStatus.FORBIDDEN ? "无权操作" : "无法签发或吊销");
        pd.setDetail(message);
        pd.setProperty("title_en", status == HttpStatus.FORBIDDEN ? "Forbidden" : "Refused");
        pd.setProperty("detail_en", message);
        return ResponseEntity.status(status).body(pd);
    }

    private static <E extends Enum<E>> Set<E> set(List<E> values, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (values != null) {
            for (E v : values) {
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
