package cn.wangjian.engine.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product category a page shows by its cues ({@code categoryCues} of the catalog): each distinct cue found
 * adds its weight to its category; the category with most weight wins, the catalog's order breaking a tie, general
 * goods when there is none. A small automaton of its own, read over the text with the scanner's folding tables
 * (skipped characters skipped), so that scans with a known category — every reported listing — do not pay for the
 * cues, and a page pays one cheap pass.
 */
final class PageCategory {

    private final String[] categories;
    private final int[][] weights;     // by cue pattern: weight per category
    private final int[] classOf = new int[65536];
    private final Automaton cues;

    PageCategory(List<RuleCatalog.CategoryCues> catalogCues) {
        categories = new String[catalogCues.size()];
        Map<String, int[]> byFolded = new LinkedHashMap<>();
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
        int classes = 0;
        List<int[]> sequences = new ArrayList<>();
        weights = new int[byFolded.size()][];
        int k = 0;
        for (Map.Entry<String, int[]> e : byFolded.entrySet()) {
            String folded = e.getKey();
            int[] seq = new int[folded.length()];
            for (int i = 0; i < seq.length; i++) {
                char f = folded.charAt(i);
                if (classOf[f] == 0) {
                    classOf[f] = ++classes;
                }
                seq[i] = classOf[f];
            }
            sequences.add(seq);
            weights[k++] = e.getValue();
        }
        cues = sequences.isEmpty() ? null : Automaton.build(sequences.toArray(new int[0][]), classes);
    }

    private void weigh(Map<String, int[]> byFolded, String cue, int category, int weight) {
        String folded = CharFold.foldTerm(cue);
        if (folded.isEmpty()) {
            return;
        }
        int[] w = byFolded.computeIfAbsent(folded, x -> new int[categories.length]);
        w[category] = Math.max(w[category], weight);
    }

    String of(String text) {
        if (cues == null || text == null || text.isEmpty()) {
            return "general";
        }
        int[] score = new int[categories.length];
        boolean[] seen = new boolean[weights.length];
        int s = Automaton.ROOT;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (CharFold.KIND[c] == CharFold.SKIP) {
                continue;
            }
            int cls = classOf[CharFold.FOLD[c]];
            if (cls == 0) {
                s = Automaton.ROOT; // a character of no cue: nothing runs across it
                continue;
            }
            s = cues.next(s, cls);
            if (!cues.accepts(s)) {
                continue;
            }
            for (int q = cues.own(s) >= 0 ? s : cues.dictLink(s); q != 0; q = cues.dictLink(q)) {
                int p = cues.own(q);
                if (p >= 0 && !seen[p]) {
                    seen[p] = true;
                    for (int x = 0; x < categories.length; x++) {
                        score[x] += weights[p][x];
                    }
                }
            }
        }
        int best = -1;
        for (int x = 0; x < score.length; x++) {
            if (score[x] > 0 && (best < 0 || score[x] > score[best])) {
                best = x;
            }
        }
        return best < 0 ? "general" : categories[best];
    }
}
