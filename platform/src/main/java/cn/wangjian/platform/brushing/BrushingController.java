package cn.wangjian.platform.brushing;

import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.registry.Registry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The brushing pages: runs, the rings found, one ring with its graph and evidence, and the officer's decision. */
@Controller
@PreAuthorize(BrushingController.CAN_READ)
class BrushingController {

    static final String CAN_READ = "hasAnyRole('MONITORING_OFFICER','CASE_OFFICER','ADMIN')";
    static final String CAN_DECIDE = "hasRole('MONITORING_OFFICER')";

    private final BrushingMonitor monitor;
    private final BrushingTasks tasks;
    private final Registry registry;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    BrushingController(BrushingMonitor monitor, BrushingTasks tasks, Registry registry, ObjectMapper json,
                       java.time.Clock clock) {
        this.monitor = monitor;
        this.tasks = tasks;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/brushing")
    String list(@RequestParam(defaultValue = "false") boolean open, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        model.addAttribute("rings", monitor.list(user.dataScope(), open, 200));
        model.addAttribute("open", open);
        Map<String, String> platforms = registry.platforms();
        model.addAttribute("platforms", platforms);
        java.util.TreeSet<String> categories = new java.util.TreeSet<>();
        platforms.keySet().forEach(p -> categories.addAll(registry.categories(p)));
        model.addAttribute("categories", categories);
        model.addAttribute("tasks", tasks.active(user.dataScope()));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("defaultFrom", today.minusDays(29));
        model.addAttribute("defaultTo", today);
        model.addAttribute("parameters", monitor.parameters());
        return "brushing/list";
    }

    @PostMapping("/brushing/runs")
    @PreAuthorize(CAN_DECIDE)
    String run(@RequestParam String platform, @RequestParam(required = false) String category,
               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            BrushingMonitor.Run r = monitor.run(platform, category, from, to, user);
            flash.addFlashAttribute("message", "已分析 " + r.orders() + " 笔订单（参数第 " + r.parameters() + " 版），发现疑似团伙 "
                    + r.rings() + " 个，其中新增 " + r.newRings() + " 个");
        } catch (BrushingRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/brushing";
    }

    @PostMapping("/brushing/tasks")
    @PreAuthorize(CAN_DECIDE)
    String createTask(@RequestParam String platform, @RequestParam(required = false) String category,
                      @RequestParam(defaultValue = "30") int windowDays, @AuthenticationPrincipal CurrentUser user,
                      RedirectAttributes flash) {
        try {
            BrushingTasks.Task t = tasks.create(platform, category, windowDays, user);
            flash.addFlashAttribute("message", "已设立刷单监测任务 " + t.id() + "：平台报送新订单后自动分析最近 "
                    + t.windowDays() + " 天");
        } catch (BrushingRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/brushing";
    }

    @PostMapping("/brushing/tasks/{id}/stop")
    @PreAuthorize(CAN_DECIDE)
    String stopTask(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            tasks.stop(id, user);
            flash.addFlashAttribute("message", "已停止刷单监测任务 " + id);
        } catch (BrushingRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/brushing";
    }

    @GetMapping("/brushing/{id}")
    String ring(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model)
            throws JsonProcessingException {
        Ring ring = monitor.find(id, user.dataScope()).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("ring", ring);
        model.addAttribute("graph", json.writeValueAsString(graph(ring, monitor.extract(ring))));
        return "brushing/ring";
    }

    /** The accounts × shops graph and the days, as the page's chart reads them (escaped by Thymeleaf as data). */
    private static Map<String, Object> graph(Ring ring, byte[] extract) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (String s : ring.shops()) {
            nodes.add(Map.of("id", "s:" + s, "name", "店铺 " + s, "category", 0));
        }
        for (String a : ring.accounts()) {
            nodes.add(Map.of("id", "a:" + a, "name", "账号 " + a.substring(0, Math.min(10, a.length())) + "…", "category", 1));
            for (String s : ring.shops()) {
                links.add(Map.of("source", "a:" + a, "target", "s:" + s));
            }
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("nodes", nodes);
        g.put("links", links);
        // the ring's orders per day, from its extract (the fourth column is the order time)
        Map<String, Integer> perDay = new java.util.TreeMap<>();
        ring.days().forEach(d -> perDay.put(d.toString(), 0));
        String[] lines = new String(extract, java.nio.charset.StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            if (f.length >= 4 && f[3].length() >= 10 && perDay.containsKey(f[3].substring(0, 10))) {
                perDay.merge(f[3].substring(0, 10), 1, Integer::sum);
            }
        }
        g.put("days", List.copyOf(perDay.keySet()));
        g.put("orders", List.copyOf(perDay.values()));
        return g;
    }

    @GetMapping("/brushing/{id}/extract.csv")
    ResponseEntity<byte[]> extract(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        byte[] csv = monitor.extract(id, user.dataScope()).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=ring-" + id + ".csv").body(csv);
    }

    @PostMapping("/brushing/{id}/confirm")
    @PreAuthorize(CAN_DECIDE)
    String confirm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            BrushingMonitor.Confirmed c = monitor.confirm(id, user);
            flash.addFlashAttribute("message", "已确认，生成线索 " + c.clue().clueNo() + "，证据第 " + c.evidenceSeq() + " 号");
        } catch (BrushingRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/brushing/" + id;
    }

    @PostMapping("/brushing/{id}/dismiss")
    @PreAuthorize(CAN_DECIDE)
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason,
                   @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            monitor.dismiss(id, reason, user);
            flash.addFlashAttribute("message", "已排除");
        } catch (BrushingRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/brushing/" + id;
    }
}
