package cn.wangjian.platform.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IdentityApiController {

    private final Directory directory;

    IdentityApiController(Directory directory) {
        this.directory = directory;
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
