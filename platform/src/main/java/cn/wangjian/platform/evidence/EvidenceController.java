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

    EvidenceController(Evidence evidence, Capturer capturer) {
        this.evidence = evidence;
        this.capturer = capturer;
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
