package cn.wangjian.platform.credit;

import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.Clue;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.publicity.Publications;
import cn.wangjian.platform.registry.Registry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The credit file of a subject (信用档案), gathered under its unified social credit code from every area: the
 * registry's facts, licences, shops and websites; penalties of every agency with their publication; the lists it is
 * on and the joint-punishment measures in force; and, for officials, the clues and cases their scope allows.
 */
@Service
public class CreditFiles {

    /** A penalty and its publications. */
    public record Penalty(Publications.PenaltyRecord record, List<Publications.Publication> publications) {
    }

    /** A measure that applies to the subject today, because of a listing. */
    public record Restriction(Measures.Measure measure, ListKind list, String documentNo, LocalDate listedOn,
                              LocalDate until) {
    }

    /** The official's view. */
    public record CreditFile(String creditCode, Optional<Registry.Enterprise> enterprise, List<Registry.Licence> licences,
                             List<Registry.Shop> shops, List<Registry.Website> websites, List<Penalty> penalties,
                             List<CreditLists.Entry> lists, List<Restriction> restrictions, List<Clue> clues,
                             List<CaseFiles.CaseView> cases, List<SubjectFindings.Finding> findings) {
        /** The registered name, or the code when the registry does not hold the subject. */
        public String displayName() {
            return enterprise.map(Registry.Enterprise::name).orElse(creditCode);
        }

        public long agencies() {
            return penalties.stream().map(p -> p.record().agencyCode()).distinct().count();
        }
    }

    private final Registry registry;
    private final Publications publications;
    private final CreditLists lists;
    private final ClueRegister clues;
    private final CaseFiles cases;
    private final Clock clock;
    private final List<SubjectFindings> findings;

    CreditFiles(Registry registry, Publications publications, CreditLists lists, ClueRegister clues, CaseFiles cases,
                Clock clock, List<SubjectFindings> findings) {
        this.findings = findings;
        this.registry = registry;
        this.publications = publications;
        this.lists = lists;
        this.clues = clues;
        this.cases = cases;
        this.clock = clock;
    }

    public CreditFile of(String creditCode, CurrentUser official) {
        List<Penalty> penalties = publications.allRecordsOf(creditCode).stream()
                .map(r -> new Penalty(r, publications.ofRecord(r.id()))).toList();
        List<Registry.Shop> shops = registry.shopsOf(creditCode);
        List<SubjectFindings.ShopRef> refs = shops.stream()
                .map(s -> new SubjectFindings.ShopRef(s.platformCode(), s.shopId())).toList();
        return new CreditFile(creditCode, registry.enterprise(creditCode), registry.licencesOf(creditCode), shops,
                registry.websitesOf(creditCode), penalties, lists.of(creditCode, official.dataScope()),
                restrictions(creditCode), clues.ofSubject(creditCode, official.dataScope(), 100),
                cases.ofSubject(creditCode, official.dataScope()),
                findings.stream().flatMap(f -> f.findings(refs, official.dataScope(), 100).stream()).toList());
    }

    /** What applies to the subject today: the measures of every list it is on. */
    public List<Restriction> restrictions(String creditCode) {
        LocalDate today = LocalDate.now(clock);
        return lists.inForce(creditCode).stream().flatMap(e -> Measures.forList(e.kind()).stream()
                .map(m -> new Restriction(m, e.kind(), e.documentNo(), e.listedOn(), e.expiresOn())))
                .filter(r -> r.until() == null || !r.until().isBefore(today)).toList();
    }
}
