package cn.wangjian.platform.registry;

import cn.wangjian.platform.identity.CurrentUser;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Registry API: imports (the file as the request body) and lookups. */
@RestController
@PreAuthorize(RegistryController.CAN_READ)
class RegistryApiController {

    private final Registry registry;
    private final RegistryImporter importer;
    private final CrossChecks crossChecks;

    RegistryApiController(Registry registry, RegistryImporter importer, CrossChecks crossChecks) {
        this.registry = registry;
        this.importer = importer;
        this.crossChecks = crossChecks;
    }

    /** The registry's cross-check findings; licences are judged valid or not on {@code on} (default today). */
    record CheckReport(String rulesVersion, java.time.LocalDate on, List<CrossChecks.Finding> findings) {
    }

    @GetMapping("/api/registry/checks")
    CheckReport checks(@RequestParam(required = false) java.time.LocalDate on) {
        java.time.LocalDate day = on != null ? on : crossChecks.today();
        return new CheckReport(crossChecks.version(), day, crossChecks.run(day));
    }

    /**
     * Imports a file sent as the request body. {@code mode=all} (default) writes nothing if any row is bad and
     * answers 422 with every rejected row; {@code mode=partial} writes the good rows and lists the rejected ones.
     */
    @PostMapping(value = "/api/registry/imports", consumes = "*/*")
    @PreAuthorize(RegistryController.CAN_IMPORT)
    ResponseEntity<ImportReport> importFile(@RequestParam String kind, @RequestParam(defaultValue = "all") String mode,
                                            @RequestParam(defaultValue = "auto") String encoding,
                                            @RequestParam(required = false) String name, @RequestBody byte[] body,
                                            @AuthenticationPrincipal CurrentUser user) throws IOException {
        RegistryImporter.Mode m = RegistryImporter.Mode.ofParameter(mode);
        ImportReport report = importer.importFile(ImportKind.parse(kind), name, body,
                RegistryController.charset(encoding), m, user.getUsername());
        return ResponseEntity.status(report.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }

    @GetMapping("/api/registry/enterprises/{code}")
    Registry.Enterprise enterprise(@PathVariable String code) {
        return registry.enterprise(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "没有该统一社会信用代码的主体 (no such subject): " + code));
    }

    @GetMapping("/api/registry/shops/{shopId}")
    List<Registry.Shop> shops(@PathVariable String shopId) {
        List<Registry.Shop> shops = registry.shopsWithId(shopId);
        if (shops.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该编号的店铺 (no shop with this id): " + shopId);
        }
        return shops;
    }

    @GetMapping("/api/registry/search")
    SearchResult search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String region) {
        if (q.isBlank() && (region == null || region.isBlank())) {
            throw new IllegalArgumentException("q 与 region 至少填写一项 (give q or region)");
        }
        boolean text = !q.isBlank();
        return new SearchResult(registry.searchEnterprises(q, region, 50),
                text ? registry.searchShops(q, 50) : List.of(), text ? registry.searchWebsites(q, 50) : List.of());
    }

    /** Subjects, shops and websites matching a search. */
    record SearchResult(List<Registry.Enterprise> enterprises, List<Registry.Shop> shops,
                        List<Registry.Website> websites) {
    }
}
