package cn.wangjian.engine.brushing;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fake-review (虚假评价) signals: near-identical texts from different accounts (MinHash over character shingles of
 * the normalised text, banded LSH for candidates, union-find for clusters), bursts of top ratings at a shop, and
 * one image in the reviews of different accounts.
 */
public final class ReviewChecks {

    /** Thresholds, as data. */
    public record Config(int shingle, int hashes, int bands, double minSimilarity, int minTextLength, int minAccounts,
                         int burstMinReviews, double burstRatio) {
        public static Config defaults() {
            return new Config(3, 64, 16, 0.75, 8, 3, 10, 5.0);
        }
    }

    private ReviewChecks() {
    }

    public static List<Signal> check(List<Review> reviews, Config config) {
        List<Signal> out = new ArrayList<>();
        duplicates(reviews, config, out);
        bursts(reviews, config, out);
        images(reviews, out);
        return out;
    }

    /** Full width, case, traditional characters, white space and punctuation folded away: what a template keeps. */
    static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = HanLP.convertToSimplifiedChinese(n);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static long[] minHash(String normalised, Config config) {
        long[] sig = new long[config.hashes()];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        int k = config.shingle();
        for (int i = 0; i + k <= normalised.length(); i++) {
            long x = normalised.substring(i, i + k).hashCode() & 0xffffffffL;
            for (int h = 0; h < sig.length; h++) {
                long v = MarketGenerator.mix(x * 0x9E3779B97F4A7C15L + h * 0xBF58476D1CE4E5B9L);
                if (v < sig[h]) {
                    sig[h] = v;
                }
            }
        }
        return sig;
    }

    private static void duplicates(List<Review> reviews, Config config, List<Signal> out) {
        int n = reviews.size();
        long[][] sigs = new long[n][];
        for (int i = 0; i < n; i++) {
            String t = normalise(reviews.get(i).text());
            sigs[i] = t.length() >= config.minTextLength() ? minHash(t, config) : null;
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int rows = config.hashes() / config.bands();
        for (int b = 0; b < config.bands(); b++) {
            Map<Long, Integer> first = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (sigs[i] == null) {
                    continue;
                }
                long key = b;
                for (int r = 0; r < rows; r++) {
                    key = key * 0x100000001B3L ^ sigs[i][b * rows + r];
                }
                Integer j = first.putIfAbsent(key, i);
                if (j != null && similarity(sigs[i], sigs[j]) >= config.minSimilarity()) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<Integer>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (sigs[i] != null) {
                clusters.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> members : clusters.values()) {
            TreeSet<String> buyers = new TreeSet<>();
            members.forEach(i -> buyers.add(reviews.get(i).buyer()));
            if (buyers.size() >= config.minAccounts()) {
                Review sample = reviews.get(members.get(0));
                out.add(new Signal(Signal.Kind.DUPLICATE_REVIEWS,
                        members.stream().map(i -> reviews.get(i).reviewId()).toList(), new ArrayList<>(buyers),
                        sample.shop(), String.format("%d 个账号发布了 %d 条高度雷同的评价（相似度不低于 %.0f%%），如“%s”，疑似模板化虚假评价。",
                        buyers.size(), members.size(), 100 * config.minSimilarity(), abbreviate(sample.text()))));
            }
        }
    }

    private static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int h = 0; h < a.length; h++) {
            if (a[h] == b[h]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static void bursts(List<Review> reviews, Config config, List<Signal> out) {
        Map<String, Map<Long, List<Review>>> byShopDay = new LinkedHashMap<>();
        for (Review r : reviews) {
            if (r.rating() == 5) {
                long day = Math.floorDiv(r.time() + 8 * 3600, 86400);
                byShopDay.computeIfAbsent(r.shop(), s -> new HashMap<>()).computeIfAbsent(day, d -> new ArrayList<>()).add(r);
            }
        }
        byShopDay.forEach((shop, days) -> {
            int total = days.values().stream().mapToInt(List::size).sum();
            days.forEach((day, list) -> {
                int others = total - list.size();
                double otherMean = days.size() > 1 ? (double) others / (days.size() - 1) : 0;
                if (list.size() >= config.burstMinReviews() && list.size() >= config.burstRatio() * Math.max(1, otherMean)) {
                    TreeSet<String> buyers = new TreeSet<>();
                    list.forEach(r -> buyers.add(r.buyer()));
                    out.add(new Signal(Signal.Kind.RATING_BURST, list.stream().map(Review::reviewId).toList(),
                            new ArrayList<>(buyers), shop, String.format("店铺 %s 在一天内收到 %d 条五星评价，是其他日期平均（%.1f 条）的 %.0f 倍，疑似集中刷好评。",
                            shop, list.size(), otherMean, list.size() / Math.max(1, otherMean))));
                }
            });
        });
    }

    private static void images(List<Review> reviews, List<Signal> out) {
        Map<String, List<Review>> byImage = new LinkedHashMap<>();
        for (Review r : reviews) {
            for (String h : r.imageHashes()) {
                byImage.computeIfAbsent(h, x -> new ArrayList<>()).add(r);
            }
        }
        byImage.forEach((hash, list) -> {
            TreeSet<String> buyers = new TreeSet<>();
            list.forEach(r -> buyers.add(r.buyer()));
            if (buyers.size() >= 2) {
                out.add(new Signal(Signal.Kind.REUSED_IMAGES, list.stream().map(Review::reviewId).toList(),
                        new ArrayList<>(buyers), list.get(0).shop(), String.format("同一张图片（哈希 %s）出现在 %d 个账号的评价中，疑似盗图或统一提供的晒图。",
                        abbreviate(hash), buyers.size())));
            }
        });
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }
}
