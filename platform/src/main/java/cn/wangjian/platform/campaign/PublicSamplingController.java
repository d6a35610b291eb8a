package cn.wangjian.platform.campaign;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public side of sampling: published results (网络商品抽检结果公告), searchable, without login. */
@Controller
class PublicSamplingController {

    private final Sampling sampling;

    PublicSamplingController(Sampling sampling) {
        this.sampling = sampling;
    }

    @GetMapping("/public/sampling")
    String results(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean unqualified,
                   Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        model.addAttribute("q", query);
        model.addAttribute("unqualified", unqualified);
        model.addAttribute("results", sampling.published(query, unqualified, 200));
        return "campaign/public-sampling";
    }
}
