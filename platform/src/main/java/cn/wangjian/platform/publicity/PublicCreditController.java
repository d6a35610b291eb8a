package cn.wangjian.platform.publicity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public credit query (no login): search by party name or credit code; only published records within their
 * display period, in the published (redacted) text. Each client address may ask 30 times a minute.
 */
@Controller
class PublicCreditController {

    static final int PER_MINUTE = 30;

    private final Publications publications;
    private final Clock clock;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    PublicCreditController(Publications publications, Clock clock) {
        this.publications = publications;
        this.clock = clock;
    }

    @GetMapping("/public/credit")
    String query(@RequestParam(required = false) String q, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        if (!allowed(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("error", "查询过于频繁，请一分钟后再试");
            return "publicity/public";
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
            }
        }
        return "publicity/public";
    }

    /** A fixed window per address; old windows are dropped as the map grows. */
    private boolean allowed(String address) {
        long minute = clock.instant().getEpochSecond() / 60;
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
        long[] w = windows.compute(address, (k, v) -> v == null || v[0] != minute ? new long[] {minute, 1}
                : new long[] {minute, v[1] + 1});
        return w[1] <= PER_MINUTE;
    }
}
