package cn.wangjian.platform.calendar;

import cn.wangjian.engine.calendar.HolidayNotice;
import cn.wangjian.platform.identity.CurrentUser;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar over the API: the years in force, a deadline counted on them, and a notice previewed or stored
 * (administrators only; {@code confirm=true} stores, {@code replace=true} confirms replacing a known year).
 */
@RestController
class CalendarApiController {

    private final WorkingDays workingDays;

    CalendarApiController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping("/api/calendar/years")
    List<WorkingDays.YearSource> years() {
        return workingDays.years();
    }

    record DeadlineView(LocalDate from, int workingDays, LocalDate date, boolean provisional, String note) {
    }

    @GetMapping("/api/calendar/deadline")
    DeadlineView deadline(@RequestParam LocalDate from, @RequestParam int workingDays) {
        if (workingDays < 0 || workingDays > 1000) {
            throw new IllegalArgumentException("字段 workingDays：应为 0 到 1000 (0–1000)");
        }
        var d = this.workingDays.deadline(from, workingDays);
        return new DeadlineView(from, workingDays, d.date(), d.provisional(), d.note());
    }

    @PostMapping(value = "/api/calendar/notices", consumes = "text/plain")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> notice(@RequestBody String notice, @RequestParam(required = false) Integer year,
                                               @RequestParam(defaultValue = "false") boolean confirm,
                                               @RequestParam(defaultValue = "false") boolean replace,
                                               @RequestParam(required = false) String note,
                                               @AuthenticationPrincipal CurrentUser user) {
        String text = CalendarController.limited(notice);
        Map<String, Object> body = new LinkedHashMap<>();
        if (confirm) {
            WorkingDays.StoredYear stored = workingDays.store(text, year, replace, note, user.getUsername());
            body.put("year", stored.year());
            body.put("version", stored.version());
            body.put("off", stored.arrangement().off());
            body.put("makeUp", stored.arrangement().makeUp());
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        }
        WorkingDays.Preview p = workingDays.preview(text, year);
        body.put("year", p.parsed().year());
        body.put("holidays", p.parsed().holidays());
        body.put("makeUpDays", p.parsed().makeUpDays());
        body.put("remarks", p.parsed().remarks());
        body.put("replaces", p.currentSource());
        body.put("differences", p.differences());
        body.put("nextVersion", p.nextVersion());
        return ResponseEntity.ok(body);
    }

    @ExceptionHandler(HolidayNotice.InvalidNoticeException.class)
    ResponseEntity<ProblemDetail> invalid(HolidayNotice.InvalidNoticeException e) {
        ProblemDetail pd = ProblemDetail.forStatus(422);
        pd.setTitle("通知无法采用");
        pd.setDetail("节假日通知中有 " + e.problems().size() + " 处问题，未保存任何内容。");
        pd.setProperty("title_en", "Notice refused");
        pd.setProperty("detail_en", "The notice has " + e.problems().size() + " problem(s); nothing was stored.");
        pd.setProperty("errors", e.problems().stream().map(p -> Map.of("line", p.line(), "text", p.text(),
                "reason", p.reason())).toList());
        return ResponseEntity.unprocessableEntity().body(pd);
    }

    @ExceptionHandler(CalendarRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CalendarRefusedException e) {
        ProblemDetail pd = ProblemDetail.forStatus(409);
        pd.setTitle("需要确认");
        pd.setDetail(e.getMessage());
        pd.setProperty("title_en", "Confirmation needed");
        pd.setProperty("detail_en", "The year is already known; confirm the differences with replace=true.");
        pd.setProperty("differences", e.differences());
        return ResponseEntity.status(409).body(pd);
    }
}
