package cn.wangjian.platform.publicity;

import cn.wangjian.platform.casework.PartyKind;
import cn.wangjian.platform.casework.PenaltyKind;
import cn.wangjian.platform.identity.CurrentUser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publications over the API, and the Credit China export in the 双公示 exchange format (the 30 columns of
 * enforcement-documents.md §2 in their order; amounts in 万元 with 6 decimals; dates YYYY/MM/DD). Left empty: the ID
 * numbers of natural persons (kept out of files), the other registration codes, the legal representative, and the
 * authorities' own credit codes, which the platform does not hold yet; 处罚有效期 is the display end [R].
 */
@RestController
@PreAuthorize("hasAnyRole('CREDIT_OFFICER','CASE_OFFICER','ADMIN')")
class PublicityApiController {

    static final List<String> COLUMNS = List.of("行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）",
            "行政相对人代码_2（工商注册号）", "行政相对人代码_3（组织机构代码）", "行政相对人代码_4（税务登记号）",
            "行政相对人代码_5（事业单位证书号）", "行政相对人代码_6（社会组织登记证号）", "法定代表人", "法定代表人证件类型",
            "法定代表人证件号码", "证件类型", "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据",
            "处罚类别", "处罚内容", "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号",
            "处罚决定日期", "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位",
            "数据来源单位统一社会信用代码", "备注");
    private static final DateTimeFormatter SLASHES = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final Publications publications;

    PublicityApiController(Publications publications) {
        this.publications = publications;
    }

    @GetMapping("/api/publicity/publications")
    List<Publications.Publication> list(@AuthenticationPrincipal CurrentUser user,
                                        @RequestParam(defaultValue = "false") boolean open) {
        return open ? publications.worklist(user.dataScope(), 500) : publications.list(user.dataScope(), 500);
    }

    /** Credit China records of the scope (published, or all open and published with {@code all=true}), as rows. */
    private List<List<String>> creditChinaRows(CurrentUser user, boolean all) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Publications.Publication p : publications.list(user.dataScope(), 100_000)) {
            if (p.channel() != Channel.CREDIT_CHINA || !(p.state() == PublicationState.PUBLISHED
                    || all && p.state().open())) {
                continue;
            }
            Publications.PenaltyRecord r = p.record();
            boolean person = r.partyKind() == PartyKind.NATURAL_PERSON;
            rows.add(List.of(p.publicParty() != null ? p.publicParty() : r.partyName(), r.partyKind().label(),
                    nz(r.creditCode()), "", "", "", "", "", "", "", "", "", "", r.decisionNo(), r.violationLabel(),
                    p.publicFacts() != null ? p.publicFacts() : r.facts(), r.legalBasis(), r.kindLabels(),
                    p.publicContent() != null ? p.publicContent() : r.content(), wan(r.fineYuan()),
                    wan(r.confiscatedYuan()), nz(r.licence()), r.decidedOn().format(SLASHES),
                    r.kinds().stream().anyMatch(k -> k == PenaltyKind.REVOKE_LICENCE || k == PenaltyKind.CLOSE)
                            ? "2099/12/31" : p.displayUntil() == null ? "" : p.displayUntil().format(SLASHES),
                    p.displayUntil() == null ? "" : p.displayUntil().format(SLASHES), r.authorityName(), "",
                    r.authorityName(), "", person ? "自然人证件号码不随导出文件提供" : ""));
        }
        return rows;
    }

    @GetMapping("/api/publicity/exports/credit-china.csv")
    ResponseEntity<byte[]> creditChina(@AuthenticationPrincipal CurrentUser user,
                                       @RequestParam(defaultValue = "false") boolean all) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .build())) {
            for (List<String> row : creditChinaRows(user, all)) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credit-china.csv\"").body(body);
    }

    @GetMapping("/api/publicity/exports/credit-china.xlsx")
    ResponseEntity<byte[]> creditChinaXlsx(@AuthenticationPrincipal CurrentUser user,
                                           @RequestParam(defaultValue = "false") boolean all) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("行政处罚信息");
            var header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
            }
            int n = 1;
            for (List<String> row : creditChinaRows(user, all)) {
                var r = sheet.createRow(n++);
                for (int i = 0; i < row.size(); i++) {
                    r.createCell(i).setCellValue(row.get(i));      // text cells: amounts keep their six decimals
                }
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credit-china.xlsx\"").body(out.toByteArray());
    }

    private static String wan(BigDecimal yuan) {
        return yuan == null ? "" : yuan.divide(BigDecimal.valueOf(10_000), 6, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
