package cn.wangjian.platform.campaign;

import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.registry.Registry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sampling plans, their samples and results, and the publication of results. */
@Controller
@PreAuthorize(CampaignController.CAN_READ)
class SamplingController {

    private final Sampling sampling;
    private final Registry registry;
    private final java.time.Clock clock;

    SamplingController(Sampling sampling, Registry registry, java.time.Clock clock) {
        this.sampling = sampling;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/campaign/sampling")
    String plans(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("plans", sampling.plans(user.dataScope()));
        model.addAttribute("kinds", Arrays.stream(Sampling.Kind.values())
                .filter(k -> user.agencyCode() != null && k.plannedBy(user.agencyCode())).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "campaign/sampling";
    }

    @PostMapping("/campaign/sampling/plans")
    @PreAuthorize(FieldController.CAN_RECORD)
    String plan(@RequestParam(required = false) Sampling.Kind kind, @RequestParam String title,
                @RequestParam String keyPeriod, @RequestParam String goods,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                @RequestParam(required = false) Integer plannedBatches, @AuthenticationPrincipal CurrentUser user,
                RedirectAttributes flash) {
        try {
            Sampling.Plan p = sampling.plan(new Sampling.NewPlan(kind, title, keyPeriod, goods, startsOn, endsOn,
                    plannedBatches), user);
            flash.addFlashAttribute("message", "已制定抽检计划：" + p.title());
            return "redirect:/campaign/sampling/" + p.id();
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/campaign/sampling";
        }
    }

    @GetMapping("/campaign/sampling/{id}")
    String plan(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Sampling.Plan plan = sampling.plan(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("plan", plan);
        model.addAttribute("samples", sampling.samples(id, user.dataScope()));
        model.addAttribute("platforms", registry.platforms());
        model.addAttribute("today", LocalDate.now(clock));
        return "campaign/sampling-plan";
    }

    @GetMapping("/campaign/sampling/sample/{id}")
    String sample(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        Sampling.Sample s = sampling.sample(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return "redirect:/campaign/sampling/" + s.planId() + "#sample-" + s.id();
    }

    @PostMapping("/campaign/sampling/{id}/samples")
    @PreAuthorize(FieldController.CAN_RECORD)
    String addSample(@PathVariable long id, @RequestParam String sampleNo, @RequestParam String productName,
                     @RequestParam String platformCode, @RequestParam String shopId,
                     @RequestParam(required = false) String listingId, @RequestParam String orderNo,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate boughtOn,
                     @RequestParam(required = false) String priceYuan,
                     @RequestParam(required = false) String subjectName, @AuthenticationPrincipal CurrentUser user,
                     RedirectAttributes flash) {
        try {
            Sampling.Sample s = sampling.addSample(id, new Sampling.NewSample(sampleNo, productName, platformCode,
                    shopId, listingId, orderNo, boughtOn, price(priceYuan), subjectName), user);
            flash.addFlashAttribute("message", "已登记样品 " + s.sampleNo() + "：" + s.productName());
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/sampling/" + id;
    }

    @PostMapping("/campaign/sampling/samples/{id}/result")
    @PreAuthorize(FieldController.CAN_RECORD)
    String result(@PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate testedOn,
                  @RequestParam String lab, @RequestParam String reportNo, @RequestParam boolean qualified,
                  @RequestParam(required = false) String failedItems, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        Sampling.Sample sample = sampling.sample(id, user.dataScope())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            Sampling.Sample s = sampling.recordResult(id, new Sampling.Result(testedOn, lab, reportNo, qualified,
                    failedItems == null ? java.util.List.of() : Arrays.asList(failedItems.split("\\R"))), user);
            flash.addFlashAttribute("message", "已记录检验结果：样品 " + s.sampleNo() + (s.result().qualified() ? " 合格"
                    : " 不合格，已登记线索 " + s.clueId()));
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/sampling/" + sample.planId();
    }

    @PostMapping("/campaign/sampling/{id}/publish")
    @PreAuthorize(FieldController.CAN_RECORD)
    String publish(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("message", "已向社会公布检验结果 " + sampling.publish(id, user) + " 条");
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/sampling/" + id;
    }

    private static BigDecimal price(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(yuan.strip());
        } catch (NumberFormatException e) {
            throw new CampaignRefusedException("字段 priceYuan：购样金额须为数字 (not a number): " + yuan.strip());
        }
    }
}
