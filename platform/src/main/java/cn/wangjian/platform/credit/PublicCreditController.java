package cn.wangjian.platform.credit;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.publicity.Publications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public credit query (no login): search by party name or credit code; only published penalty records within
 * their display period, in the published (redacted) text, and — by credit code — the serious-violation and
 * abnormal-operation listings in force (the brushing blacklist goes to departments, not to the public page). Each
 * client address may ask 30 times a minute.
 */
@Controller
public class PublicCreditController {

    public static final int PER_MINUTE = 30;

    private final Publications publications;
    private final CreditLists lists;
    private final cn.wangjian.platform.identity.PublicRateLimit rateLimit;

    PublicCreditController(Publications publications, CreditLists lists,
                           cn.wangjian.platform.identity.PublicRateLimit rateLimit) {
        this.publications = publications;
        this.lists = lists;
        this.rateLimit = rateLimit;
    }

    @GetMapping("/public/credit")
    String query(@RequestParam(required = false) String q, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        if (!allowed(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("error", "查询过于频繁，请一分钟后再试");
            return "credit/public";
        }
        String query = q == null ? "" : q.strip();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        model.addAttribute("q", query);
        if (!query.isEmpty()) {
            if (query.length() < 2) {
                model.addAttribute("error", "请输入至少两个字的名称，或 18 位统一社会信用代码");
            } else {
                model.addAttribute("results", publications.publicSearch(query, 50));
                if (UnifiedSocialCreditCode.isValid(query.toUpperCase(java.util.Locale.ROOT))) {
                    model.addAttribute("listings", lists.inForce(query.toUpperCase(java.util.Locale.ROOT)).stream()
                            .filter(e -> e.kind() != ListKind.BRUSHING_BLACKLIST).toList());
                }
            }
        }
        return "credit/public";
    }

    private boolean allowed(String address) {
        return rateLimit.allow("credit-query", address, PER_MINUTE, 60);
    }
}
