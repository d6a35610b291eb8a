package cn.wangjian.platform.web;

import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The dashboard and the "建设中" pages of areas not built yet. */
@Controller
class ShellController {

    private final ClueRegister clues;
    private final Directory directory;

    ShellController(ClueRegister clues, Directory directory) {
        this.clues = clues;
        this.directory = directory;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("bureau", directory.bureauName(user.agencyCode(), user.region()));
        model.addAttribute("clueCounts", clues.countByStatus(user.dataScope()));
        model.addAttribute("recentClues", clues.list(user.dataScope(), 5));
        return "dashboard";
    }

    @GetMapping("/{area:monitoring|evidence|casework|credit|inspection|campaign|report|publicity|portal}")
    String placeholder(@PathVariable String area, Model model) {
        model.addAttribute("area", Area.placeholder(area)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "placeholder";
    }
}
