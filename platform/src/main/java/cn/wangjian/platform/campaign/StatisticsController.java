package cn.wangjian.platform.campaign;

import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign statistics table of a campaign for a period and a region's subtree (the user's own subtree or below):
 * the page, its cells' acts, an agency's entries, the XLSX export and the same table as JSON.
 */
@Controller
@PreAuthorize(CampaignController.CAN_READ)
class StatisticsController {

    private final Campaigns campaigns;
    private final CampaignStatistics statistics;
    private final Directory directory;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    StatisticsController(Campaigns campaigns, CampaignStatistics statistics, Directory directory,
                         com.fasterxml.jackson.databind.ObjectMapper json) {
        this.campaigns = campaigns;
        this.statistics = statistics;
        this.directory = directory;
        this.json = json;
    }

    /** The period and region asked for, defaulting to the campaign's dates and the user's region. */
    private record Query(Campaigns.Campaign campaign, LocalDate from, LocalDate to, RegionCode region) {
    }

    private Query query(long id, LocalDate from, LocalDate to, String region, CurrentUser user) {
        Campaigns.Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        RegionCode r = region == null || region.isBlank() ? user.region() : regionOf(region);
        if (!user.region().contains(r)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "字段 region：" + r.value()
                    + " 不在您的辖区内 (outside your region)");
        }
        return new Query(c, from == null ? c.startsOn() : from, to == null ? c.endsOn() : to, r);
    }

    /** The regions the user may count, by name: the user's own and two levels below it. */
    private java.util.List<cn.wangjian.platform.identity.Region> regionChoices(CurrentUser user) {
        return directory.withDescendants(user.region(), 2);
    }

    private RegionCode regionOf(String code) {
        try {
            return new RegionCode(code);
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "字段 region：不是行政区划代码 (not a region code)");
        }
    }

    @GetMapping("/campaign/{id}/statistics")
    String page(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                LocalDate to, @RequestParam(required = false) String region,
                @RequestParam(defaultValue = "PENALTY_DECISIONS") String chart,
                @AuthenticationPrincipal CurrentUser user, Model model) throws java.io.IOException {
        Query q = query(id, from, to, region, user);
        CampaignStatistics.Table table = table(q);
        CampaignStatistics.Indicator charted = statistics.indicator(chart)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "字段 chart：没有这个统计指标"));
        model.addAttribute("charted", charted);
        model.addAttribute("chartData", json.writeValueAsString(
                statistics.breakdown(charted.code(), q.from(), q.to(), q.region())));
        model.addAttribute("indicators", statistics.indicators());
        model.addAttribute("campaign", q.campaign());
        model.addAttribute("table", table);
        model.addAttribute("agencies", agencies());
        model.addAttribute("regionName", directory.fullName(q.region()));
        java.util.List<cn.wangjian.platform.identity.Region> choices = new java.util.ArrayList<>(regionChoices(user));
        if (choices.stream().noneMatch(r -> r.code().equals(q.region()))) {
            directory.region(q.region().value()).ifPresent(choices::add);     // the region asked for stays selected
        }
        model.addAttribute("regionChoices", choices);
        model.addAttribute("enterable", statistics.indicators().stream()
                .filter(i -> i.entered() && i.agency().equals(user.agencyCode())).toList());
        model.addAttribute("userRegion", user.region().value());
        return "campaign/statistics";
    }

    @GetMapping("/campaign/{id}/statistics/acts")
    String acts(@PathVariable long id, @RequestParam String indicator, @RequestParam(required = false) String category,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user, Model model) {
        Query q = query(id, from, to, region, user);
        CampaignStatistics.Indicator i = statistics.indicator(indicator)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", q.campaign());
        model.addAttribute("indicator", i);
        model.addAttribute("category", category);
        model.addAttribute("from", q.from());
        model.addAttribute("to", q.to());
        model.addAttribute("region", q.region().value());
        model.addAttribute("acts", statistics.acts(i.code(), blank(category), q.from(), q.to(), q.region()));
        model.addAttribute("agencies", agencies());
        return "campaign/acts";
    }

    @PostMapping("/campaign/{id}/statistics/entries")
    String enter(@PathVariable long id, @RequestParam String indicator, @RequestParam String region,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                 @RequestParam long quantity, @RequestParam String note, @AuthenticationPrincipal CurrentUser user,
                 RedirectAttributes flash) {
        campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            CampaignStatistics.Act a = statistics.enter(indicator, region, day, quantity, note, user);
            flash.addFlashAttribute("message", "已填报：" + statistics.indicator(a.indicator()).orElseThrow().label()
                    + " " + a.quantity());
        } catch (CampaignRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/campaign/" + id + "/statistics";
    }

    @GetMapping(value = "/api/campaign/{id}/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    CampaignStatistics.Table api(@PathVariable long id, @RequestParam(required = false)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate to, @RequestParam(required = false) String region,
                                 @AuthenticationPrincipal CurrentUser user) {
        return table(query(id, from, to, region, user));
    }

    @GetMapping("/campaign/{id}/statistics.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, @RequestParam(required = false)
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                LocalDate to, @RequestParam(required = false) String region,
                                @AuthenticationPrincipal CurrentUser user) throws IOException {
        Query q = query(id, from, to, region, user);
        CampaignStatistics.Table table = table(q);
        byte[] body = workbook(q, table, agencies(), directory.fullName(q.region()));
        String name = q.campaign().name() + "情况统计表-" + q.region().value() + "-" + q.from() + "至" + q.to() + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    private CampaignStatistics.Table table(Query q) {
        try {
            return statistics.table(q.from(), q.to(), q.region());
        } catch (CampaignRefusedException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /**
     * The table's layout: title, period and region, then per agency its indicators (unit, figure, records), and under
     * an indicator broken down by violation category, one line per category ("其中："). Figures are numbers.
     */
    static byte[] workbook(Query q, CampaignStatistics.Table table, Map<String, String> agencies, String regionName)
            throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("专项行动情况统计表");
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(q.campaign().name() + "情况统计表");
            sheet.createRow(r++).createCell(0).setCellValue("统计区域：" + regionName + "（" + table.region()
                    + "）；统计期间：" + table.from() + " 至 " + table.to());
            Row header = sheet.createRow(r++);
            String[] titles = {"部门", "指标", "单位", "数值", "记录数"};
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(titles[c]);
            }
            for (Map.Entry<String, List<CampaignStatistics.Row>> e : table.byAgency().entrySet()) {
                for (CampaignStatistics.Row row : e.getValue()) {
                    Row x = sheet.createRow(r++);
                    x.createCell(0).setCellValue(agencies.getOrDefault(e.getKey(), e.getKey()));
                    x.createCell(1).setCellValue(row.indicator().label());
                    x.createCell(2).setCellValue(row.indicator().unit());
                    Cell v = x.createCell(3);
                    v.setCellValue(row.total().doubleValue());
                    x.createCell(4).setCellValue(row.acts());
                    for (Map.Entry<String, BigDecimal> c : row.byCategory().entrySet()) {
                        Row y = sheet.createRow(r++);
                        y.createCell(0).setCellValue(agencies.getOrDefault(e.getKey(), e.getKey()));
                        y.createCell(1).setCellValue("其中：" + c.getKey());
                        y.createCell(2).setCellValue(row.indicator().unit());
                        y.createCell(3).setCellValue(c.getValue().doubleValue());
                    }
                }
            }
            for (int c = 0; c < titles.length; c++) {
                sheet.setColumnWidth(c, c == 1 ? 40 * 256 : 14 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private Map<String, String> agencies() {
        return directory.agencyShortNames();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
