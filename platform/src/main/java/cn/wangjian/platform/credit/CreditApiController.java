package cn.wangjian.platform.credit;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.publicity.Publications;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Credit over the API: the file, restrictions today, other agencies' records, lists, subscribers and the feed. */
@RestController
@PreAuthorize(CreditController.OFFICIALS)
class CreditApiController {

    private final CreditFiles files;
    private final CreditLists lists;
    private final JointPunishment joint;
    private final Publications publications;

    CreditApiController(CreditFiles files, CreditLists lists, JointPunishment joint, Publications publications) {
        this.files = files;
        this.lists = lists;
        this.joint = joint;
        this.publications = publications;
    }

    private static String code(String code) {
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw new IllegalArgumentException("统一社会信用代码 " + code + " 校验位不符或格式错误 (invalid credit code)");
        }
        return code;
    }

    @GetMapping("/api/credit/{code}")
    CreditFiles.CreditFile file(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
        return files.of(code(code), user);
    }

    /** What applies to a subject today, for the platform's own use and for departments. */
    @GetMapping("/api/credit/{code}/restrictions")
    List<CreditFiles.Restriction> restrictions(@PathVariable String code) {
        return files.restrictions(code(code));
    }

    /** Another agency's penalty records in the 双公示 fields (JSON array); idempotent by decision number. */
    @PostMapping("/api/credit/penalties")
    @PreAuthorize("hasAnyRole('CREDIT_OFFICER','AGENCY_LIAISON','ADMIN')")
    Map<String, Object> penalties(@RequestBody List<Map<String, String>> rows, @AuthenticationPrincipal CurrentUser user) {
        if (rows.size() > 10_000) {
            throw new IllegalArgumentException("一次最多导入 10000 条 (at most 10,000 records)");
        }
        return Map.of("received", rows.size(), "added", publications.importRecords(rows, user));
    }

    /** The same records as CSV with the exchange codes as the header (UTF-8 or GB18030); every bad line named. */
    @PostMapping(value = "/api/credit/penalties", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('CREDIT_OFFICER','AGENCY_LIAISON','ADMIN')")
    Map<String, Object> penaltiesCsv(@RequestBody byte[] body, @AuthenticationPrincipal CurrentUser user) {
        if (body.length > 20_000_000) {
            throw new IllegalArgumentException("文件过大（超过 20 MB）(file too large)");
        }
        String text;
        try {
            text = cn.wangjian.engine.registry.TextEncoding.decode(body, cn.wangjian.engine.registry.TextEncoding.detect(body));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("不是 UTF-8 或 GB18030 文本 (not UTF-8 or GB18030 text)");
        }
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setTrim(true).build().parse(new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            for (var record : parser) {
                rows.add(record.toMap());
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("CSV 无法解析 (cannot parse CSV): " + e.getMessage());
        }
        return penalties(rows, user);
    }

    /** Abnormal-operation listings (JSON array of document_no, credit_code, party_name, reason, listed_on). */
    @PostMapping("/api/credit/lists/abnormal-operation")
    @PreAuthorize("hasAnyRole('CREDIT_OFFICER','ADMIN')")
    Map<String, Object> abnormal(@RequestBody List<Map<String, String>> rows, @AuthenticationPrincipal CurrentUser user) {
        List<CreditLists.Imported> imported = rows.stream().map(r -> new CreditLists.Imported(r.get("document_no"),
                r.get("credit_code"), r.get("party_name"), r.get("reason"), date(r.get("listed_on")))).toList();
        return Map.of("received", rows.size(), "added", lists.importAbnormal(imported, user));
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;                          // named by the import's check
        }
    }

    record SubscriberForm(String agencyCode, String name, String url, Set<ListKind> lists) {
    }

    @PostMapping("/api/credit/subscribers")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<JointPunishment.Registered> subscribe(@RequestBody SubscriberForm form,
                                                         @AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(joint.subscribe(form.agencyCode(), form.name(), form.url(),
                form.lists() == null ? Set.of() : EnumSet.copyOf(form.lists()), user.getUsername()));
    }

    @GetMapping("/api/credit/subscribers/{id}/deliveries")
    @PreAuthorize("hasRole('ADMIN')")
    List<JointPunishment.Delivery> deliveries(@PathVariable long id) {
        return joint.deliveries(id);
    }

    /** The feed for a department that pulls: its subscription's lists, after the last event id it saw. */
    @GetMapping("/api/credit/feed")
    List<JointPunishment.FeedEvent> feed(@RequestParam long subscriber, @RequestParam(defaultValue = "0") long after,
                                         @AuthenticationPrincipal CurrentUser user) {
        JointPunishment.Subscriber s = joint.subscribers().stream().filter(x -> x.id() == subscriber).findFirst()
                .filter(x -> x.agencyCode().equals(user.agencyCode()) || user.hasRole(cn.wangjian.platform.identity.Role.ADMIN))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return joint.feed(after, s.lists(), 500);
    }

    @ExceptionHandler({CreditRefusedException.class, cn.wangjian.platform.publicity.PublicationRefusedException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException e) {
        ProblemDetail pd = ProblemDetail.forStatus(422);
        pd.setTitle("无法处理");
        pd.setDetail(e.getMessage());
        pd.setProperty("title_en", "Refused");
        pd.setProperty("detail_en", e.getMessage());
        return ResponseEntity.unprocessableEntity().body(pd);
    }
}
