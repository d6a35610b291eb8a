package cn.wangjian.engine.brushing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Markets whose rings hide (issue 14 part 3), written for the comparison, not from the detector's rules: a skewed
 * background of 60 days (Zipf-like buyers and shops, a third of purchases repeating a buyer's favourite shops), and
 * rings of one of four kinds.
 * <ul>
 *   <li>{@code weeks}: 5 rings of 30–80 accounts at 3–8 mid-popular shops (popularity rank 5–30 %) over 7–14
 *       consecutive days, 5–10 % of the ring's cells filled, every ring account also buying 3–10 times at the
 *       50 most popular shops;</li>
 *   <li>{@code small}: 5 rings of 10–14 accounts (friends and family) at 2–3 shops on 3–5 days, 60 % filled;</li>
 *   <li>{@code task}: 3 task-platform pools of 150–300 workers, each given 2–4 orders over 21–28 days at 10–20
 *       mid-popular shops, with camouflage;</li>
 *   <li>{@code mixed}: the held-out shape issue 14 describes — 4 weeks-long, sparse, camouflaged rings and one of
 *       about a dozen accounts;</li>
 *   <li>{@code none}: the background alone.</li>
 * </ul>
 * Generated once per kind and seed; seeds 7 and 11 were used while the detector's version 2 was written, 101 and
 * 202 held out (decision 0022).
 */
public final class HidingMarkets {

    private HidingMarkets() {
    }

    /** The kinds, in the order the comparison reports them. */
    public static final java.util.List<String> KINDS = java.util.List.of("weeks", "small", "task", "mixed");

    public static MarketGenerator.Market generate(String kind, long cells, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int days = 60;
        int users = (int) Math.max(1000, cells / 8);
        int shops = (int) Math.max(200, cells / 100);
        double[] userCdf = zipfCdf(users, 1.05);
        double[] shopCdf = zipfCdf(shops, 1.0);
        int[] shopOfRank = shuffled(shops, random);
        Map<Long, int[]> cell = new HashMap<>();          // key → {index, count, ring}
        List<long[]> order = new ArrayList<>();
        Adder add = (u, s, d, ring) -> {
            long key = ((long) u << 26) | ((long) s << 6) | d;
            int[] c = cell.get(key);
            if (c == null) {
                cell.put(key, new int[] {order.size(), 1, ring});
                order.add(new long[] {u, s, d});
            } else {
                c[1]++;
                if (ring >= 0) {
                    c[2] = ring;
                }
            }
        };
        while (cell.size() < cells) {
            int u = draw(userCdf, random);
            int s = random.nextInt(3) == 0 ? (int) Math.floorMod(mix(u * 31L + random.nextInt(3)), (long) shops)
                    : shopOfRank[draw(shopCdf, random)];
            add.add(u, s, random.nextInt(days), -1);
        }
        int next = users;
        int rings = 0;
        List<int[]> plan = new ArrayList<>();             // {accounts, shops, days, fill‰, rankFrom‰, rankTo‰, camouflage, perWorker}
        switch (kind) {
            case "weeks" -> {
                for (int r = 0; r < 5; r++) {
                    plan.add(new int[] {30 + random.nextInt(51), 3 + random.nextInt(6), 7 + random.nextInt(8),
                            50 + random.nextInt(51), 50, 300, 1, 0});
                }
            }
            case "small" -> {
                for (int r = 0; r < 5; r++) {
                    plan.add(new int[] {10 + random.nextInt(5), 2 + random.nextInt(2), 3 + random.nextInt(3), 600,
                            300, 900, 0, 0});
                }
            }
            case "task" -> {
                for (int r = 0; r < 3; r++) {
                    plan.add(new int[] {150 + random.nextInt(151), 10 + random.nextInt(11), 21 + random.nextInt(8), 0,
                            50, 300, 1, 2 + random.nextInt(3)});
                }
            }
            case "mixed" -> {
                for (int r = 0; r < 4; r++) {
                    plan.add(new int[] {30 + random.nextInt(51), 3 + random.nextInt(6), 7 + random.nextInt(8),
                            50 + random.nextInt(51), 50, 300, 1, 0});
                }
                plan.add(new int[] {12, 2 + random.nextInt(2), 4, 600, 300, 900, 1, 0});
            }
            case "none" -> {
                // the background alone: every block found on it is a false ring
            }
            default -> throw new IllegalArgumentException("kind: weeks, small, task, mixed or none");
        }
        for (int[] p : plan) {
            int r = rings++;
            int[] ringShops = new int[p[1]];
            for (int k = 0; k < p[1]; k++) {
                ringShops[k] = shopOfRank[(int) (shops * (p[4] + random.nextInt(p[5] - p[4])) / 1000L)];
            }
            int first = random.nextInt(days - p[2] + 1);
            for (int a = 0; a < p[0]; a++) {
                int u = next++;
                if (p[7] > 0) {                           // a task worker: a few orders anywhere in the ring
                    for (int k = 0; k < p[7]; k++) {
                        add.add(u, ringShops[random.nextInt(ringShops.length)], first + random.nextInt(p[2]), r);
                    }
                } else {
                    boolean any = false;
                    for (int s : ringShops) {
                        for (int d = first; d < first + p[2]; d++) {
                            if (random.nextInt(1000) < p[3]) {
                                add.add(u, s, d, r);
                                any = true;
                            }
                        }
                    }
                    if (!any) {
                        add.add(u, ringShops[0], first, r);
                    }
                }
                if (p[6] == 1) {
                    int n = 3 + random.nextInt(8);
                    for (int k = 0; k < n; k++) {
                        add.add(u, shopOfRank[random.nextInt(50)], random.nextInt(days), -1);
                    }
                }
            }
        }
        Tensor.Builder b = new Tensor.Builder(false);
        int[] ringOfCell = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            long[] o = order.get(i);
            long key = (o[0] << 26) | (o[1] << 6) | o[2];
            int[] c = cell.get(key);
            b.add((int) o[0], (int) o[1], (int) o[2], 0, c[1]);
            ringOfCell[i] = c[2];
        }
        return new MarketGenerator.Market(b.build(), ringOfCell, rings);
    }

    private interface Adder {
        void add(int u, int s, int d, int ring);
    }

    private static double[] zipfCdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int draw(double[] cdf, SplittableRandom random) {
        int i = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i < 0 ? -i - 1 : i);
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
