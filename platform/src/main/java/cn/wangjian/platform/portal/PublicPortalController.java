package cn.wangjian.platform.portal;

import cn.wangjian.platform.identity.PublicRateLimit;
import cn.wangjian.platform.registry.Registry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public side (no login): its front page, warnings, typical cases and evaluations of platforms. */
@Controller
class PublicPortalController {

    private final Portal portal;
    private final Registry registry;
    private final PublicRateLimit rateLimit;

    PublicPortalController(Portal portal, Registry registry, PublicRateLimit rateLimit) {
        this.portal = portal;
        this.registry = registry;
        this.rateLimit = rateLimit;
    }

    @GetMapping({"/public", "/public/"})
    String home(Model model) {
        model.addAttribute("warnings", portal.publishedWarnings(5));
        model.addAttribute("cases", portal.typicalCases(5));
        return "portal/public-home";
    }

    @GetMapping("/public/warnings")
    String warnings(Model model) {
        model.addAttribute("warnings", portal.publishedWarnings(100));
        return "portal/public-warnings";
    }

    @GetMapping("/public/warnings/{id}")
    String warning(@PathVariable long id, Model model) {
        model.addAttribute("w", portal.publishedWarning(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "portal/public-warning";
    }

    @GetMapping("/public/typical-cases")
    String typicalCases(Model model) {
        model.addAttribute("cases", portal.typicalCases(100));
        return "portal/public-cases";
    }

    @GetMapping("/public/evaluations")
    String evaluations(Model model) {
        model.addAttribute("standings", portal.standings());
        model.addAttribute("evaluations", portal.approved(100));
        model.addAttribute("platforms", registry.platforms());
        return "portal/public-evaluations";
    }

    @PostMapping("/public/evaluations")
    String evaluate(@RequestParam(required = false) String platform, @RequestParam(required = false) Integer stars,
                    @RequestParam(required = false) String comment, HttpServletRequest http,
                    HttpServletResponse response, Model model) {
        if (!rateLimit.allow("evaluation", http.getRemoteAddr(), 3, 600)) {
            response.setStatus(429);
            model.addAttribute("error", "提交过于频繁，请十分钟后再试");
        } else {
            try {
                portal.evaluate(platform, stars, comment);
                model.addAttribute("message", "感谢评价：审核通过后展示");
            } catch (PortalRefusedException e) {
                response.setStatus(400);
                model.addAttribute("error", e.getMessage());
                model.addAttribute("comment", comment);
            }
        }
        return evaluations(model);
    }
}
