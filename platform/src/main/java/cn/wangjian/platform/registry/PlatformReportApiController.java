package cn.wangjian.platform.registry;

import cn.wangjian.platform.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Platform data reporting (平台报送): a platform's compliance users send their shops and listings in bulk (CSV or JSON Lines as
 * the request body). The platform is the one the user's organisation is; rows for other platforms are rejected.
 */
@RestController
@PreAuthorize("hasRole('PLATFORM_COMPLIANCE')")
class PlatformReportApiController {

    private final Registry registry;
    private final RegistryImporter importer;

    PlatformReportApiController(Registry registry, RegistryImporter importer) {
        this.registry = registry;
        this.importer = importer;
    }

    @PostMapping(value = "/api/platform-reports/shops", consumes = "*/*")
    ResponseEntity<ImportReport> reportShops(@RequestParam(defaultValue = "all") String mode,
                                             @RequestParam(defaultValue = "auto") String encoding,
                                             @RequestParam(required = false) String name, @RequestBody byte[] body,
                                             @AuthenticationPrincipal CurrentUser user) {
        String platform = platformOf(user);
        RegistryImporter.Mode m = RegistryImporter.Mode.ofParameter(mode);
        ImportReport report = importer.reportShops(platform, name, body, RegistryController.charset(encoding), m,
                user.getUsername());
        return ResponseEntity.status(report.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }

    /** The platform's listings (商品信息): JSON Lines or CSV, idempotent by (platform, listing id). */
    @PostMapping(value = "/api/platform-reports/listings", consumes = "*/*")
    ResponseEntity<ImportReport> reportListings(@RequestParam(defaultValue = "all") String mode,
                                                @RequestParam(defaultValue = "auto") String encoding,
                                                @RequestParam(required = false) String name, @RequestBody byte[] body,
                                                @AuthenticationPrincipal CurrentUser user) {
        String platform = platformOf(user);
        ImportReport report = importer.reportListings(platform, name, body, RegistryController.charset(encoding),
                RegistryImporter.Mode.ofParameter(mode), user.getUsername());
        return ResponseEntity.status(report.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }

    private String platformOf(CurrentUser user) {
        return registry.platformOf(user.organization()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.FORBIDDEN, "您所属的机构“" + user.organization() + "”不是已登记的电子商务平台"
                + " (your organisation is not a registered platform)"));
    }
}
