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
 * nothing changes. The best block is taken as a ring, its cells removed, and the search repeats.
 *
 * <p>Stopping rule, version 2 ({@link Config#defaults()}, decision 0022): a block is a ring when it is significant,
 * at the same Bonferroni bound ln(H / α) on the Poisson tail (H the blocks the search could have chosen), under
 * each of three nulls — the independence model above; the configuration model of distinct account–shop pairs
 * (heavy buyers reach many shops, a shop's regulars repeat at it; neither makes many accounts share shops); and
 * the accounts' own history at those shops spread over the window by the days' traffic (regulars buy all along, a
 * ring buys in its campaign) — see {@link Coordination}. Its members are the accounts that bought at two or more of
 * its shops. Nothing limits its duration or its number of accounts: a block that covers every day of the window
 * cannot pass the third test, so its search stops early.
 *
 * <p>Version 1 ({@link Config#version1()}) used fixed limits instead of the second and third nulls: a block is a
 * ring if it holds at least {@code minAccounts} accounts each with at least {@code minPurchases} purchases,
 * at least {@code minFill} of its account × shop × day cells filled, {@code minDensity} times its expectation, and
 * spans at most {@code maxDays} days. Those limits were set on the rings the detector was first built on (bursts of
 * one to three days) and cut rings that run for weeks (decision 0021).
 */
public final class RingDetector {

    /**
     * Tuning; the defaults are the ones the benchmarks and tests use. {@code maxDays} 0 means no limit;
     * {@code coBuying} is the number of the block's shops a member must have bought at (0 or 1: any);
     * {@code coordination} turns on the second and third nulls. {@code maxAccounts} bounds the search's cost: a
     * block that grows past it is the market, not a ring.
     */
    public record Config(int seeds, int maxRings, double alpha, int minAccounts, int maxAccounts, int rounds,
                         int maxDays, double minFill, int minPurchases, double minDensity, int coBuying,
                         boolean coordination) {
        /** Version 2 of the platform's parameters: three nulls, no limit of duration or size (decision 0022). */
        public static Config defaults() {
            return new Config(300, 50, 1e-6, 2, 5000, 12, 0, 0, 2, 0, 2, true);
        }

        /** Version 1 of the platform's parameters: bursts of at most a week, ten accounts, 200 × the expectation. */
        public static Config version1() {
            return new Config(300, 50, 1e-6, 10, 5000, 12, 7, 0.05, 3, 200, 0, false);
        }
    }

    /** A detected block: its members, its mass against the expectation, its score and its cells. */
    public record Block(int[] users, int[] shops, int[] days, int[] extras, long mass, double expected,
                        double score, int[] cells, Coordination coordination) {
        public double density() {
            return mass / Math.max(expected, 1e-12);
        }

        /** The share of the block's account × shop × day cells that hold purchases. */
        public double fill() {
            double volume = (double) users.length * shops.length * days.length;
            return Math.min(1.0, cells.length / Math.max(volume, 1));
        }
    }

    /**
     * The block against the two nulls that explain the market's legitimate heavy and loyal buying. Together: its
     * distinct account–shop pairs against the configuration model (Σ k_u Σ k_s / P, k the distinct shops of an
     * account, the distinct buyers of a shop, P all pairs): heavy buyers reach many shops and loyal customers
     * repeat at one, neither makes many accounts share shops. At once: the block's purchases in its days
     * against the same accounts' purchases at the same shops over the whole window, spread by the days' traffic:
     * a shop's regulars buy all along, a ring buys in its campaign.
     */
    public record Coordination(int pairs, double pairsExpected, long windowMass, double windowExpected) {
        public double pairScore() {
            return poisson(pairs, pairsExpected);
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
    /** Per account, the number of the block's shops it bought at (cleared after each choice), and a stamp. */
    private final int[] shopsOfUser;
    private final int[] lastShop;
    private int shopStamp;
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
        shopsOfUser = new int[tensor.users()];
        lastShop = new int[tensor.users()];
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
            Block b = search((int) (seed >>> 32), (int) seed);
            if (b == null || b.score() < threshold || b.users().length < config.minAccounts()
                    || b.fill() < config.minFill() || b.density() < config.minDensity()) {
                continue;
            }
            if (config.coordination() && (b.score() < shapeThreshold(b) || b.coordination().pairScore() < threshold
                    || poisson(b.mass(), b.coordination().windowExpected()) < threshold)) {
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

    /**
     * ln(seeds × rounds / α) + ln C(U, |users|) + ln C(S, |shops|) + ln C(D, |days|) (+ the IPs): the bound counted
     * over every block of the found block's shape, not only over the search's choices. A few light buyers whose
     * two purchases fall on one day at a handful of shops are improbable as a block, but among all the blocks of
     * that shape such coincidences are expected; a ring's mass grows with its members faster than their number.
     */
    double shapeThreshold(Block b) {
        double bound = Math.log((double) config.seeds() * config.rounds()) + Math.log(1 / config.alpha())
                + lnChoose(t.users(), b.users().length) + lnChoose(t.shops(), b.shops().length)
                + lnChoose(t.days(), b.days().length);
        return b.extras() == null ? bound : bound + lnChoose(t.extras, b.extras().length);
    }

    static double lnChoose(int n, int k) {
        double s = 0;
        for (int i = 0; i < Math.min(k, n - k); i++) {
            s += Math.log((double) (n - i) / (i + 1));
        }
        return s;
    }

    /** (shop, day) cells ordered by how far their mass exceeds the expectation; the best {@code seeds}. */
    private long[] seeds() {
        int days = t.days();
        double[] mass = new double[t.shops() * days];
        for (int i = 0; i < t.size(); i++) {
            mass[t.shop[i] * days + t.day[i]] += t.count[i];
        }
        int n = Math.min(config.seeds(), mass.length);
        if (n == 0) {
            return new long[0];
        }
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

    public static double poisson(double m, double e) {
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
                int[] newUsers = chooseUsers(shops, days, inExtra, round == 0 ? 1 : config.minPurchases(),
                        shops.length >= 2 ? config.coBuying() : 0);
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
                if (config.coordination() && round > 0 && newDays.length == t.days()) {
                    return null; // bought on every day of the window: the window test cannot pass
                }
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
            if (config.coBuying() > 1 && shops.length >= config.coBuying()) {
                // the ring's members: accounts buying at two or more of its shops
                int[] members = chooseUsers(shops, days, inExtra, config.minPurchases(), config.coBuying());
                setMembers(inUser, users, members);
                users = members;
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
            return new Block(users, shops, days, extras, mass, e, poisson(mass, e), Arrays.copyOf(cells, n),
                    coordination(users, shops, days));
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

    /** The block's {@link Coordination}: its distinct pairs and its purchases over the whole window. */
    private Coordination coordination(int[] users, int[] shops, int[] days) {
        if (degrees == null) {
            degrees = new Degrees();
        }
        int pairs = 0;
        long windowMass = 0;
        for (int u : users) {
            int stamp = ++pairStamp;
            for (int k = byUser.start[u]; k < byUser.start[u + 1]; k++) {
                int c = byUser.cell[k];
                int s = t.shop[c];
                if (!taken[c] && inShop[s] && extraOk(c)) {
                    windowMass += t.count[c];
                    if (inDay[t.day[c]] && degrees.seen[s] != stamp) {
                        degrees.seen[s] = stamp;
                        pairs++;
                    }
                }
            }
        }
        double ku = 0;
        for (int u : users) {
            ku += degrees.ofUser[u];
        }
        double ks = 0;
        for (int s : shops) {
            ks += degrees.ofShop[s];
        }
        return new Coordination(pairs, ku * ks / degrees.pairs, windowMass, windowMass * sum(wDay, days) / total);
    }

    /** Distinct shops per account, distinct buyers per shop, all distinct pairs (computed on first use). */
    private final class Degrees {
        final int[] ofUser = new int[t.users()];
        final int[] ofShop = new int[t.shops()];
        final int[] seen = new int[t.shops()];
        final double pairs;

        Degrees() {
            long p = 0;
            for (int u = 0; u < t.users(); u++) {
                int stamp = u + 1;
                for (int k = byUser.start[u]; k < byUser.start[u + 1]; k++) {
                    int s = t.shop[byUser.cell[k]];
                    if (seen[s] != stamp) {
                        seen[s] = stamp;
                        ofUser[u]++;
                        ofShop[s]++;
                        p++;
                    }
                }
            }
            pairs = Math.max(1, p);
            pairStamp = t.users() + 1;
        }
    }

    private Degrees degrees;
    private int pairStamp;

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

    private int[] chooseUsers(int[] shops, int[] days, boolean[] inExtra, int minPurchases, int minShops) {
        Accumulator acc = userAcc.reset();
        int dayCount = t.days();
        for (int s : shops) {
            int stamp = ++shopStamp;
            for (int d : days) {
                int key = s * dayCount + d;
                for (int k = byShopDay.start[key]; k < byShopDay.start[key + 1]; k++) {
                    int c = byShopDay.cell[k];
                    if (!taken[c] && extraOk(c)) {
                        int u = t.user[c];
                        acc.add(u, t.count[c]);
                        if (lastShop[u] != stamp) {
                            lastShop[u] = stamp;
                            shopsOfUser[u]++;
                        }
                    }
                }
            }
        }
        double factor = expected(1, sum(wShop, shops), sum(wDay, days), extraMass(inExtra));
        acc.keep(minPurchases, shopsOfUser, minShops);
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
        return acc.best(wDay, factor, config.maxDays() > 0 ? config.maxDays() : Integer.MAX_VALUE);
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
         * Keeps the candidates with at least {@code min} purchases in the block, and at least {@code minShops} of
         * its shops by {@code shops}, which it zeroes for every candidate. A buyer with one or two purchases in all
         * looks hugely surprising wherever those purchases fall (small-sample noise), while a ring account buys
         * again and again; and a buyer at one of the block's shops only is that shop's customer, explained by the
         * shop, while a ring's accounts buy at the ring's shops together.
         */
        void keep(int min, int[] shops, int minShops) {
            int kept = 0;
            for (int k = 0; k < count; k++) {
                int id = touched[k];
                if (mass[id] >= min && shops[id] >= minShops) {
                    touched[kept++] = id;
                } else {
                    mass[id] = 0;
                }
                shops[id] = 0;
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
