package cn.wangjian.platform.web;

import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.identity.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Figures behind the dashboard's charts, within the user's data scope. */
@RestController
class DashboardApiController {

    private final ClueRegister clues;

    DashboardApiController(ClueRegister clues) {
        this.clues = clues;
    }

    @GetMapping("/api/dashboard/clues")
    Map<String, Object> clueFigures(@AuthenticationPrincipal CurrentUser user) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        clues.countBySource(user.dataScope()).forEach((k, v) -> bySource.put(k.label(), v));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        clues.countByStatus(user.dataScope()).forEach((k, v) -> byStatus.put(k.label(), v));
        return Map.of("bySource", bySource, "byStatus", byStatus);
    }
}
