package cn.wangjian.engine.brushing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds brushing rings: blocks of accounts × shops × days (× IP) that hold far more purchases than the accounts'
 * own activity, the shops' own popularity and the days' own traffic lead one to expect.
 *
 * <p>Null model: a block's expected mass is e = (Σ buyer mass)(Σ shop mass)(Σ day mass)(Σ IP mass) / M^(k-1) —
 * the degree-corrected (independence) expectation, so that heavy buyers at popular shops on the promotion day are
 * not suspicious merely for being heavy. A block's suspiciousness is the Poisson log-likelihood ratio
 * L = m ln(m/e) − m + e. Search: seeds are the (shop, day) cells that most exceed their expectation; from each,
 * local search re-chooses one mode at a time (the best prefix of candidates sorted by observed/expected) until
 * nothing changes. The best block is taken as a ring, its cells removed, and the search repeats. Stopping rule: a
 * block is a ring only if L exceeds the log of the number of blocks the search could have chosen divided by α
 * (a Bonferroni bound on the Poisson tail), it holds at least {@code minAccounts} accounts each with at least
 * {@code minPurchases} purchases in it, and it is a dense block:
 * at least {@code minFill} of its account × shop × day cells hold purchases (loyal customers spread over many
 * shops are significant under the independence model but sparse), holding at least {@code minDensity} times
 * its expectation: the Poisson ratio assumes Poisson variance, and real purchases are overdispersed (loyal
 * customers, repeat buying give blocks 10–100 times their expectation), while a ring's accounts buy where they
 * would otherwise never buy (thousands of times the expectation). Brushing comes in
 * bursts: a block spans at most {@code maxDays} days, so that loyal customers who return to the same shops all
 * month (repeat buying, which the independence model does not explain) do not form a "ring".
 */
public final class RingDetector {

    /** Tuning; the defaults are the ones the benchmarks and tests use. */
    public record Config(int seeds, int maxRings, double alpha, int minAccounts, int maxAccounts, int rounds,
                         int maxDays, double minFill, int minPurchases, double minDensity) {
        public static Config defaults() {
            return new Config(300, 50, 1e-6, 10, 5000, 12, 7, 0.05, 3, 200);
        }
    }

    /** A detected block: its members, its mass against the expectation, its score and its cells. */
    public record Block(int[] users, int[] shops, int[] days, int[] extras, long mass, double expected,
                        double score, int[] cells) {
        public double density() {
            return mass / Math.max(expected, 1e-12);
        }

        /** The share of the block's account × shop × day cells that hold purchases. */
        public double fill() {
            double volume = (double) users.length * shops.length * days.length;
            return Math.min(1.0, cells.length / Math.max(volume, 1));
        }
    }

    private final Tensor t;
    private final Config config;
    private final double[] wUser;
    private final double[] wShop;
    private final double[] wDay;
    private final double[] wExtra;
    private final double total;
    private final int modes;
    private final Csr byShopDay;
    private final Csr byUser;
    private final boolean[] taken;
    // work arrays, reused from search to search (members are cleared at the end of each)
    private final boolean[] inShop;
    private final boolean[] inDay;
    private final boolean[] inUser;
    private final boolean[] inExtra;
    /** While true no IP filter applies (the block starts with every IP); otherwise {@link #extraMembers}. */
    private boolean extraAll = true;
    private int[] extraMembers = new int[0];
    private double extraSum;
    private final Accumulator userAcc;
    private final Accumulator shopAcc;
    private final Accumulator dayAcc;
    private final Accumulator extraAcc;

    public RingDetector(Tensor tensor, Config config) {
        this.t = tensor;
        this.config = config;
        this.modes = tensor.hasExtra() ? 4 : 3;
        wUser = new double[tensor.users()];
        wShop = new double[tensor.shops()];
        wDay = new double[tensor.days()];
        wExtra = tensor.hasExtra() ? new double[tensor.extras] : null;
        for (int i = 0; i < tensor.size(); i++) {
            int c = tensor.count[i];
            wUser[tensor.user[i]] += c;
            wShop[tensor.shop[i]] += c;
            wDay[tensor.day[i]] += c;
            if (wExtra != null) {
                wExtra[tensor.extra[i]] += c;
            }
        }
        total = tensor.mass();
        int[] shopDay = new int[tensor.size()];
        for (int i = 0; i < tensor.size(); i++) {
            shopDay[i] = tensor.shop[i] * tensor.days() + tensor.day[i];
        }
        byShopDay = Csr.of(shopDay, tensor.shops() * tensor.days(), tensor.size());
        byUser = Csr.of(tensor.user, tensor.users(), tensor.size());
        taken = new boolean[tensor.size()];
        inShop = new boolean[tensor.shops()];
        inDay = new boolean[tensor.days()];
        inUser = new boolean[tensor.users()];
        inExtra = tensor.hasExtra() ? new boolean[tensor.extras] : null;
        userAcc = new Accumulator(tensor.users());
        shopAcc = new Accumulator(tensor.shops());
        dayAcc = new Accumulator(tensor.days());
        extraAcc = tensor.hasExtra() ? new Accumulator(tensor.extras) : null;
    }

    /** The rings, most suspicious first. */
    public List<Block> detect() {
        List<Block> rings = new ArrayList<>();
        if (t.size() == 0) {
            return rings;
        }
        long[] seeds = seeds();
        double threshold = threshold();
        for (long seed : seeds) {
            if (rings.size() >= config.maxRings()) {
                break;
            }
            int shop = (int) (seed >>> 32);
            int day = (int) seed;
            Block b = search(shop, day);
            if (b == null || b.score() < threshold || b.users().length < config.minAccounts()
                    || b.fill() < config.minFill() || b.density() < config.minDensity()) {
                continue;
            }
            for (int c : b.cells()) {
                taken[c] = true;
            }
            rings.add(b);
        }
        rings.sort((x, y) -> Double.compare(y.score(), x.score()));
        return rings;
    }

    /**
     * ln(H / α): the Chernoff bound P(L ≥ x) ≤ e^(−x) of a Poisson block, corrected for the H blocks the search
     * can output (seeds × rounds × modes × candidates per choice, each choice a prefix of at most all ids).
     */
    double threshold() {
        double candidates = Math.max(t.users(), Math.max(t.shops(), t.days()));
        double h = (double) config.seeds() * config.rounds() * modes * candidates;
        return Math.log(h) + Math.log(1 / config.alpha());
    }

    /** (shop, day) cells ordered by how far their mass exceeds the expectation; the best {@code seeds}. */
    private long[] seeds() {
        int days = t.days();
        double[] mass = new double[t.shops() * days];
        for (int i = 0; i < t.size(); i++) {
            mass[t.shop[i] * days + t.day[i]] += t.count[i];
        }
        int n = Math.min(config.seeds(), mass.length);
        double[] best = new double[n];
        long[] ids = new long[n];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < t.shops(); s++) {
            for (int d = 0; d < days; d++) {
                double m = mass[s * days + d];
                if (m < 5) {
                    continue;
                }
                double e = wShop[s] * wDay[d] / total;
                double score = poisson(m, e);
                if (score > best[n - 1]) {
                    int k = n - 1;
                    while (k > 0 && best[k - 1] < score) {
                        best[k] = best[k - 1];
                        ids[k] = ids[k - 1];
                        k--;
                    }
                    best[k] = score;
                    ids[k] = ((long) s << 32) | d;
                }
            }
        }
        int count = 0;
        while (count < n && best[count] != Double.NEGATIVE_INFINITY) {
            count++;
        }
        return Arrays.copyOf(ids, count);
    }

    static double poisson(double m, double e) {
        if (m <= e || m <= 0) {
            return 0;
        }
        return m * Math.log(m / e) - m + e;
    }

    /** Local search from one seed cell: re-choose users, shops, days (and IPs) until nothing changes. */
    private Block search(int seedShop, int seedDay) {
        int[] shops = {seedShop};
        int[] days = {seedDay};
        int[] users = new int[0];
        int[] extras = null;
        inShop[seedShop] = true;
        inDay[seedDay] = true;
        extraAll = true;
        extraSum = total;
        try {
            for (int round = 0; round < config.rounds(); round++) {
                // the seed is one shop on one day, where a ring account may have bought only once: the purchase
                // floor applies from the second round, when the block spans the ring's shops and days
                int[] newUsers = chooseUsers(shops, days, inExtra, round == 0 ? 1 : config.minPurchases());
                if (newUsers.length > config.maxAccounts()) {
                    return null; // spread over the whole market: not a ring
                }
                setMembers(inUser, users, newUsers);
                users = newUsers;
                int[] newShops = chooseShops(newUsers, inUser, inDay, inExtra);
                if (newShops.length == 0 || hopeless(newUsers.length, newShops, days.length)) {
                    return null;
                }
                setMembers(inShop, shops, newShops);
                int[] newDays = chooseDays(newUsers, newShops, inShop, inExtra);
                if (newDays.length == 0) {
                    return null;
                }
                setMembers(inDay, days, newDays);
                int[] newExtras = null;
                if (inExtra != null) {
                    newExtras = chooseExtras(newUsers, newShops, inShop, inDay);
                    if (newExtras.length == 0) {
                        return null;
                    }
                    setExtras(newExtras);
                }
                boolean same = Arrays.equals(shops, newShops) && Arrays.equals(days, newDays)
                        && (extras == null || Arrays.equals(extras, newExtras)) && round > 0;
                shops = newShops;
                days = newDays;
                extras = newExtras;
                if (same) {
                    break;
                }
            }
            if (users.length == 0) {
                return null;
            }
            // the block's cells and score
            int[] cells = new int[64];
            int n = 0;
            long mass = 0;
            for (int u : users) {
                for (int k = byUser.start[u]; k < byUser.start[u + 1]; k++) {
                    int c = byUser.cell[k];
                    if (!taken[c] && inShop[t.shop[c]] && inDay[t.day[c]] && extraOk(c)) {
                        if (n == cells.length) {
                            cells = Arrays.copyOf(cells, n * 2);
                        }
                        cells[n++] = c;
                        mass += t.count[c];
                    }
                }
            }
            double e = expected(sum(wUser, users), sum(wShop, shops), sum(wDay, days),
                    extras == null ? total : sum(wExtra, extras));
            return new Block(users, shops, days, extras, mass, e, poisson(mass, e), Arrays.copyOf(cells, n));
        } finally {
            setMembers(inUser, users, new int[0]);
            setMembers(inShop, shops, new int[0]);
            setMembers(inDay, days, new int[0]);
            if (inExtra != null) {
                setExtras(new int[0]);
                extraAll = true;
            }
        }
    }

    /**
     * Whether the block can no longer reach the minimum fill: its purchases (an upper bound of its filled
     * cells) are fewer than minFill × accounts × shops × days. Spares the search the market's heavy buyers.
     */
    private boolean hopeless(int users, int[] shops, int days) {
        double purchases = 0;
        for (int s : shops) {
            purchases += shopAcc.mass[s];
        }
        return purchases < config.minFill() * users * (double) shops.length * days;
    }

    private double expected(double u, double s, double d, double x) {
        double e = u * s * d / (total * total);
        return modes == 4 ? e * x / total : e;
    }

    private void setExtras(int[] now) {
        if (!extraAll) {
            for (int x : extraMembers) {
                inExtra[x] = false;
            }
        }
        for (int x : now) {
            inExtra[x] = true;
        }
        extraMembers = now;
        extraAll = false;
        extraSum = sum(wExtra, now);
    }

    private boolean extraOk(int cell) {
        return inExtra == null || extraAll || inExtra[t.extra[cell]];
    }

    private static void setMembers(boolean[] flags, int[] old, int[] now) {
        for (int v : old) {
            flags[v] = false;
        }
        for (int v : now) {
            flags[v] = true;
        }
    }

    private static double sum(double[] w, int[] ids) {
        double s = 0;
        for (int i : ids) {
            s += w[i];
        }
        return s;
    }

    private int[] chooseUsers(int[] shops, int[] days, boolean[] inExtra, int minPurchases) {
        Accumulator acc = userAcc.reset();
        int dayCount = t.days();
        for (int s : shops) {
            for (int d : days) {
                int key = s * dayCount + d;
                for (int k = byShopDay.start[key]; k < byShopDay.start[key + 1]; k++) {
                    int c = byShopDay.cell[k];
                    if (!taken[c] && extraOk(c)) {
                        acc.add(t.user[c], t.count[c]);
                    }
                }
            }
        }
        double factor = expected(1, sum(wShop, shops), sum(wDay, days), extraMass(inExtra));
        acc.dropBelow(minPurchases);
        return acc.best(wUser, factor, Integer.MAX_VALUE);
    }

    private int[] chooseShops(int[] users, boolean[] inUser, boolean[] inDay, boolean[] inExtra) {
        Accumulator acc = shopAcc.reset();
        for (int u : users) {
            for (int k = byUser.start[u]; k < byUser.start[u + 1]; k++) {
                int c = byUser.cell[k];
                if (!taken[c] && inDay[t.day[c]] && extraOk(c)) {
                    acc.add(t.shop[c], t.count[c]);
                }
            }
        }
        double factor = expected(sum(wUser, users), 1, sumFlag(wDay, inDay), extraMass(inExtra));
        return acc.best(wShop, factor, Integer.MAX_VALUE);
    }

    private int[] chooseDays(int[] users, int[] shops, boolean[] inShop, boolean[] inExtra) {
        Accumulator acc = dayAcc.reset();
        double shopMass = sum(wShop, shops);
        for (int u : users) {
            for (int k = byUser.start[u]; k < byUser.start[u + 1]; k++) {
                int c = byUser.cell[k];
                if (!taken[c] && inShop[t.shop[c]] && extraOk(c)) {
                    acc.add(t.day[c], t.count[c]);
                }
            }
        }
        double factor = expected(sum(wUser, users), shopMass, 1, extraMass(inExtra));
        return acc.best(wDay, factor, config.maxDays());
    }

    private int[] chooseExtras(int[] users, int[] shops, boolean[] inShop, boolean[] inDay) {
        Accumulator acc = extraAcc.reset();
        double shopMass = sum(wShop, shops);
        for (int u : users) {
            for (int k = byUser.start[u]; k < byUser.start[u + 1]; k++) {
                int c = byUser.cell[k];
                if (!taken[c] && inShop[t.shop[c]] && inDay[t.day[c]]) {
                    acc.add(t.extra[c], t.count[c]);
                }
            }
        }
        double factor = expected(sum(wUser, users), shopMass, sumFlag(wDay, inDay), 1);
        return acc.best(wExtra, factor, Integer.MAX_VALUE);
    }

    private double extraMass(boolean[] inExtra) {
        return inExtra == null || extraAll ? total : extraSum;
    }

    private static double sumFlag(double[] w, boolean[] flags) {
        double s = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                s += w[i];
            }
        }
        return s;
    }

    /** Masses of the candidates of one mode; picks the prefix (by observed / expected) with the best score. */
    private static final class Accumulator {
        private final double[] mass;
        private int[] touched = new int[64];
        private int count;

        Accumulator(int n) {
            mass = new double[n];
        }

        Accumulator reset() {
            for (int k = 0; k < count; k++) {
                mass[touched[k]] = 0;
            }
            count = 0;
            return this;
        }

        void add(int id, int c) {
            if (mass[id] == 0) {
                if (count == touched.length) {
                    touched = Arrays.copyOf(touched, count * 2);
                }
                touched[count++] = id;
            }
            mass[id] += c;
        }

        /**
         * Drops the candidates with fewer than {@code min} purchases in the block: a buyer with one or two
         * purchases in all looks hugely surprising wherever those purchases fall (small-sample noise), while a
         * ring account buys again and again.
         */
        void dropBelow(int min) {
            int kept = 0;
            for (int k = 0; k < count; k++) {
                int id = touched[k];
                if (mass[id] >= min) {
                    touched[kept++] = id;
                } else {
                    mass[id] = 0;
                }
            }
            count = kept;
        }

        /**
         * Members: the prefix of candidates, sorted by mass / (weight × factor), whose total scores best, of at
         * most {@code limit} members.
         */
        int[] best(double[] weight, double factor, int limit) {
            if (count == 0) {
                return new int[0];
            }
            Integer[] order = new Integer[count];
            double[] ratio = new double[count];
            for (int k = 0; k < count; k++) {
                order[k] = k;
                ratio[k] = mass[touched[k]] / Math.max(weight[touched[k]] * factor, 1e-12);
            }
            Arrays.sort(order, (a, b) -> Double.compare(ratio[b], ratio[a]));
            double m = 0;
            double e = 0;
            double bestScore = 0;
            int bestLength = 0;
            for (int k = 0; k < Math.min(count, limit); k++) {
                int id = touched[order[k]];
                m += mass[id];
                e += weight[id] * factor;
                double score = poisson(m, e);
                if (score > bestScore) {
                    bestScore = score;
                    bestLength = k + 1;
                }
            }
            int[] out = new int[bestLength];
            for (int k = 0; k < bestLength; k++) {
                out[k] = touched[order[k]];
            }
            Arrays.sort(out);
            return out;
        }
    }

    /** Cells grouped by one mode's id. */
    static final class Csr {
        final int[] start;
        final int[] cell;

        private Csr(int[] start, int[] cell) {
            this.start = start;
            this.cell = cell;
        }

        static Csr of(int[] key, int keys, int size) {
            int[] start = new int[keys + 1];
            for (int i = 0; i < size; i++) {
                start[key[i] + 1]++;
            }
            for (int k = 0; k < keys; k++) {
                start[k + 1] += start[k];
            }
            int[] fill = Arrays.copyOf(start, keys);
            int[] cell = new int[size];
            for (int i = 0; i < size; i++) {
                cell[fill[key[i]]++] = i;
            }
            return new Csr(start, cell);
        }
    }
}
