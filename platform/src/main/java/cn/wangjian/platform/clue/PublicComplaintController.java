package cn.wangjian.platform.clue;

import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.PublicRateLimit;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.registry.Registry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The public complaint and report form (no login), its receipt, and following one up with its number and code. */
@Controller
class PublicComplaintController {

    private final PublicComplaints complaints;
    private final Directory directory;
    private final Registry registry;
    private final PublicRateLimit rateLimit;

    PublicComplaintController(PublicComplaints complaints, Directory directory, Registry registry,
                              PublicRateLimit rateLimit) {
        this.complaints = complaints;
        this.directory = directory;
        this.registry = registry;
        this.rateLimit = rateLimit;
    }

    /** The form; the province chosen first, then its counties (a page, not a script, so it works everywhere). */
    @GetMapping("/public/complaints")
    String form(@RequestParam(required = false) String province, Model model) {
        model.addAttribute("provinces", directory.children(new RegionCode("000000")));
        if (province != null && province.matches("\\d{6}") && directory.region(province).isPresent()) {
            model.addAttribute("province", province);
            model.addAttribute("counties", counties(new RegionCode(province)));
        }
        model.addAttribute("platforms", registry.platforms());
        return "clue/public-complaint";
    }

    @PostMapping("/public/complaints")
    String file(@RequestParam(required = false) PublicComplaints.Kind kind,
                @RequestParam(required = false) String region, @RequestParam(required = false) String province,
                @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                @RequestParam(required = false) String address, @RequestParam(required = false) String respondent,
                @RequestParam(required = false) String respondentAddress,
                @RequestParam(required = false) String platformCode, @RequestParam(required = false) String shopId,
                @RequestParam(required = false) String request, @RequestParam(required = false) String facts,
                @RequestParam(required = false) Boolean agreesToMediation,
                @RequestParam(name = "files", required = false) List<MultipartFile> files,
                HttpServletRequest http, HttpServletResponse response, Model model) throws IOException {
        if (!rateLimit.allow("complaint-file", http.getRemoteAddr(), 5, 600)) {
            response.setStatus(429);
            model.addAttribute("error", "提交过于频繁，请十分钟后再试");
            return form(province, model);
        }
        List<PublicComplaints.Attachment> attachments = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                attachments.add(new PublicComplaints.Attachment(f.getOriginalFilename(), f.getBytes()));
            }
        }
        try {
            PublicComplaints.Receipt receipt = complaints.file(new PublicComplaints.Filing(kind, region,
                    new PublicComplaints.Filer(name, phone, address),
                    new PublicComplaints.Respondent(respondent, respondentAddress, platformCode, shopId), request,
                    facts, agreesToMediation, attachments));
            model.addAttribute("receipt", receipt);
            return "clue/public-receipt";
        } catch (ComplaintRefusedException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            // what was typed is shown again, never lost (attachments must be chosen again)
            model.addAttribute("kind", kind);
            model.addAttribute("region", region);
            model.addAttribute("typed", new PublicComplaints.Filing(kind, region,
                    new PublicComplaints.Filer(name, phone, address),
                    new PublicComplaints.Respondent(respondent, respondentAddress, platformCode, shopId), request,
                    facts, agreesToMediation, List.of()));
            return form(province != null ? province
                    : region != null && region.matches("\\d{6}") ? region.substring(0, 2) + "0000" : null, model);
        }
    }

    @GetMapping("/public/complaints/status")
    String statusForm() {
        return "clue/public-status";
    }

    @PostMapping("/public/complaints/status")
    String status(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
                  HttpServletRequest http, HttpServletResponse response, Model model) {
        if (!rateLimit.allow("complaint-status", http.getRemoteAddr(), 10, 600)) {
            response.setStatus(429);
            model.addAttribute("error", "查询过于频繁，请十分钟后再试");
            return "clue/public-status";
        }
        model.addAttribute("number", number);
        complaints.status(number, code).ifPresentOrElse(s -> model.addAttribute("status", s),
                () -> model.addAttribute("error", "编号或查询码不正确"));
        return "clue/public-status";
    }

    private List<cn.wangjian.platform.identity.Region> counties(RegionCode province) {
        List<cn.wangjian.platform.identity.Region> out = new ArrayList<>();
        for (var child : directory.children(province)) {
            List<cn.wangjian.platform.identity.Region> below = directory.children(child.code());
            if (below.isEmpty()) {
                out.add(child);
            } else {
                out.addAll(below);
            }
        }
        return out;
    }
}
