package cn.wangjian.platform.monitoring;

import cn.wangjian.platform.identity.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Monitoring pages: tasks and runs, the findings queue and decisions, the rules with their false-positive rates. */
@Controller
@PreAuthorize(MonitoringController.CAN_READ)
class MonitoringController {

    static final String CAN_READ = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','CAMPAIGN_COORDINATOR','ADMIN')";
    static final String CAN_ACT = "hasAnyRole('MONITORING_OFFICER','ADMIN')";
    static final int PAGE = 50;

    private final MonitoringTasks tasks;
    private final MonitoringRunner runner;
    private final Findings findings;
    private final Detectors detectors;
    private final RuleChanges ruleChanges;

    private final java.time.Clock clock;

    private final cn.wangjian.platform.registry.Registry registry;
    private final cn.wangjian.platform.registry.Listings listings;
    private final cn.wangjian.platform.identity.Directory directory;

    MonitoringController(MonitoringTasks tasks, MonitoringRunner runner, Findings findings, Detectors detectors,
                         RuleChanges ruleChanges, java.time.Clock clock, cn.wangjian.platform.registry.Registry registry,
                         cn.wangjian.platform.registry.Listings listings,
                         cn.wangjian.platform.identity.Directory directory) {
        this.directory = directory;
        this.registry = registry;
        this.listings = listings;
        this.clock = clock;
        this.ruleChanges = ruleChanges;
        this.tasks = tasks;
        this.runner = runner;
        this.findings = findings;
        this.detectors = detectors;
    }

    /**
     * What each finding is about as officers read it — platform, shop and listing title, or the enterprise's name —
     * by finding id; the subject's code stays as the tooltip. Subjects without a registry entry read as themselves.
     */
    private Map<Long, String> subjectNames(List<MonitoringFinding> shown) {
        Map<String, String> platforms = registry.platforms();
        Map<Long, String> out = new java.util.HashMap<>();
        for (MonitoringFinding f : shown) {
            String name = null;
            String platform = f.platformCode() == null ? null : platforms.getOrDefault(f.platformCode(), f.platformCode());
            if (f.listingId() != null) {
                name = listings.find(f.platformCode(), f.listingId()).map(l -> platform + " · " + l.shopName() + "："
                        + (l.title().length() > 40 ? l.title().substring(0, 40) + "…" : l.title())).orElse(null);
            } else if (f.platformCode() != null && f.shopId() != null) {
                name = registry.shop(f.platformCode(), f.shopId()).map(s -> platform + " · " + s.shopName()).orElse(null);
            } else if (f.subject() != null && f.subject().matches("[0-9A-Z]{18}")) {
                name = registry.enterprise(f.subject()).map(cn.wangjian.platform.registry.Registry.Enterprise::name)
                        .orElse(null);
            }
            if (name != null) {
                out.put(f.id(), name);
            }
        }
        return out;
    }

    /** The names officers read for finding categories and severities (codes as tooltips), on every page here. */
    @ModelAttribute("categoryNames")
    Map<String, String> categoryNames() {
        return detectors.text().catalog().ruleCategoryNames();
    }

    @ModelAttribute("severityNames")
    Map<String, String> severityNames() {
        return SEVERITY_NAMES;
    }

    private static final Map<String, String> SEVERITY_NAMES = java.util.Arrays.stream(
            cn.wangjian.engine.text.Severity.values()).collect(java.util.stream.Collectors.toUnmodifiableMap(
                    cn.wangjian.engine.text.Severity::name, cn.wangjian.engine.text.Severity::chinese));

    @GetMapping("/monitoring")
    String overview(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<MonitoringTask> list = tasks.list(user.dataScope());
        model.addAttribute("tasks", list);
        model.addAttribute("lastRuns", list.stream().collect(java.util.stream.Collectors.toMap(MonitoringTask::id,
                t -> runner.runs(t.id(), 1).stream().findFirst())));
        model.addAttribute("newCount", findings.count(user.dataScope(),
                new FindingFilter(null, null, null, null, null, null, "NEW", null, null)));
        // the charts before the first run (or with nothing found) say so instead of drawing empty axes
        model.addAttribute("findingTotal", findings.count(user.dataScope(), FindingFilter.none()));
        model.addAttribute("anyRun", runner.anyRun(user.dataScope()));
        return "monitoring/overview";
    }

    @GetMapping("/monitoring/tasks/new")
    @PreAuthorize(CAN_ACT)
    String newTask(Model model) {
        model.addAttribute("form", TaskForm.empty());
        return formModel(model);
    }

    private String formModel(Model model) {
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("ruleSets", RuleSet.values());
        model.addAttribute("categories", detectors.productCategories());
        model.addAttribute("textCategories", detectors.ruleCategories());
        model.addAttribute("scheduleKinds", Schedules.Kind.values());
        if (!model.containsAttribute("scheduleKind") || model.getAttribute("scheduleKind") == null) {
            model.addAttribute("scheduleKind", Schedules.Kind.DAILY);
        }
        if (model.getAttribute("scheduleTime") == null) {
            model.addAttribute("scheduleTime", "02:00");
        }
        if (model.getAttribute("scheduleHours") == null) {
            model.addAttribute("scheduleHours", 4);
        }
        return "monitoring/task-form";
    }

    @PostMapping("/monitoring/tasks")
    @PreAuthorize(CAN_ACT)
    String create(@Valid @ModelAttribute("form") TaskForm form, BindingResult errors,
                  @RequestParam(defaultValue = "ADVANCED") Schedules.Kind scheduleKind,
                  @RequestParam(required = false) String scheduleTime,
                  @RequestParam(required = false) Integer scheduleWeekday,
                  @RequestParam(required = false) Integer scheduleHours,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("scheduleKind", scheduleKind);
        model.addAttribute("scheduleTime", scheduleTime);
        model.addAttribute("scheduleWeekday", scheduleWeekday);
        model.addAttribute("scheduleHours", scheduleHours);
        if (errors.hasErrors()) {
            return formModel(model);
        }
        try {
            // the pickers write the cron; 高级 keeps what was typed (and the API, which sends cron, is unchanged)
            TaskForm scheduled = form.withSchedule(Schedules.cron(scheduleKind, scheduleTime, scheduleWeekday,
                    scheduleHours, form.schedule()));
            MonitoringTask t = tasks.create(scheduled, user.getUsername(), user.agencyCode(), user.region().value());
            return "redirect:/monitoring/tasks/" + t.id();
        } catch (MonitoringTasks.InvalidTaskException e) {
            errors.rejectValue(e.field(), "invalid", e.getMessage());
            return formModel(model);
        } catch (Schedules.Refused e) {
            model.addAttribute("scheduleError", e.getMessage());
            return formModel(model);
        }
    }

    @GetMapping("/monitoring/tasks/{id}")
    String task(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        MonitoringTask t = tasks.find(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("task", t);
        model.addAttribute("runs", runner.runs(id, 30));
        model.addAttribute("categories", detectors.productCategories());
        return "monitoring/task";
    }

    @PostMapping("/monitoring/tasks/{id}/runs")
    @PreAuthorize(CAN_ACT)
    String run(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        MonitoringTask t = tasks.find(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        long run = runner.start(t, "MANUAL", user.getUsername());
        return "redirect:/monitoring/runs/" + run;
    }

    @GetMapping("/monitoring/runs/{id}")
    String runPage(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        runModel(id, user, model);
        return "monitoring/run";
    }

    /**
     * The run's status and counts alone, which the run page polls (htmx) while the run is running; the same
     * readers as the run page (the class's roles, 403 otherwise) and the same data scope (404 outside it).
     */
    @GetMapping("/monitoring/runs/{id}/progress")
    String runProgress(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        runModel(id, user, model);
        return "monitoring/run :: status";
    }

    private void runModel(long id, CurrentUser user, Model model) {
        MonitoringRunner.Run r = runner.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        MonitoringTask t = tasks.find(r.taskId(), user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("run", r);
        model.addAttribute("task", t);
        model.addAttribute("elapsedSeconds", java.time.Duration.between(r.startedAt(),
                r.finishedAt() != null ? r.finishedAt() : clock.instant()).toSeconds());
    }

    @GetMapping("/monitoring/findings")
    String queue(@ModelAttribute("filter") FindingFilter filter, @RequestParam(defaultValue = "0") int page,
                 @AuthenticationPrincipal CurrentUser user, Model model) {
        List<MonitoringFinding> queue = findings.queue(user.dataScope(), filter, PAGE, Math.max(0, page) * PAGE);
        model.addAttribute("findings", queue);
        model.addAttribute("subjectNames", subjectNames(queue));
        model.addAttribute("total", findings.count(user.dataScope(), filter));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", PAGE);
        model.addAttribute("tasks", tasks.list(user.dataScope()));
        List<Findings.RuleStats> ruleStats = findings.ruleStats(user.dataScope());
        model.addAttribute("ruleStats", ruleStats);
        // an empty queue before the first run says what to do, not only that nothing matches
        model.addAttribute("scopeTotal", ruleStats.stream().mapToLong(Findings.RuleStats::total).sum());
        model.addAttribute("anyRun", runner.anyRun(user.dataScope()));
        return "monitoring/findings";
    }

    @GetMapping("/monitoring/findings/{id}")
    String finding(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        MonitoringFinding f = findings.find(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("f", f);
        model.addAttribute("subjectName", subjectNames(List.of(f)).getOrDefault(f.id(), f.subject()));
        return "monitoring/finding";
    }

    @PostMapping("/monitoring/findings/{id}/confirm")
    @PreAuthorize(CAN_ACT)
    String confirm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            Findings.Confirmed c = findings.confirm(id, user);
            flash.addFlashAttribute("message", "已确认，生成线索 " + c.clueNo() + "，证据第 " + c.evidenceSeq() + " 号");
            return "redirect:/clues/" + c.clueId();
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (IllegalStateException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/monitoring/findings/" + id;
        }
    }

    @PostMapping("/monitoring/findings/bulk")
    @PreAuthorize(CAN_ACT)
    String bulk(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String action,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String assignee,
                @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("error", "请先勾选发现 (select findings first)");
            return "redirect:/monitoring/findings";
        }
        try {
            switch (action) {
                case "dismiss" -> flash.addFlashAttribute("message", "已排除 " + findings.dismiss(ids, reason, user) + " 条");
                case "assign" -> flash.addFlashAttribute("message", "已分派 " + findings.assign(ids, assignee, user) + " 条");
                case "confirm" -> {
                    int n = 0;
                    for (long id : ids) {
                        try {
                            findings.confirm(id, user);
                            n++;
                        } catch (IllegalStateException | java.util.NoSuchElementException e) {
                            // already decided or out of scope: skipped, counted below
                        }
                    }
                    flash.addFlashAttribute("message", "已确认 " + n + " 条并生成线索" + (n < ids.size()
                            ? "（" + (ids.size() - n) + " 条已处理或不可见，已跳过）" : ""));
                }
                default -> flash.addFlashAttribute("error", "未知操作 (unknown action): " + action);
            }
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/findings";
    }

    @PostMapping("/monitoring/findings/{id}/dismiss")
    @PreAuthorize(CAN_ACT)
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            findings.dismiss(List.of(id), reason, user);
            flash.addFlashAttribute("message", "已排除");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/findings/" + id;
    }

    @GetMapping("/monitoring/rules")
    String rules(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("catalog", detectors.text().catalog());
        model.addAttribute("prices", detectors.prices());
        model.addAttribute("listingChecks", detectors.listings());
        model.addAttribute("stats", findings.ruleStats(user.dataScope()).stream()
                .collect(java.util.stream.Collectors.toMap(Findings.RuleStats::rule, s -> s)));
        model.addAttribute("versions", ruleChanges.versions());
        model.addAttribute("canEdit", canEditRules(user));
        return "monitoring/rules";
    }

    /** Rule changes reach every user: administrators and provincial or national monitoring officers make them. */
    static boolean canEditRules(CurrentUser user) {
        return user.hasRole(cn.wangjian.platform.identity.Role.ADMIN)
                || (user.hasRole(cn.wangjian.platform.identity.Role.MONITORING_OFFICER)
                    && user.region().value().endsWith("0000"));
    }

    private void requireRuleEditor(CurrentUser user) {
        if (!canEditRules(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有省级以上监测员或管理员可以修改规则");
        }
    }

    @PostMapping("/monitoring/rules/words")
    String addWords(@RequestParam String rule, @RequestParam String words,
                    @RequestParam(defaultValue = "terms") String kind, @RequestParam(required = false) String note,
                    @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        requireRuleEditor(user);
        try {
            RuleChanges.Version v = ruleChanges.addWords(rule, List.of(words.split("[\\n,，、]+")),
                    kind.equals("allowed"), note, user.getUsername());
            flash.addFlashAttribute("message", "已生效：规则版本 " + v.id() + "（" + v.note() + "）");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/rules";
    }

    @PostMapping("/monitoring/rules/rules")
    String addRule(@RequestParam String json, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        requireRuleEditor(user);
        try {
            RuleChanges.Version v = ruleChanges.addRule(json, note, user.getUsername());
            flash.addFlashAttribute("message", "已生效：规则版本 " + v.id() + "（" + v.note() + "）");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/rules";
    }

    @PostMapping("/monitoring/rules/versions/{id}/rollback")
    String rollBack(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        requireRuleEditor(user);
        try {
            RuleChanges.Version v = ruleChanges.rollBack(id, user.getUsername());
            flash.addFlashAttribute("message", "已生效：规则版本 " + v.id() + "（" + v.note() + "）");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/monitoring/rules";
    }

    @PostMapping("/monitoring/rules/versions/built-in")
    String rollBackToBuiltIn(@AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        requireRuleEditor(user);
        RuleChanges.Version v = ruleChanges.rollBackToBuiltIn(user.getUsername());
        flash.addFlashAttribute("message", "已生效：规则版本 " + v.id() + "（" + v.note() + "）");
        return "redirect:/monitoring/rules";
    }

    /** Figures for the monitoring dashboard's charts. */
    @GetMapping(value = "/api/monitoring/dashboard", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> dashboard(@AuthenticationPrincipal CurrentUser user) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String d : new String[] {"category", "platform", "region", "day", "severity"}) {
            out.put(d, findings.countBy(user.dataScope(), d));
        }
        List<Map<String, Object>> runs = new java.util.ArrayList<>();
        for (MonitoringTask t : tasks.list(user.dataScope())) {
            for (MonitoringRunner.Run r : runner.runs(t.id(), 20)) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("task", t.name());
                m.put("run", r.id());
                m.put("status", r.status());
                m.put("startedAt", r.startedAt().toString());
                m.put("seconds", r.finishedAt() == null ? null
                        : java.time.Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0);
                m.put("findings", r.findingsTotal());
                runs.add(m);
            }
        }
        out.put("runs", runs);
        // the names the charts show for the codes above (the figures stay keyed by code for API clients)
        Map<String, Map<String, String>> labels = new java.util.LinkedHashMap<>();
        labels.put("category", categoryNames());
        labels.put("platform", registry.platforms());
        labels.put("severity", SEVERITY_NAMES);
        Map<String, String> regions = new java.util.LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, ?> byRegion = (Map<String, ?>) out.get("region");
        for (String code : byRegion.keySet()) {
            if (code.matches("\\d{6}")) {
                directory.region(code).ifPresent(r -> regions.put(code, r.name()));
            }
        }
        labels.put("region", regions);
        out.put("labels", labels);
        return out;
    }
}
