package cn.wangjian.platform.registry;

import cn.wangjian.platform.identity.CurrentUser;
import java.io.IOException;
import java.nio.charset.Charset;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Registry pages: search, a subject's page, and file imports. */
@Controller
@PreAuthorize(RegistryController.CAN_READ)
class RegistryController {

    static final String CAN_READ = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','CREDIT_OFFICER',"
            + "'CAMPAIGN_COORDINATOR','AGENCY_LIAISON','ADMIN')";
    static final String CAN_IMPORT = "hasAnyRole('MONITORING_OFFICER','CREDIT_OFFICER','ADMIN')";

    private final Registry registry;
    private final RegistryImporter importer;
    private final CrossChecks crossChecks;

    private final cn.wangjian.platform.identity.Directory directory;

    RegistryController(Registry registry, RegistryImporter importer, CrossChecks crossChecks,
                       cn.wangjian.platform.identity.Directory directory) {
        this.directory = directory;
        this.registry = registry;
        this.importer = importer;
        this.crossChecks = crossChecks;
    }

    @GetMapping("/registry/checks")
    String checks(@RequestParam(required = false) java.time.LocalDate on, Model model) {
        java.time.LocalDate day = on != null ? on : crossChecks.today();
        model.addAttribute("on", day);
        model.addAttribute("version", crossChecks.version());
        model.addAttribute("findings", crossChecks.run(day));
        return "registry/checks";
    }

    @GetMapping("/registry")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
                  Model model) {
        model.addAttribute("counts", registry.counts());
        model.addAttribute("regionChoices", regionChoices());
        boolean byRegion = region != null && !region.isBlank();
        if ((q != null && !q.isBlank()) || byRegion) {
            model.addAttribute("q", q == null ? "" : q);
            model.addAttribute("region", region);
            try {
                model.addAttribute("enterprises", registry.searchEnterprises(q, region, 50));
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
                model.addAttribute("enterprises", java.util.List.of());
            }
            boolean text = q != null && !q.isBlank();
            model.addAttribute("shops", text ? registry.searchShops(q, 50) : java.util.List.of());
            model.addAttribute("websites", text ? registry.searchWebsites(q, 50) : java.util.List.of());
        }
        return "registry/search";
    }

    /** The region filter's choices by name: every province and its cities (a city's districts are within it). */
    private java.util.List<cn.wangjian.platform.identity.Region> regionChoices() {
        return directory.withDescendants(new cn.wangjian.platform.identity.RegionCode("000000"), 2).stream().skip(1)
                .toList();
    }

    @GetMapping("/registry/enterprises/{code}")
    String enterprise(@PathVariable String code, Model model) {
        var e = registry.enterprise(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("enterprise", e);
        model.addAttribute("shops", registry.shopsOf(e.creditCode()));
        model.addAttribute("websites", registry.websitesOf(e.creditCode()));
        model.addAttribute("licences", registry.licencesOf(e.creditCode()));
        return "registry/enterprise";
    }

    @GetMapping("/registry/imports")
    @PreAuthorize(CAN_IMPORT)
    String importForm(Model model) {
        model.addAttribute("kinds", ImportKind.values());
        return "registry/import";
    }

    @PostMapping("/registry/imports")
    @PreAuthorize(CAN_IMPORT)
    String importFile(@RequestParam String kind, @RequestParam(defaultValue = "ALL_OR_NOTHING") String mode,
                      @RequestParam(defaultValue = "auto") String encoding, @RequestParam MultipartFile file,
                      @AuthenticationPrincipal CurrentUser user, Model model) throws IOException {
        model.addAttribute("kinds", ImportKind.values());
        try {
            ImportReport report = importer.importFile(ImportKind.parse(kind), file.getOriginalFilename(),
                    file.getBytes(), charset(encoding), RegistryImporter.Mode.valueOf(mode), user.getUsername());
            model.addAttribute("report", report);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "registry/import";
    }

    static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("auto")) {
            return null;
        }
        return cn.wangjian.engine.registry.TextEncoding.allowed(encoding);
    }
}
