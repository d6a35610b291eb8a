package cn.wangjian.engine.brushing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Detected blocks against the injected rings: precision, recall and F1 over cells (tuples), precision over
 * accounts, and "clean" rings: an output block that holds at least half of an injected ring and is at least half
 * made of it.
 */
public record RingEvaluation(double tuplePrecision, double tupleRecall, double tupleF1, double accountPrecision,
                             double accountRecall, int cleanRings, int rings, Set<Integer> cleanRingIds) {

    public static RingEvaluation of(Tensor t, int[] truthRingOfCell, int rings, List<RingDetector.Block> found) {
        boolean[] flagged = new boolean[t.size()];
        Set<Integer> flaggedUsers = new HashSet<>();
        for (RingDetector.Block b : found) {
            for (int c : b.cells()) {
                flagged[c] = true;
            }
            for (int u : b.users()) {
                flaggedUsers.add(u);
            }
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        Set<Integer> ringUsers = new HashSet<>();
        int[] ringSize = new int[rings];
        for (int c = 0; c < t.size(); c++) {
            int r = truthRingOfCell[c];
            if (r >= 0) {
                ringSize[r]++;
                ringUsers.add(t.user[c]);
            }
            if (flagged[c] && r >= 0) {
                tp++;
            } else if (flagged[c]) {
                fp++;
            } else if (r >= 0) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        long userTp = flaggedUsers.stream().filter(ringUsers::contains).count();
        double accountPrecision = flaggedUsers.isEmpty() ? 0 : (double) userTp / flaggedUsers.size();
        double accountRecall = ringUsers.isEmpty() ? 0 : (double) userTp / ringUsers.size();
        Set<Integer> clean = new HashSet<>();
        for (RingDetector.Block b : found) {
            int[] hits = new int[rings];
            for (int c : b.cells()) {
                if (truthRingOfCell[c] >= 0) {
                    hits[truthRingOfCell[c]]++;
                }
            }
            for (int r = 0; r < rings; r++) {
                if (hits[r] * 2 >= ringSize[r] && hits[r] * 2 >= b.cells().length && ringSize[r] > 0) {
                    clean.add(r);
                }
            }
        }
        return new RingEvaluation(precision, recall, f1, accountPrecision, accountRecall, clean.size(), rings, clean);
    }

    public String describe() {
        return String.format("与真值对照：检出的交易中属于刷单的比例（精确率）%.3f，刷单交易被检出的比例（召回率）%.3f，"
                        + "F1 %.3f；涉案账号精确率 %.3f、召回率 %.3f；完整检出（无混入、无遗漏）的团伙 %d 个，共 %d 个 %s"
                        + " (tuple precision, recall, F1; account precision, recall; clean rings)", tuplePrecision,
                tupleRecall, tupleF1, accountPrecision, accountRecall, cleanRings, rings, cleanRingIds);
    }
}
