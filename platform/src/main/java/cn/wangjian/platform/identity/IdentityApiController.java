package cn.wangjian.platform.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IdentityApiController {

    private final Directory directory;
    private final UserAccounts accounts;

    IdentityApiController(Directory directory, UserAccounts accounts) {
        this.directory = directory;
        this.accounts = accounts;
    }

    record Certificate(String certificateNo) {
    }

    /** An officer's enforcement certificate number, printed on case documents (administrators). */
    @org.springframework.web.bind.annotation.PutMapping("/api/identity/users/{username}/certificate")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    org.springframework.http.ResponseEntity<Void> certificate(
            @org.springframework.web.bind.annotation.PathVariable String username,
            @org.springframework.web.bind.annotation.RequestBody Certificate body, @AuthenticationPrincipal CurrentUser user) {
        try {
            accounts.setCertificate(username, body.certificateNo(), user.getUsername());
        } catch (java.util.NoSuchElementException e) {
            return org.springframework.http.ResponseEntity.notFound().build();
        }
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    /** Who is logged in, their bureau, roles and data scope. */
    @GetMapping(value = "/api/me", produces = "application/json")
    Map<String, Object> apiMe(@AuthenticationPrincipal CurrentUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.getUsername());
        body.put("displayName", user.displayName());
        body.put("agency", user.agencyCode());
        body.put("region", user.region().value());
        body.put("bureau", directory.bureauName(user.agencyCode(), user.region()));
        body.put("organization", user.organization());
        body.put("roles", user.roles().stream().map(Enum::name).sorted().toList());
        DataScope scope = user.dataScope();
        body.put("scope", scope.global() ? "global" : scope.agencyCode() == null ? "none"
                : scope.agencyCode() + ":" + scope.region().subtreePrefix() + "*");
        return body;
    }
}
