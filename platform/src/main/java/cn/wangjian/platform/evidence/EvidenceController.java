package cn.wangjian.platform.evidence;

import cn.wangjian.platform.identity.CurrentUser;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evidence pages and API. Captured bytes are hostile: they are only ever downloaded as attachments (never rendered
 * as a page of wangjian); the extracted text is shown escaped; the screenshot is a PNG.
 */
@Controller
@PreAuthorize(EvidenceController.CAN_READ)
class EvidenceController {

    static final String CAN_READ = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','CREDIT_OFFICER',"
            + "'CAMPAIGN_COORDINATOR','AGENCY_LIAISON','ADMIN')";
    static final String CAN_CAPTURE = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','ADMIN')";

    private final Evidence evidence;
    private final Capturer capturer;
    private final EvidencePackages packages;
    private final EvidenceTransfers transfers;

    EvidenceController(Evidence evidence, Capturer capturer, EvidencePackages packages, EvidenceTransfers transfers) {
        this.evidence = evidence;
        this.capturer = capturer;
        this.packages = packages;
        this.transfers = transfers;
    }

    static final String CAN_TRANSFER = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','AGENCY_LIAISON','ADMIN')";

    @PostMapping("/evidence/transfers")
    @PreAuthorize(CAN_TRANSFER)
    String transfer(@RequestParam("seq") java.util.List<Long> seqs, @RequestParam String toAgency,
                    @RequestParam String toRegion, @RequestParam(required = false) String note,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            EvidenceTransfers.Transfer t = transfers.send(seqs, toAgency.strip().toUpperCase(java.util.Locale.ROOT),
                    toRegion.strip(), note, user);
            flash.addFlashAttribute("message", "已移交证据包 " + t.packageSha256().substring(0, 16) + "…（" + t.seqs() + "）");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/evidence/transfers";
    }

    @GetMapping("/evidence/transfers")
    String transfers(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("transfers", transfers.ofBureau(user));
        return "evidence/transfers";
    }

    @PostMapping("/evidence/transfers/{id}/receive")
    @PreAuthorize(CAN_TRANSFER)
    String receive(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            EvidenceTransfers.Transfer t = transfers.receive(id, user);
            flash.addFlashAttribute(t.status().equals("RECEIVED") ? "message" : "error",
                    t.statusLabel() + (t.problems() == null ? "：新证据序号 " + t.importedSeqs() : "：" + t.problems()));
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (IllegalStateException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/evidence/transfers";
    }

    /** An evidence package (ZIP with a manifest of hashes) of the given captures. */
    @GetMapping("/evidence/package")
    ResponseEntity<byte[]> exportPackage(@RequestParam("seq") java.util.List<Long> seqs,
                                         @AuthenticationPrincipal CurrentUser user) {
        byte[] zip = packages.export(seqs, user.dataScope(), user.getUsername());
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType("application/zip"));
        h.setContentDisposition(ContentDisposition.attachment().filename("evidence-package.zip").build());
        return new ResponseEntity<>(zip, h, HttpStatus.OK);
    }

    @PostMapping("/evidence/packages")
    @PreAuthorize(CAN_CAPTURE)
    String importPackage(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                         @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) throws java.io.IOException {
        EvidencePackages.ImportReport r = packages.verifyAndImport(file.getBytes(), user.getUsername(),
                user.agencyCode(), user.region().value());
        if (r.imported()) {
            flash.addFlashAttribute("message", "证据包核验通过，已导入 " + r.records() + " 份证据：序号 " + r.newSeqs());
        } else {
            flash.addFlashAttribute("error", "证据包核验未通过，未导入任何内容：" + String.join("；", r.problems()));
        }
        return "redirect:/evidence";
    }

    @PostMapping(value = "/api/evidence/packages", consumes = "*/*")
    @PreAuthorize(CAN_CAPTURE)
    @ResponseBody
    ResponseEntity<EvidencePackages.ImportReport> importPackageApi(@RequestBody byte[] body,
                                                                  @AuthenticationPrincipal CurrentUser user) {
        EvidencePackages.ImportReport r = packages.verifyAndImport(body, user.getUsername(), user.agencyCode(),
                user.region().value());
        return ResponseEntity.status(r.imported() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY).body(r);
    }

    @GetMapping("/evidence")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("captures", evidence.latest(user.dataScope(), 200));
        return "evidence/list";
    }

    @PostMapping("/evidence/captures")
    @PreAuthorize(CAN_CAPTURE)
    String capture(@RequestParam String url, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        Capturer.Result r = capturer.capture(url, user.getUsername(), user.agencyCode(), user.region().value(), Set.of());
        if (!r.captured()) {
            flash.addFlashAttribute("error", "取证失败：" + r.reason());
            return "redirect:/evidence";
        }
        return "redirect:/evidence/" + r.capture().seq();
    }

    @GetMapping("/evidence/{seq}")
    String show(@PathVariable long seq, @AuthenticationPrincipal CurrentUser user, Model model) {
        Capture c = find(seq, user);
        model.addAttribute("c", c);
        model.addAttribute("text", c.textSha256() == null ? null : evidence.object(c, c.textSha256())
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(null));
        return "evidence/show";
    }

    /** A stored object: the screenshot as an image, anything else as a download. */
    @GetMapping("/evidence/{seq}/objects/{sha}")
    ResponseEntity<byte[]> object(@PathVariable long seq, @PathVariable String sha,
                                  @AuthenticationPrincipal CurrentUser user) {
        Capture c = find(seq, user);
        byte[] bytes = evidence.object(c, sha).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        HttpHeaders h = new HttpHeaders();
        h.set("Content-Security-Policy", "sandbox; default-src 'none'");
        if (sha.equals(c.screenshotSha256())) {
            h.setContentType(MediaType.IMAGE_PNG);
        } else {
            h.setContentType(sha.equals(c.textSha256()) ? new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)
                    : MediaType.APPLICATION_OCTET_STREAM);
            h.setContentDisposition(ContentDisposition.attachment().filename("evidence-" + seq + "-" + sha.substring(0, 12)
                    + (sha.equals(c.textSha256()) ? ".txt" : ".bin")).build());
        }
        return new ResponseEntity<>(bytes, h, HttpStatus.OK);
    }

    @PostMapping(value = "/api/evidence/captures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CAN_CAPTURE)
    @ResponseBody
    ResponseEntity<Object> captureApi(@RequestBody Map<String, String> body, @AuthenticationPrincipal CurrentUser user) {
        String url = body.get("url");
        if (url == null || url.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "字段 url 不能为空 (url is required)");
        }
        Capturer.Result r = capturer.capture(url, user.getUsername(), user.agencyCode(), user.region().value(), Set.of());
        if (!r.captured()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("outcome", r.outcome(), "reason", r.reason()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(r.capture());
    }

    @GetMapping("/api/evidence/{seq}")
    @ResponseBody
    Capture captureJson(@PathVariable long seq, @AuthenticationPrincipal CurrentUser user) {
        return find(seq, user);
    }

    private Capture find(long seq, CurrentUser user) {
        return evidence.find(seq, user.dataScope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
