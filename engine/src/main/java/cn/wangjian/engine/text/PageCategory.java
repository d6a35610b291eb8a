package cn.wangjian.engine.text;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The product category a page shows by its cues ({@code categoryCues} of the catalog): each distinct cue found
 * adds its weight to its category; the category with most weight wins, the catalog's order breaking a tie, general
 * goods when there is none. A small automaton of its own over the folded text, so that scans with a known category
 * (every reported listing) do not pay for the cues.
 */
final class PageCategory {

    private final String[] categories;
    private final AhoCorasickDoubleArrayTrie<int[]> cues;

    PageCategory(List<RuleCatalog.CategoryCues> catalogCues) {
        categories = new String[catalogCues.size()];
        Map<String, int[]> byFolded = new HashMap<>();
        for (int c = 0; c < categories.length; c++) {
            RuleCatalog.CategoryCues cc = catalogCues.get(c);
            categories[c] = cc.category();
            for (String cue : cc.cues()) {
                weigh(byFolded, cue, c, 1);
            }
            for (String cue : cc.strongCues()) {
                weigh(byFolded, cue, c, RuleCatalog.CategoryCues.STRONG);
            }
        }
        cues = new AhoCorasickDoubleArrayTrie<>();
        if (!byFolded.isEmpty()) {
            cues.build(new TreeMap<>(byFolded));
        }
    }

    private void weigh(Map<String, int[]> byFolded, String cue, int category, int weight) {
        String folded = CharFold.foldTerm(cue);
        if (folded.isEmpty()) {
            return;
        }
        int[] w = byFolded.computeIfAbsent(folded, k -> new int[categories.length]);
        w[category] = Math.max(w[category], weight);
    }

    String of(String text) {
        if (categories.length == 0 || text == null || text.isEmpty()) {
            return "general";
        }
        int[] score = new int[categories.length];
        java.util.Set<int[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        cues.parseText(CharFold.foldTerm(text), (begin, end, w) -> {
            if (seen.add(w)) {
                for (int c = 0; c < w.length; c++) {
                    score[c] += w[c];
                }
            }
        });
        int best = -1;
        for (int c = 0; c < score.length; c++) {
            if (score[c] > 0 && (best < 0 || score[c] > score[best])) {
                best = c;
            }
        }
        return best < 0 ? "general" : categories[best];
    }
}
