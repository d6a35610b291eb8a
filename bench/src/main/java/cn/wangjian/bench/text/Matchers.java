package cn.wangjian.bench.text;

import cn.wangjian.engine.text.LawReference;
import cn.wangjian.engine.text.Rule;
import cn.wangjian.engine.text.RuleCatalog;
import cn.wangjian.engine.text.RuleKind;
import cn.wangjian.engine.text.Severity;
import cn.wangjian.engine.text.TextScanner;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import toolgood.words.IllegalWordsSearch;

/** The engines compared, behind one interface: build from a word list, count what a text holds. */
public final class Matchers {

    public interface Matcher {
        int count(String text);
    }

    public static final List<String> NAMES = List.of("wangjian", "hankcs", "toolgood", "houbb");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private Matchers() {
    }

    /** The built-in catalog's terms plus the benchmark's patterns, for the peers that take a plain list. */
    public static List<String> words(List<String> patterns) {
        Set<String> all = new LinkedHashSet<>();
        for (Rule r : RuleCatalog.builtIn().rules()) {
            all.addAll(r.terms());
        }
        all.addAll(patterns);
        return new ArrayList<>(all);
    }

    /** The built-in catalog with the benchmark's patterns as one more rule of plain terms. */
    public static RuleCatalog catalog(List<String> patterns) {
        if (patterns.isEmpty()) {
            return RuleCatalog.builtIn();
        }
        Rule bench = new Rule("BENCH-1", "benchmark", "基准测试词表", Severity.LOW, RuleKind.TERMS,
                List.of(new LawReference("基准测试", "—", null, LocalDate.of(2000, 1, 1), null, "V")),
                Set.of(), Set.of(), patterns, List.of(), List.of(), List.of(), 4, null, List.of(), null, false,
                false, "基准测试用的词表：普通词表，每次出现都算");
        return RuleCatalog.builtIn().with("bench", List.of(bench));
    }

    public static Matcher build(String name, List<String> patterns) {
        return switch (name) {
            case "wangjian" -> wangjian(TextScanner.build(catalog(patterns)));
            case "hankcs" -> hankcs(words(patterns));
            case "toolgood" -> toolgood(words(patterns));
            case "houbb" -> houbb(words(patterns));
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static Matcher wangjian(TextScanner scanner) {
        return text -> {
            int[] n = new int[1];
            scanner.scan(text, null, DAY, f -> n[0]++);
            return n[0];
        };
    }

    public static Matcher hankcs(List<String> words) {
        TreeMap<String, String> map = new TreeMap<>();
        for (String w : words) {
            map.put(w, w);
        }
        AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(map);
        return text -> {
            int[] n = new int[1];
            trie.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<String>) (begin, end, value) -> n[0]++);
            return n[0];
        };
    }

    public static Matcher toolgood(List<String> words) {
        IllegalWordsSearch search = new IllegalWordsSearch();
        search.SetKeywords(words);
        return text -> search.FindAll(text).size();
    }

    public static Matcher houbb(List<String> words) {
        SensitiveWordBs bs = SensitiveWordBs.newInstance()
                .wordDeny(() -> words)
                .wordAllow(List::of)
                .ignoreCase(true)
                .ignoreWidth(true)
                .ignoreNumStyle(true)
                .ignoreChineseStyle(true)
                .ignoreEnglishStyle(true)
                .ignoreRepeat(true)
                .enableNumCheck(false)
                .enableEmailCheck(false)
                .enableUrlCheck(false)
                .enableIpv4Check(false)
                .enableWordCheck(true)
                .init();
        return text -> bs.findAll(text).size();
    }
}
