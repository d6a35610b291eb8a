package cn.wangjian.platform.campaign;

import cn.wangjian.platform.identity.CurrentUser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A partner agency's counts as a CSV file: uploaded on the statistics page or posted by the agency's system. */
@Controller
@PreAuthorize(FieldController.CAN_RECORD)
class EntryImportController {

    private final EntryImports imports;

    EntryImportController(EntryImports imports) {
        this.imports = imports;
    }

    @PostMapping("/campaign/{id}/statistics/imports")
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                  @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) throws IOException {
        try {
            EntryImports.Imported done = imports.importCsv(file.getOriginalFilename(), file.getBytes(), user);
            flash.addFlashAttribute("message", "已导入统计数 " + done.rows() + " 行（导入批次 " + done.importId() + "）");
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/" + id + "/statistics";
    }

    /** {@code POST /api/campaign/entries} with the CSV as the body: 201 with the rows, or 400 with every bad line. */
    @PostMapping(value = "/api/campaign/entries", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> api(@RequestBody byte[] body,
                                            @RequestParam(required = false) String fileName,
                                            @AuthenticationPrincipal CurrentUser user) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            EntryImports.Imported done = imports.importCsv(fileName, body, user);
            out.put("importId", done.importId());
            out.put("rows", done.rows());
            return ResponseEntity.status(HttpStatus.CREATED).body(out);
        } catch (EntryImports.Refused e) {
            out.put("error", "文件未导入 (nothing imported)");
            out.put("problems", e.problems());
            return ResponseEntity.badRequest().body(out);
        } catch (CampaignRefusedException e) {
            out.put("error", e.getMessage());
            return ResponseEntity.badRequest().body(out);
        }
    }
}
