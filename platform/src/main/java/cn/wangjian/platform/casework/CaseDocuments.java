package cn.wangjian.platform.casework;

import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The prior notice (行政处罚告知书, no. 37) and the penalty decision (行政处罚决定书, no. 45) as PDF with an embedded
 * Chinese font (Debian fonts-noto-cjk, Noto Serif CJK SC), laid out in the order of
 * shared/reference/enforcement-documents.md §1.3 and §1.4. The seal is applied on paper or by the e-seal system.
 */
@Component
class CaseDocuments {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Directory directory;
    private final ClueRegister clues;

    private final Authorities authorities;
    private final cn.wangjian.platform.registry.Registry registry;
    private final cn.wangjian.platform.identity.UserAccounts accounts;

    CaseDocuments(Directory directory, ClueRegister clues, Authorities authorities,
                  cn.wangjian.platform.registry.Registry registry, cn.wangjian.platform.identity.UserAccounts accounts) {
        this.authorities = authorities;
        this.registry = registry;
        this.accounts = accounts;
        this.directory = directory;
        this.clues = clues;
    }

    private BaseFont font() {
        return cn.wangjian.platform.documents.ChineseFont.get();
    }

    /** The authority's name, e.g. 北京市东城区市场监督管理局. */
    String authority(String agency, String region) {
        return authorities.name(agency, region);
    }

    byte[] notice(CaseFiles.CaseView c, CaseStage.Noticed n) {
        CaseStage.Notice notice = n.notice();
        return pdf(authority(c.agencyCode(), c.regionCode()), "行政处罚告知书", notice.noticeNo(), List.of(
                "当事人：" + n.dossier().subjectName(),
                "统一社会信用代码：" + nz(n.dossier().creditCode()),
                "本局于" + date(n.filing().filedOn()) + "立案调查（立案号 " + n.filing().caseNo() + "），现查明：" + n.findings(),
                "本局拟对你（单位）作出如下行政处罚：" + notice.proposedPenalty() + "。",
                "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。"
                        + (notice.hearingRight() ? "根据该法第六十三条、第六十四条的规定，你（单位）有权要求听证，应当在收到本告知书之日起五个工作日内（至 "
                        + date(notice.hearingRequestBy()) + (notice.windowProvisional() ? "，暂定，以国务院公布的节假日安排为准" : "")
                        + "）提出。" : "")
                        + "逾期未提出的，视为放弃上述权利。",
                "办案人员：" + String.join("、", officers(n.filing()))),
                notice.servedOn());
    }

    /**
     * The officers as the filing recorded them (name and certificate on the day of filing); filings from before that
     * was recorded name the login only, and the directory's present entry is printed instead.
     */
    private List<String> officers(CaseStage.Filing filing) {
        return filing.officers().stream().map(o -> o.certificateNo() != null ? o.printed()
                : accounts.officer(o.username()).map(cn.wangjian.platform.identity.UserAccounts.Officer::printed)
                .orElse(o.printed())).toList();
    }

    byte[] decision(CaseFiles.CaseView c, CaseStage.WithDecision d) {
        CaseStage.Decision decision = d.decision();
        List<String> evidence = clues.evidence(d.dossier().clueId()).stream()
                .map(e -> "电子证据第 " + e.evidenceSeq() + " 号（" + nz(e.note()) + "）").toList();
        String authority = authority(c.agencyCode(), c.regionCode());
        String place = authority.replace("市场监督管理局", "").replace("部门", "");
        Party party = decision.party();
        String code = party != null ? party.creditCode() : d.dossier().creditCode();
        java.util.Optional<cn.wangjian.platform.registry.Registry.Enterprise> registered =
                code == null ? java.util.Optional.empty() : registry.enterprise(code);
        List<String> officers = officers(d.filing());
        Sanction sanction = decision.sanction();
        return pdf(authority, "行政处罚决定书", decision.decisionNo(), List.of(
                "当事人：" + d.dossier().subjectName() + (party == null ? "" : "（" + party.kind().label() + "）"),
                "主体资格证照名称：" + (party != null && party.kind() == PartyKind.NATURAL_PERSON
                        ? nz(party.idType()) : "《营业执照》"),
                party != null && party.kind() == PartyKind.NATURAL_PERSON ? "身份证件号码：" + nz(party.idNumber())
                        : "统一社会信用代码：" + nz(code),
                "住所（经营场所）：" + registered.map(e -> nz(e.address())).orElse("（主体库无登记）"),
                "法定代表人（负责人）：" + registered.map(e -> nz(e.legalRep())).orElse("（主体库无登记）"),
                "案件来源：" + d.dossier().conduct() + "。本局于" + date(d.filing().filedOn()) + "立案调查（立案号 "
                        + d.filing().caseNo() + "），办案人员：" + String.join("、", officers) + "。",
                "经查：" + nz(d.findings()),
                "上述事实，有" + (evidence.isEmpty() ? "现场笔录、询问笔录等" : String.join("、", evidence)) + "等证据证明。",
                d.notice() == null ? "" : "本局于" + date(d.notice().servedOn()) + "向当事人送达《行政处罚告知书》（"
                        + d.notice().noticeNo() + "），告知拟作出的行政处罚及当事人依法享有的陈述、申辩"
                        + (d.notice().hearingRight() ? "、要求听证" : "") + "的权利。",
                decision.reasons() == null || decision.reasons().defence() == null ? ""
                        : "当事人的陈述、申辩（听证）意见及采纳情况：" + decision.reasons().defence(),
                decision.reasons() == null || decision.reasons().discretion() == null ? ""
                        : "裁量理由：" + decision.reasons().discretion(),
                "依据" + decision.legalBasis() + "的规定，本局决定：" + decision.penalty() + "。"
                        + (sanction == null ? "" : "（违法行为类型：" + ViolationTypes.of(sanction.violationType())
                        .map(ViolationTypes.Type::label).orElse(sanction.violationType()) + "；处罚种类：" + sanction.kindLabels()
                        + (sanction.fineYuan() == null ? "" : "；罚款 " + sanction.fineYuan().toPlainString() + " 元")
                        + (sanction.confiscatedYuan() == null ? "" : "；没收金额 " + sanction.confiscatedYuan().toPlainString() + " 元")
                        + "）"),
                "当事人应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款（行政处罚法第六十七条）。"
                        + "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额；本局将依法申请人民法院强制执行。",
                "当事人如不服本决定，可以在收到本决定书之日起六十日内向" + place + "人民政府申请行政复议，或者在六个月内依法向"
                        + place + "有管辖权的人民法院提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。",
                sanction != null && sanction.warningOnly() ? "本决定只处以警告，依法不予公示。"
                        : "本决定将依照《市场监督管理行政处罚信息公示规定》，自作出之日起二十个工作日内通过国家企业信用信息公示系统向社会公示。"),
                decision.decidedOn());
    }

    private byte[] pdf(String authority, String title, String number, List<String> paragraphs, LocalDate on) {
        BaseFont base = font();
        Font heading = new Font(base, 18, Font.BOLD);
        Font sub = new Font(base, 14);
        Font body = new Font(base, 12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 72, 72, 72, 72);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title + " " + number);
            doc.open();
            Paragraph a = new Paragraph(authority, heading);
            a.setAlignment(Element.ALIGN_CENTER);
            doc.add(a);
            Paragraph t = new Paragraph(title, heading);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph no = new Paragraph(number, sub);
            no.setAlignment(Element.ALIGN_RIGHT);
            no.setSpacingAfter(12);
            doc.add(no);
            for (String p : paragraphs) {
                if (p.isEmpty()) {
                    continue;
                }
                Paragraph para = new Paragraph(p, body);
                para.setFirstLineIndent(24);
                para.setLeading(22);
                para.setSpacingAfter(6);
                doc.add(para);
            }
            doc.add(new Paragraph(" ", body));        // not Chunk.NEWLINE: its font is Helvetica, not embedded
            Paragraph sign = new Paragraph(authority + "（印章）", body);
            sign.setAlignment(Element.ALIGN_RIGHT);
            doc.add(sign);
            Paragraph date = new Paragraph(date(on), body);
            date.setAlignment(Element.ALIGN_RIGHT);
            doc.add(date);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("无法生成文书 (cannot write the document): " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.format(CHINESE_DATE);
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
