package cn.wangjian.engine.brushing;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic market with injected brushing rings and their ground truth. Realistic: Zipf-like
 * buyer activity and shop popularity, repeat buying, a promotion-day spike, five rings (50–200 accounts × 5–20
 * small shops × 1–3 days, 30–60 % of the ring's cells filled), two of them camouflaged by also buying from the 50
 * most popular shops. Uniform: the same rings on a background without skew, the case the published dense-block
 * detectors handle.
 */
public final class MarketGenerator {

    /** The generated tensor and, for each of its cells, the ring it belongs to (-1 for background). */
    public record Market(Tensor tensor, int[] ringOfCell, int rings) {
    }

    public record Config(long cells, long seed, boolean realistic, boolean withIp, int rings) {
        public static Config realistic(long cells, long seed) {
            return new Config(cells, seed, true, false, 5);
        }
    }

    private MarketGenerator() {
    }

    public static Market generate(Config config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        int days = 30;
        int users = (int) Math.max(1000, config.cells() / 8);
        int shops = (int) Math.max(200, config.cells() / 100);
        double[] dayWeight = new double[days];
        for (int d = 0; d < days; d++) {
            dayWeight[d] = config.realistic() ? (d == 10 ? 4.0 : d == 20 ? 2.0 : 1.0) : 1.0;
        }
        Sampler userSampler = config.realistic() ? Sampler.zipf(users, 1.05, random) : Sampler.uniform(users);
        Sampler shopSampler = config.realistic() ? Sampler.zipf(shops, 1.0, random) : Sampler.uniform(shops);
        Sampler daySampler = new Sampler(dayWeight, random);
        CellMap cells = new CellMap((int) Math.min(Integer.MAX_VALUE / 4, config.cells() * 2));
        long target = config.cells();
        // background: each draw is a purchase; a third of them repeat one of the buyer's own favourite shops
        while (cells.size() < target) {
            int u = userSampler.next(random);
            int s;
            if (config.realistic() && random.nextInt(3) == 0) {
                s = (int) Math.floorMod(mix(u * 31L + random.nextInt(3)), (long) shops);
                s = shopSampler.rankOf(s);
            } else {
                s = shopSampler.next(random);
            }
            int d = daySampler.next(random);
            int ip = config.withIp() ? homeIp(u, random) : 0;
            cells.add(u, s, d, ip, 1, -1);
        }
        // rings: fresh accounts, small shops, one to three consecutive days, shared IPs
        int nextUser = users;
        int ipBase = users + 1000;
        for (int r = 0; r < config.rings(); r++) {
            int accounts = 50 + random.nextInt(151);
            int ringShops = 5 + random.nextInt(16);
            int ringDays = 1 + random.nextInt(3);
            double fill = 0.3 + 0.3 * random.nextDouble();
            int firstDay = random.nextInt(days - ringDays + 1);
            int[] shopIds = new int[ringShops];
            for (int k = 0; k < ringShops; k++) {
                // small shops: from the least popular half
                shopIds[k] = shopSampler.rankToId(shops / 2 + random.nextInt(shops / 2));
            }
            int ips = 3 + random.nextInt(8);
            // camouflage hides ring accounts among the most popular shops; a uniform market has none to hide among
            boolean camouflage = r < 2 && config.realistic();
            for (int a = 0; a < accounts; a++) {
                int u = nextUser++;
                for (int k = 0; k < ringShops; k++) {
                    for (int d = firstDay; d < firstDay + ringDays; d++) {
                        if (random.nextDouble() < fill) {
                            cells.add(u, shopIds[k], d, ipBase + r * 16 + random.nextInt(ips), 1 + random.nextInt(3), r);
                        }
                    }
                }
                if (camouflage) {
                    int n = 3 + random.nextInt(8);
                    for (int k = 0; k < n; k++) {
                        cells.add(u, shopSampler.rankToId(random.nextInt(50)), random.nextInt(days),
                                config.withIp() ? homeIp(u, random) : 0, 1, -1);
                    }
                }
            }
        }
        return cells.toMarket(config.withIp(), config.rings());
    }

    private static int homeIp(int user, SplittableRandom random) {
        // most buyers use their own address; one in ten shares a carrier-grade NAT address with many others
        return random.nextInt(10) == 0 ? 1_000_000 + (user % 97) : user;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Draws ids with given weights (alias method); ids are shuffled ranks so that popularity is not the id order. */
    static final class Sampler {
        private final double[] probability;
        private final int[] alias;
        private final int[] idOfRank;
        private final int[] rankOfId;

        Sampler(double[] weights, SplittableRandom random) {
            this(weights, identity(weights.length));
        }

        private Sampler(double[] weights, int[] idOfRank) {
            int n = weights.length;
            this.idOfRank = idOfRank;
            this.rankOfId = new int[n];
            for (int r = 0; r < n; r++) {
                rankOfId[idOfRank[r]] = r;
            }
            probability = new double[n];
            alias = new int[n];
            double sum = Arrays.stream(weights).sum();
            double[] scaled = new double[n];
            int[] small = new int[n];
            int[] large = new int[n];
            int ns = 0;
            int nl = 0;
            for (int i = 0; i < n; i++) {
                scaled[i] = weights[i] * n / sum;
                if (scaled[i] < 1) {
                    small[ns++] = i;
                } else {
                    large[nl++] = i;
                }
            }
            while (ns > 0 && nl > 0) {
                int s = small[--ns];
                int l = large[--nl];
                probability[s] = scaled[s];
                alias[s] = l;
                scaled[l] = scaled[l] + scaled[s] - 1;
                if (scaled[l] < 1) {
                    small[ns++] = l;
                } else {
                    large[nl++] = l;
                }
            }
            while (nl > 0) {
                probability[large[--nl]] = 1;
            }
            while (ns > 0) {
                probability[small[--ns]] = 1;
            }
        }

        static Sampler zipf(int n, double exponent, SplittableRandom random) {
            double[] w = new double[n];
            for (int r = 0; r < n; r++) {
                w[r] = 1.0 / Math.pow(r + 1, exponent);
            }
            int[] ids = identity(n);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = ids[i];
                ids[i] = ids[j];
                ids[j] = t;
            }
            return new Sampler(w, ids);
        }

        static Sampler uniform(int n) {
            double[] w = new double[n];
            Arrays.fill(w, 1.0);
            return new Sampler(w, identity(n));
        }

        private static int[] identity(int n) {
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i;
            }
            return ids;
        }

        /** An id drawn by weight. */
        int next(SplittableRandom random) {
            int rank = random.nextInt(probability.length);
            rank = random.nextDouble() < probability[rank] ? rank : alias[rank];
            return idOfRank[rank];
        }

        int rankToId(int rank) {
            return idOfRank[rank];
        }

        /** Maps a hash-chosen rank to an id, keeping popular ranks popular. */
        int rankOf(int rank) {
            return idOfRank[rank];
        }
    }

    /** Aggregates purchases into unique (user, shop, day, ip) cells: open addressing on a 64-bit key. */
    static final class CellMap {
        private long[] keys;
        private int[] index;
        private final Tensor.Builder builder = new Tensor.Builder(true);
        private int[] ring = new int[1024];
        private int size;

        CellMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            index = new int[cap];
            Arrays.fill(index, -1);
        }

        int size() {
            return size;
        }

        void add(int u, int s, int d, int ip, int count, int ringId) {
            addAndGetCell(u, s, d, ip, count, ringId);
        }

        int addAndGetCell(int u, int s, int d, int ip, int count) {
            return addAndGetCell(u, s, d, ip, count, -1);
        }

        /** Adds purchases to a cell; returns the cell's index. */
        int addAndGetCell(int u, int s, int d, int ip, int count, int ringId) {
            long key = ((long) u << 37) ^ ((long) s << 15) ^ ((long) d << 10) ^ ((long) ip * 0x9E3779B97F4A7C15L);
            int mask = keys.length - 1;
            int slot = (int) mix(key) & mask;
            while (index[slot] >= 0) {
                int c = index[slot];
                if (keys[slot] == key && builder.user(c) == u && builder.shop(c) == s && builder.day(c) == d
                        && builder.extra(c) == ip) {
                    builder.addCount(c, count);
                    if (ringId >= 0) {
                        ring[c] = ringId;
                    }
                    return c;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            index[slot] = size;
            builder.add(u, s, d, ip, count);
            if (size == ring.length) {
                ring = Arrays.copyOf(ring, size * 3 / 2 + 1024);
            }
            ring[size] = ringId;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldIndex = index;
            keys = new long[oldKeys.length * 2];
            index = new int[oldKeys.length * 2];
            Arrays.fill(index, -1);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldIndex[i] >= 0) {
                    int slot = (int) mix(oldKeys[i]) & mask;
                    while (index[slot] >= 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    index[slot] = oldIndex[i];
                }
            }
        }

        Market toMarket(boolean withIp, int rings) {
            Tensor t = builder.build();
            Tensor out = withIp ? t : new Tensor(t.user, t.shop, t.day, null, t.count, t.size);
            return new Market(out, Arrays.copyOf(ring, size), rings);
        }
    }
}
