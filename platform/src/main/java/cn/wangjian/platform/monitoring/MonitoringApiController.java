package cn.wangjian.platform.monitoring;

import cn.wangjian.platform.identity.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The monitoring API: tasks and runs, the findings queue, decisions. */
@RestController
@PreAuthorize(MonitoringController.CAN_READ)
class MonitoringApiController {

    private final MonitoringTasks tasks;
    private final MonitoringRunner runner;
    private final Findings findings;

    MonitoringApiController(MonitoringTasks tasks, MonitoringRunner runner, Findings findings) {
        this.tasks = tasks;
        this.runner = runner;
        this.findings = findings;
    }

    @GetMapping("/api/monitoring/tasks")
    List<MonitoringTask> tasks(@AuthenticationPrincipal CurrentUser user) {
        return tasks.list(user.dataScope());
    }

    @PostMapping("/api/monitoring/tasks")
    @PreAuthorize(MonitoringController.CAN_ACT)
    ResponseEntity<MonitoringTask> create(@Valid @RequestBody TaskForm form, @AuthenticationPrincipal CurrentUser user) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(tasks.create(form, user.getUsername(), user.agencyCode(), user.region().value()));
        } catch (MonitoringTasks.InvalidTaskException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "字段 " + e.field() + "：" + e.getMessage());
        }
    }

    /** Starts a run; with {@code wait=true} answers when it has finished. */
    @PostMapping("/api/monitoring/tasks/{id}/runs")
    @PreAuthorize(MonitoringController.CAN_ACT)
    ResponseEntity<MonitoringRunner.Run> run(@PathVariable long id, @RequestParam(defaultValue = "false") boolean wait,
                                             @AuthenticationPrincipal CurrentUser user) {
        MonitoringTask t = tasks.find(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (wait) {
            return ResponseEntity.ok(runner.runNow(t, "MANUAL", user.getUsername()));
        }
        long run = runner.start(t, "MANUAL", user.getUsername());
        return ResponseEntity.accepted().body(runner.run(run).orElseThrow());
    }

    @GetMapping("/api/monitoring/runs/{id}")
    MonitoringRunner.Run runStatus(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        MonitoringRunner.Run r = runner.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        tasks.find(r.taskId(), user.dataScope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return r;
    }

    @GetMapping("/api/monitoring/findings")
    Map<String, Object> findings(@ModelAttribute FindingFilter filter, @RequestParam(defaultValue = "100") int limit,
                                 @RequestParam(defaultValue = "0") int offset, @AuthenticationPrincipal CurrentUser user) {
        int l = Math.max(1, Math.min(limit, 1000));
        return Map.of("total", findings.count(user.dataScope(), filter),
                "findings", findings.queue(user.dataScope(), filter, l, Math.max(0, offset)));
    }

    @PostMapping("/api/monitoring/findings/{id}/confirm")
    @PreAuthorize(MonitoringController.CAN_ACT)
    Findings.Confirmed confirm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        try {
            return findings.confirm(id, user);
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (IllegalStateException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    /** Body: {@code {"ids":[…],"reason":"…"}}. */
    @PostMapping("/api/monitoring/findings/dismissals")
    @PreAuthorize(MonitoringController.CAN_ACT)
    Map<String, Integer> dismiss(@RequestBody DismissRequest request, @AuthenticationPrincipal CurrentUser user) {
        if (request.ids() == null || request.ids().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "字段 ids 不能为空 (ids are required)");
        }
        try {
            return Map.of("dismissed", findings.dismiss(request.ids(), request.reason(), user));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    record DismissRequest(List<Long> ids, String reason) {
    }
}
