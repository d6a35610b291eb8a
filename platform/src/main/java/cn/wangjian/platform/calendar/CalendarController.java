package cn.wangjian.platform.calendar;

import cn.wangjian.engine.calendar.HolidayNotice;
import cn.wangjian.engine.registry.TextEncoding;
import cn.wangjian.platform.identity.CurrentUser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * System administration of the working-day calendar (节假日安排): the years in force and their sources, and a new
 * year taken from the State Council's notice — pasted or uploaded, shown as a month view with the differences,
 * stored only when the administrator confirms.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CalendarController {

    static final int MAX_NOTICE_CHARS = 20_000;

    private final WorkingDays workingDays;

    CalendarController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping("/admin/calendar")
    String years(Model model) {
        java.util.List<WorkingDays.YearSource> years = new java.util.ArrayList<>(workingDays.years());
        java.util.Collections.reverse(years);
        model.addAttribute("years", years);
        model.addAttribute("missingYear", workingDays.missingYear().orElse(null));
        return "calendar/years";
    }

    @GetMapping("/admin/calendar/{year}")
    String year(@PathVariable int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("versions", workingDays.versions(year));
        model.addAttribute("months", workingDays.calendar().year(year).map(WorkingDays::months).orElse(null));
        return "calendar/year";
    }

    @PostMapping("/admin/calendar/preview")
    String preview(@RequestParam(required = false) String notice, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) Integer year, Model model) {
        String text;
        try {
            text = text(notice, file);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return years(model);
        }
        model.addAttribute("notice", text);
        model.addAttribute("givenYear", year);
        try {
            model.addAttribute("preview", workingDays.preview(text, year));
        } catch (HolidayNotice.InvalidNoticeException e) {
            model.addAttribute("problems", e.problems());
        }
        return "calendar/preview";
    }

    @PostMapping("/admin/calendar")
    String store(@RequestParam String notice, @RequestParam(required = false) Integer year,
                 @RequestParam(defaultValue = "false") boolean replace, @RequestParam(required = false) String note,
                 @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash, Model model) {
        try {
            WorkingDays.StoredYear stored = workingDays.store(limited(notice), year, replace, note, user.getUsername());
            flash.addFlashAttribute("message", "已保存 " + stored.year() + " 年节假日安排（第 " + stored.version()
                    + " 版）；暂定期限已按新安排重算");
            return "redirect:/admin/calendar/" + stored.year();
        } catch (HolidayNotice.InvalidNoticeException e) {
            model.addAttribute("notice", notice);
            model.addAttribute("problems", e.problems());
            return "calendar/preview";
        } catch (CalendarRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/calendar";
        }
    }

    private static String text(String pasted, MultipartFile file) {
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_NOTICE_CHARS * 4L) {
                throw new IllegalArgumentException("文件过大：通知全文通常不足 2 千字 (file too large)");
            }
            try {
                byte[] bytes = file.getBytes();
                return limited(TextEncoding.decode(bytes, TextEncoding.detect(bytes)));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("文件不是 UTF-8 或 GB18030 文本 (not UTF-8 or GB18030 text)");
            } catch (IOException e) {
                throw new IllegalArgumentException("文件无法读取 (cannot read the file)");
            }
        }
        if (pasted == null || pasted.isBlank()) {
            throw new IllegalArgumentException("请粘贴通知全文或上传通知文件 (paste or upload the notice)");
        }
        return limited(pasted);
    }

    static String limited(String text) {
        if (text.length() > MAX_NOTICE_CHARS) {
            throw new IllegalArgumentException("通知过长（超过 " + MAX_NOTICE_CHARS + " 字）(notice too long)");
        }
        return text;
    }
}
