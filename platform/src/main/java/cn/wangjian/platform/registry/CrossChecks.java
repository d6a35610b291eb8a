package cn.wangjian.platform.registry;

import cn.wangjian.engine.registry.NameIndex;
import cn.wangjian.engine.registry.NumberFormats;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Cross-checks of the registry: shops and websites against the subjects and licences on record. Each finding
 * cites the law article of its check; the checks and their citations are data ({@code cross-checks.json}).
 */
@Service
public class CrossChecks {

    /** One check as the rules file defines it. */
    public record Check(String id, String title, String law, String article, LocalDate effectiveFrom,
                        String verification) {
    }

    /** What a check found about one shop, website or licence. */
    public record Finding(String check, String title, String subjectKind, String subject, String detail,
                          String law, String article, boolean citationToBeConfirmed) {
    }

    private static final Pattern FOOD_CATEGORY = Pattern.compile("(?i).*(食品|食用农产品|保健食品|FOOD).*");
    private static final Pattern FILING_SUFFIX = Pattern.compile("-\\d+[A-Z]?$");
    private static final Map<String, String> LICENCE_FORMAT = Map.of(
            "FOOD_BUSINESS", "FOOD_BUSINESS_LICENCE", "FOOD_PRODUCTION", "FOOD_PRODUCTION_LICENCE",
            "ICP_LICENCE", "ICP_LICENCE");

    private final JdbcClient jdbc;
    private final String version;
    private final Map<String, Check> checks;

    private final java.time.Clock clock;

    CrossChecks(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        JsonNode root;
        try (InputStream in = CrossChecks.class.getResourceAsStream("cross-checks.json")) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = root.path("version").asText();
        Map<String, Check> byId = new LinkedHashMap<>();
        for (JsonNode c : root.path("checks")) {
            byId.put(c.path("id").asText(), new Check(c.path("id").asText(), c.path("title").asText(),
                    c.path("law").asText(), c.path("article").asText(),
                    LocalDate.parse(c.path("effective_from").asText()), c.path("verification").asText("R")));
        }
        this.checks = Map.copyOf(byId);
    }

    public String version() {
        return version;
    }

    public List<Check> checks() {
        return checks.values().stream().sorted(java.util.Comparator.comparing(Check::id)).toList();
    }

    /** Runs every check against the registry as it stands; licences are judged valid or not on {@code on}. */
    public List<Finding> run(LocalDate on) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> status = new HashMap<>();
        Map<String, List<String>> codesByName = new HashMap<>();
        jdbc.sql("SELECT credit_code, name, status FROM enterprise").query(rs -> {
            status.put(rs.getString(1), rs.getString(3));
            codesByName.computeIfAbsent(rs.getString(2), k -> new ArrayList<>(1)).add(rs.getString(1));
        });
        Map<String, List<String[]>> licences = new HashMap<>();
        jdbc.sql("SELECT kind, number, holder_credit_code, valid_from, valid_to FROM licence ORDER BY kind, number")
                .query(rs -> {
                    String[] l = {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
                    licences.computeIfAbsent(l[2].strip(), k -> new ArrayList<>()).add(l);
                    String format = LICENCE_FORMAT.get(l[0]);
                    if (format != null) {
                        NumberFormats.builtIn().problem(format, l[1]).ifPresent(p ->
                                out.add(finding("LICENCE_NUMBER_MALFORMED", "LICENCE", l[0] + " " + l[1], p)));
                    }
                    if (!status.containsKey(l[2].strip())) {
                        out.add(finding("OPERATOR_UNREGISTERED", "LICENCE", l[0] + " " + l[1],
                                "持证主体 " + l[2] + " 不在登记库中"));
                    }
                });
        NameIndex names = new NameIndex(codesByName.keySet());
        jdbc.sql("""
                SELECT s.platform_code, s.shop_id, s.shop_name, s.operator_credit_code, s.licence_info, s.category
                FROM shop s ORDER BY s.platform_code, s.shop_id""").query(rs -> {
            String key = rs.getString(1) + "/" + rs.getString(2) + " " + rs.getString(3);
            String operator = rs.getString(4) == null ? null : rs.getString(4).strip();
            if (operator == null) {
                out.add(finding("OPERATOR_UNREGISTERED", "SHOP", key, "店铺未登记经营者统一社会信用代码"));
            } else if (!status.containsKey(operator)) {
                out.add(finding("OPERATOR_UNREGISTERED", "SHOP", key, "经营者 " + operator + " 不在登记库中"));
            } else if (!"ACTIVE".equals(status.get(operator))) {
                out.add(finding("OPERATOR_NOT_ACTIVE", "SHOP", key, "经营者 " + operator + " 登记状态为 "
                        + statusLabel(status.get(operator))));
            }
            if (rs.getString(5) == null || rs.getString(5).isBlank()) {
                out.add(finding("LICENCE_INFO_NOT_DISPLAYED", "SHOP", key, "店铺首页未公示营业执照信息或其链接标识"));
            }
            String category = rs.getString(6);
            if (category != null && FOOD_CATEGORY.matcher(category).matches()) {
                List<String[]> held = operator == null ? List.of() : licences.getOrDefault(operator, List.of()).stream()
                        .filter(l -> l[0].equals("FOOD_BUSINESS")).toList();
                List<String[]> valid = held.stream().filter(l -> validOn(l, on)).toList();
                if (valid.isEmpty()) {
                    out.add(finding("FOOD_WITHOUT_LICENCE", "SHOP", key, held.isEmpty()
                            ? "经营类目“" + category + "”，经营者无食品经营许可证记录"
                            : "经营类目“" + category + "”，食品经营许可证 " + held.get(0)[1] + " 在 " + on
                              + " 不在有效期内（" + nz(held.get(0)[3]) + " 至 " + nz(held.get(0)[4]) + "）"));
                }
            }
            imitations(names, codesByName, rs.getString(3), operator, "NAME_RESEMBLES_OTHER_SUBJECT", "SHOP", key,
                    "店铺名称", out);
        });
        Map<String, Set<String>> operatorsByFiling = new HashMap<>();
        List<String[]> websites = new ArrayList<>();
        jdbc.sql("SELECT address, kind, icp_filing, operator_credit_code, name FROM website ORDER BY address").query(rs -> {
            String[] w = {rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4) == null ? null : rs.getString(4).strip()};
            websites.add(w);
            if (rs.getString(5) != null) {
                imitations(names, codesByName, rs.getString(5), w[3], "WEBSITE_NAME_RESEMBLES_OTHER_SUBJECT", "WEBSITE",
                        w[0], "网站名称“" + rs.getString(5) + "”", out);
            }
            if (w[3] != null && !status.containsKey(w[3])) {
                out.add(finding("WEBSITE_OPERATOR_UNREGISTERED", "WEBSITE", w[0], "经营者 " + w[3] + " 不在登记库中"));
            }
            if (w[2] == null || w[2].isBlank()) {
                if ("WEBSITE".equals(w[1])) {
                    out.add(finding("WEBSITE_FILING_MISSING", "WEBSITE", w[0], "未登记ICP备案号"));
                }
                return;
            }
            NumberFormats.builtIn().problem("ICP_FILING", w[2]).ifPresent(p ->
                    out.add(finding("WEBSITE_FILING_MALFORMED", "WEBSITE", w[0], p)));
            if (w[3] != null) {
                operatorsByFiling.computeIfAbsent(mainFiling(w[2]), k -> new TreeSet<>()).add(w[3]);
            }
        });
        for (String[] w : websites) {
            if (w[2] == null || w[2].isBlank() || w[3] == null) {
                continue;
            }
            Set<String> operators = operatorsByFiling.get(mainFiling(w[2]));
            if (operators.size() > 1) {
                out.add(finding("WEBSITE_FILING_SHARED", "WEBSITE", w[0], "备案号 " + mainFiling(w[2])
                        + " 同时被以下经营者的网站使用：" + String.join("、", operators)));
            }
        }
        return out;
    }

    /** A finding for each registered subject other than the operator whose name this name resembles. */
    private void imitations(NameIndex names, Map<String, List<String>> codesByName, String name, String operator,
                            String check, String subjectKind, String subject, String what, List<Finding> out) {
        for (NameIndex.Match m : names.similar(name)) {
            for (String code : codesByName.getOrDefault(m.registeredName(), List.of())) {
                if (!code.equals(operator)) {
                    out.add(finding(check, subjectKind, subject, what + "与 " + m.registeredName() + "（" + code + "）"
                            + similarityLabel(m.similarity()) + "，而经营者为 " + (operator == null ? "未登记" : operator)));
                }
            }
        }
    }

    /** Today in China, the default day on which licences are judged valid. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The filing without its per-site serial: 京ICP备12345678号-2 → 京ICP备12345678号. */
    static String mainFiling(String filing) {
        return FILING_SUFFIX.matcher(NumberFormats.normalise(filing)).replaceFirst("");
    }

    private static boolean validOn(String[] licence, LocalDate on) {
        return (licence[3] == null || !LocalDate.parse(licence[3]).isAfter(on))
                && (licence[4] == null || !LocalDate.parse(licence[4]).isBefore(on));
    }

    private Finding finding(String id, String subjectKind, String subject, String detail) {
        Check c = checks.get(id);
        if (c == null) {
            throw new IllegalStateException("cross-checks.json has no check " + id);
        }
        return new Finding(c.id(), c.title(), subjectKind, subject, detail, c.law(), c.article(),
                !"V".equals(c.verification()));
    }

    private static String nz(String s) {
        return s == null ? "不限" : s;
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "REVOKED" -> "吊销";
            case "CANCELLED" -> "注销";
            case "ABNORMAL" -> "经营异常";
            default -> status.toLowerCase(Locale.ROOT);
        };
    }

    private static String similarityLabel(NameIndex.Similarity s) {
        return switch (s) {
            case IDENTICAL -> "相同";
            case SAME_CORE -> "字号相同";
            case ONE_CHARACTER -> "仅差一字";
        };
    }
}
