package cn.wangjian.engine.registry;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Registered enterprise names, indexed to find names that impersonate them (冒用企业名称): the same name core with
 * another organisational form or region in brackets ("suffix games"), or a core one character away (a character
 * changed, added or left out). The core is the name without bracketed parts, organisational forms and shop words,
 * folded to simplified, half-width, lower case. Lookups use a deletion-neighbourhood index, so one is a handful
 * of hash probes whatever the number of names.
 */
public final class NameIndex {

    /** How a name resembles a registered one. */
    public enum Similarity {
        /** The same name. */
        IDENTICAL,
        /** The same core with another form, region or suffix (北京某某科技有限公司 / 某某科技（北京）有限责任公司). */
        SAME_CORE,
        /** A core one character away (替换、增加或减少一个字). */
        ONE_CHARACTER
    }

    public record Match(String registeredName, Similarity similarity) {
    }

    private static final String[] SUFFIXES = {"股份有限公司", "有限责任公司", "有限公司", "集团公司", "分公司", "总公司",
            "公司", "集团", "商行", "经营部", "工作室", "官方旗舰店", "旗舰店", "专卖店", "专营店", "官方店", "网店", "店", "官方网站", "官网", "网站"};
    private static final int MIN_CORE = 4;

    private final Map<String, List<String>> byCore = new HashMap<>();
    private final Map<String, List<String>> byDeletion = new HashMap<>();

    public NameIndex(Iterable<String> registeredNames) {
        for (String name : registeredNames) {
            String core = core(name);
            if (core.isEmpty()) {
                continue;
            }
            byCore.computeIfAbsent(core, k -> new ArrayList<>(1)).add(name);
            if (core.length() >= MIN_CORE) {
                for (int i = 0; i < core.length(); i++) {
                    String d = core.substring(0, i) + core.substring(i + 1);
                    List<String> cores = byDeletion.computeIfAbsent(d, k -> new ArrayList<>(1));
                    if (!cores.contains(core)) {
                        cores.add(core);
                    }
                }
            }
        }
    }

    /**
     * A name or query in the form names are searched in: full-width to half-width, traditional to simplified
     * characters, spaces removed ("杭州 星辰數碼" → "杭州星辰数码").
     */
    public static String searchForm(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return HanLP.convertToSimplifiedChinese(n).replaceAll("\\s+", "");
    }

    /** The core of a name: what a seller cannot change without changing the name. */
    public static String core(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = HanLP.convertToSimplifiedChinese(n);
        n = n.replaceAll("\\([^)]*\\)", "");
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String s : SUFFIXES) {
                if (n.endsWith(s) && n.length() > s.length()) {
                    n = n.substring(0, n.length() - s.length());
                    changed = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Registered names this name resembles, the closest first; empty when it resembles none. */
    public List<Match> similar(String name) {
        String core = core(name);
        Set<Match> out = new LinkedHashSet<>();
        if (core.isEmpty()) {
            return List.of();
        }
        for (String registered : byCore.getOrDefault(core, List.of())) {
            out.add(new Match(registered, registered.equals(name.strip()) ? Similarity.IDENTICAL : Similarity.SAME_CORE));
        }
        if (core.length() >= MIN_CORE) {
            Set<String> cores = new LinkedHashSet<>();
            // a character left out or added: the query equals a deletion of a core, or a core equals a deletion
            cores.addAll(byDeletion.getOrDefault(core, List.of()));
            for (int i = 0; i < core.length(); i++) {
                String d = core.substring(0, i) + core.substring(i + 1);
                if (byCore.containsKey(d)) {
                    cores.add(d);
                }
                // a character changed: both lose the same position
                for (String c : byDeletion.getOrDefault(d, List.of())) {
                    if (c.length() == core.length() && differsAtOne(c, core)) {
                        cores.add(c);
                    }
                }
            }
            cores.remove(core);
            for (String c : cores) {
                for (String registered : byCore.get(c)) {
                    out.add(new Match(registered, Similarity.ONE_CHARACTER));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean differsAtOne(String a, String b) {
        int diff = 0;
        for (int i = 0; i < a.length() && diff <= 1; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                diff++;
            }
        }
        return diff == 1;
    }
}
