package cn.wangjian.engine.brushing;

import java.util.Arrays;

/**
 * Purchases aggregated into cells of a multi-aspect tensor: buyer × shop × day (× IP or device, optional), each
 * cell with a count. Columnar int arrays: 10 million cells take about 200 MB.
 */
public final class Tensor {

    final int[] user;
    final int[] shop;
    final int[] day;
    final int[] extra; // IP / device / address, or null
    final int[] count;
    final int size;
    final int users;
    final int shops;
    final int days;
    final int extras;
    final long mass;

    Tensor(int[] user, int[] shop, int[] day, int[] extra, int[] count, int size) {
        this.user = user;
        this.shop = shop;
        this.day = day;
        this.extra = extra;
        this.count = count;
        this.size = size;
        int u = 0;
        int s = 0;
        int d = 0;
        int x = 0;
        long m = 0;
        for (int i = 0; i < size; i++) {
            u = Math.max(u, user[i]);
            s = Math.max(s, shop[i]);
            d = Math.max(d, day[i]);
            if (extra != null) {
                x = Math.max(x, extra[i]);
            }
            m += count[i];
        }
        this.users = size == 0 ? 0 : u + 1;
        this.shops = size == 0 ? 0 : s + 1;
        this.days = size == 0 ? 0 : d + 1;
        this.extras = extra == null || size == 0 ? 0 : x + 1;
        this.mass = m;
    }

    public int size() {
        return size;
    }

    public long mass() {
        return mass;
    }

    public int users() {
        return users;
    }

    public int shops() {
        return shops;
    }

    public int days() {
        return days;
    }

    public boolean hasExtra() {
        return extra != null;
    }

    public int user(int i) {
        return user[i];
    }

    public int shop(int i) {
        return shop[i];
    }

    public int day(int i) {
        return day[i];
    }

    public int extra(int i) {
        return extra == null ? -1 : extra[i];
    }

    public int count(int i) {
        return count[i];
    }

    /** Collects cells; grows its arrays as needed. */
    public static final class Builder {
        private int[] user = new int[1024];
        private int[] shop = new int[1024];
        private int[] day = new int[1024];
        private int[] extra;
        private int[] count = new int[1024];
        private int size;

        public Builder(boolean withExtra) {
            extra = withExtra ? new int[1024] : null;
        }

        public Builder add(int u, int s, int d, int x, int c) {
            if (size == user.length) {
                int cap = (int) Math.min(Integer.MAX_VALUE - 8, (long) size * 3 / 2 + 1024);
                user = Arrays.copyOf(user, cap);
                shop = Arrays.copyOf(shop, cap);
                day = Arrays.copyOf(day, cap);
                count = Arrays.copyOf(count, cap);
                if (extra != null) {
                    extra = Arrays.copyOf(extra, cap);
                }
            }
            user[size] = u;
            shop[size] = s;
            day[size] = d;
            if (extra != null) {
                extra[size] = x;
            }
            count[size] = c;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        int user(int i) {
            return user[i];
        }

        int shop(int i) {
            return shop[i];
        }

        int day(int i) {
            return day[i];
        }

        int extra(int i) {
            return extra == null ? 0 : extra[i];
        }

        void addCount(int i, int c) {
            count[i] += c;
        }

        /** Bytes one more cell costs when the arrays grow (for the memory check of readers). */
        public int bytesPerCell() {
            return 4 * (extra == null ? 4 : 5);
        }

        public Tensor build() {
            return new Tensor(user, shop, day, extra, count, size);
        }
    }
}
