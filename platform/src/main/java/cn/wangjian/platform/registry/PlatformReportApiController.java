package cn.wangjian.platform.registry;

import cn.wangjian.platform.identity.CurrentUser;
import java.util.List;
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
    private final Listings listings;
    private final PlatformReportLog log;
    private final java.time.Clock clock;

    PlatformReportApiController(Registry registry, RegistryImporter importer, Listings listings,
                                PlatformReportLog log, java.time.Clock clock) {
        this.log = log;
        this.registry = registry;
        this.importer = importer;
        this.listings = listings;
        this.clock = clock;
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
        log.record(platform, report, name, user.getUsername());
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
        log.record(platform, report, name, user.getUsername());
        return ResponseEntity.status(report.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }

    /** Listings the platform removed (下架): {@code {"listings": ["id", …], "note": "…"}}, all or none. */
    public record Removals(java.util.List<String> listings, String note) {
    }

    @PostMapping(value = "/api/platform-reports/listings/removals", consumes = "application/json")
    ResponseEntity<java.util.Map<String, Object>> reportRemovals(@RequestBody Removals body,
                                                                 @AuthenticationPrincipal CurrentUser user) {
        String platform = platformOf(user);
        if (body == null || body.listings() == null || body.listings().isEmpty() || body.listings().size() > 10_000
                || body.listings().stream().anyMatch(id -> id == null || id.isBlank() || id.length() > 200)) {
            return ResponseEntity.badRequest().body(java.util.Map.of("error",
                    "字段 listings：请给出 1 至 10000 个商品编号 (1 to 10,000 listing ids)"));
        }
        String note = body.note() == null ? null : body.note().strip();
        if (note != null && note.length() > 1000) {
            return ResponseEntity.badRequest().body(java.util.Map.of("error", "字段 note：不超过 1000 字 (note too long)"));
        }
        try {
            int removed = listings.remove(platform, body.listings().stream().map(String::strip).toList(), note,
                    clock.instant(), user.getUsername());
            log.record(platform, "商品下架", null, body.listings().size(), removed, List.of(), true, user.getUsername());
            return ResponseEntity.ok(java.util.Map.of("removed", removed, "reported", body.listings().size()));
        } catch (Listings.UnknownListings e) {
            log.record(platform, "商品下架", null, body.listings().size(), 0, e.ids().stream()
                    .map(id -> "未报送过的商品 " + id).toList(), false, user.getUsername());
            return ResponseEntity.badRequest().body(java.util.Map.of("error", e.getMessage(), "unknown", e.ids()));
        }
    }

    private String platformOf(CurrentUser user) {
        return registry.platformOf(user.organization()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.FORBIDDEN, "您所属的机构“" + user.organization() + "”不是已登记的电子商务平台"
                + " (your organisation is not a registered platform)"));
    }
}
