package cn.wangjian.engine.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Orders, parcels and reviews of the demo market over the 30 days to {@link Listings#TODAY}. Ordinary buyers pick
 * shops with a skewed popularity (a few shops sell most); planted brushing rings are groups of accounts that buy
 * again and again from a few shops on a few days, whose parcels are empty (tens of grams) and whose reviews are
 * five stars from one template. Every ring account and ring order is in the ground truth.
 */
final class Orders {

    static final int RING_ACCOUNTS_MIN = 15;
    static final int RING_ACCOUNTS_MAX = 30;
    private static final long START = Listings.TODAY.minusDays(29).atStartOfDay(ZoneId.of("Asia/Shanghai"))
            .toEpochSecond();
    private static final String[] CARRIERS = {"SF", "YTO", "ZTO", "STO", "YD", "EMS"};
    private static final String[] REVIEWS = {"物流很快，包装完好", "质量不错，和描述一致", "一般吧，还可以", "性价比高，会回购",
            "尺码偏小，建议拍大一号", "客服态度好", "颜色有色差", "第二次购买了"};
    private static final String RING_REVIEW = "好评！宝贝非常好，卖家服务态度很好，物流超快，五星推荐";

    private Orders() {
    }

    static void write(BufferedWriter orders, BufferedWriter parcels, BufferedWriter reviews, long count, int rings,
                      List<String> shops, SplittableRandom random, List<String[]> truth) throws IOException {
        orders.write("order_id,buyer,shop,item,time,amount\n");
        parcels.write("tracking_number,carrier,order_id,buyer,weight_grams,pickup_time,sign_time\n");
        reviews.write("review_id,order_id,buyer,shop,rating,time,text\n");
        long buyers = Math.max(1_000, count / 10);
        List<String[]> ringRows = new ArrayList<>();
        // the rings first, so their size is known; their orders are written among the others below
        for (int r = 0; r < rings; r++) {
            int accounts = RING_ACCOUNTS_MIN + random.nextInt(RING_ACCOUNTS_MAX - RING_ACCOUNTS_MIN + 1);
            int ringShops = 1 + random.nextInt(3);
            int days = 3 + random.nextInt(3);
            int firstDay = random.nextInt(30 - days);
            List<String> members = new ArrayList<>();
            for (int a = 0; a < accounts; a++) {
                String account = "R" + r + "-" + Long.toString(random.nextLong(1L << 40), 36);
                members.add(account);
                truth.add(new String[] {"BRUSHING_RING_ACCOUNT", "ACCOUNT", account});
            }
            String[] ringShopKeys = new String[ringShops];
            for (int s = 0; s < ringShops; s++) {
                ringShopKeys[s] = shops.get(random.nextInt(shops.size()));
            }
            // each account buys from most ring shops on most ring days, and at least three times in all
            for (String account : members) {
                List<long[]> skipped = new ArrayList<>();
                int bought = 0;
                for (int s = 0; s < ringShops; s++) {
                    for (int d = firstDay; d < firstDay + days; d++) {
                        long time = START + d * 86_400L + 9 * 3600 + random.nextInt(12 * 3600);
                        if (random.nextDouble() < 0.85) {
                            ringRows.add(new String[] {account, ringShopKeys[s], Long.toString(time)});
                            bought++;
                        } else {
                            skipped.add(new long[] {s, time});
                        }
                    }
                }
                for (int k = 0; bought < 3 && k < skipped.size(); k++, bought++) {
                    ringRows.add(new String[] {account, ringShopKeys[(int) skipped.get(k)[0]],
                            Long.toString(skipped.get(k)[1])});
                }
            }
        }
        long total = Math.max(count, ringRows.size());
        int ringIndex = 0;
        for (long i = 0; i < total; i++) {
            // the ring orders spread evenly among the rest: sampling without replacement
            boolean ring = random.nextLong(total - i) < ringRows.size() - ringIndex;
            String id = "O" + (100_000_000 + i);
            String buyer;
            String shop;
            long time;
            if (ring) {
                String[] row = ringRows.get(ringIndex++);
                buyer = row[0];
                shop = row[1];
                time = Long.parseLong(row[2]);
                truth.add(new String[] {"BRUSHING_RING_ORDER", "ORDER", id});
            } else {
                buyer = "U" + (1_000_000 + random.nextLong(buyers));
                // skewed popularity: the square of a uniform variate favours the first shops of the list
                double u = random.nextDouble();
                shop = shops.get((int) (u * u * shops.size()));
                time = START + random.nextLong(30 * 86_400L);
            }
            int cents = ring ? 990 + random.nextInt(2000) : 990 + random.nextInt(30_000);
            orders.write(id + "," + buyer + "," + shop + ",item," + time + "," + (cents / 100) + "."
                    + String.format("%02d", cents % 100) + "\n");
            int weight = ring ? 10 + random.nextInt(40) : 200 + random.nextInt(3_000);
            long pickup = time + 3_600 + random.nextInt(20 * 3_600);
            long sign = pickup + (ring ? 3_600 + random.nextInt(6 * 3_600) : 86_400 + random.nextInt(3 * 86_400));
            parcels.write("T" + id.substring(1) + "," + CARRIERS[random.nextInt(CARRIERS.length)] + "," + id + ","
                    + buyer + "," + weight + "," + pickup + "," + sign + "\n");
            if (ring || random.nextDouble() < 0.3) {
                int rating = ring ? 5 : 1 + Math.min(4, (int) (random.nextDouble() * 5.5));
                String text = ring ? RING_REVIEW : REVIEWS[random.nextInt(REVIEWS.length)];
                reviews.write("V" + id.substring(1) + "," + id + "," + buyer + "," + shop + "," + rating + ","
                        + (sign + 3_600 + random.nextInt(86_400)) + "," + text + "\n");
            }
        }
    }
}
