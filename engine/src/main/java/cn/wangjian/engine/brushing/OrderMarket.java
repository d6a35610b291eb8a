package cn.wangjian.engine.brushing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Orders turned into the tensor the ring detector reads (buyer × shop × day, optionally × IP, device or address),
 * and rings turned back into what a case officer needs: the accounts, shops and dates by name, the orders that make
 * up each ring, their parcels, and the empty-parcel and review signals that touch the ring's accounts.
 */
public final class OrderMarket {

    /** The fourth mode, if any. */
    public enum Extra { NONE, IP, DEVICE, ADDRESS }

    /** A ring with its evidence. */
    public record RingEvidence(RingDetector.Block block, List<String> accounts, List<String> shops,
                               List<LocalDate> days, List<String> extras, List<String> orders,
                               List<String> parcels, List<Signal> signals, String explanation) {
    }

    private final List<Order> orders;
    private final Tensor tensor;
    private final List<String> buyers = new ArrayList<>();
    private final List<String> shops = new ArrayList<>();
    private final List<String> extras = new ArrayList<>();
    private final long firstDay;
    private final int[][] ordersOfCell;

    public OrderMarket(List<Order> orders, Extra extra) {
        this.orders = List.copyOf(orders);
        Map<String, Integer> buyerIds = new HashMap<>();
        Map<String, Integer> shopIds = new HashMap<>();
        Map<String, Integer> extraIds = new HashMap<>();
        long first = Long.MAX_VALUE;
        for (Order o : orders) {
            first = Math.min(first, MarketFiles.day(o.time()));
        }
        firstDay = first;
        MarketGenerator.CellMap cells = new MarketGenerator.CellMap(orders.size());
        int[] cellOfOrder = new int[orders.size()];
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            int b = buyerIds.computeIfAbsent(o.buyer(), k -> { buyers.add(k); return buyers.size() - 1; });
            int s = shopIds.computeIfAbsent(o.shop(), k -> { shops.add(k); return shops.size() - 1; });
            int d = (int) (MarketFiles.day(o.time()) - firstDay);
            String x = switch (extra) {
                case IP -> o.ip();
                case DEVICE -> o.device();
                case ADDRESS -> o.addressHash();
                case NONE -> null;
            };
            int xi = extra == Extra.NONE ? 0 : extraIds.computeIfAbsent(x == null ? "(unknown)" : x,
                    k -> { extras.add(k); return extras.size() - 1; });
            cellOfOrder[i] = cells.addAndGetCell(b, s, d, xi, 1);
        }
        MarketGenerator.Market market = cells.toMarket(extra != Extra.NONE, 0);
        tensor = market.tensor();
        int[] perCell = new int[tensor.size()];
        for (int c : cellOfOrder) {
            perCell[c]++;
        }
        ordersOfCell = new int[tensor.size()][];
        for (int c = 0; c < perCell.length; c++) {
            ordersOfCell[c] = new int[perCell[c]];
        }
        int[] fill = new int[tensor.size()];
        for (int i = 0; i < cellOfOrder.length; i++) {
            int c = cellOfOrder[i];
            ordersOfCell[c][fill[c]++] = i;
        }
    }

    public Tensor tensor() {
        return tensor;
    }

    /** Detects rings and gathers their evidence; {@code signals} are the parcel and review signals found. */
    public List<RingEvidence> rings(RingDetector.Config config, List<Parcel> parcels, List<Signal> signals) {
        Map<String, List<String>> parcelsOfOrder = new HashMap<>();
        for (Parcel p : parcels) {
            if (p.orderId() != null) {
                parcelsOfOrder.computeIfAbsent(p.orderId(), k -> new ArrayList<>()).add(p.trackingNumber());
            }
        }
        List<RingEvidence> out = new ArrayList<>();
        for (RingDetector.Block b : new RingDetector(tensor, config).detect()) {
            List<String> accounts = names(b.users(), buyers);
            List<String> orderIds = new ArrayList<>();
            TreeSet<String> parcelIds = new TreeSet<>();
            for (int c : b.cells()) {
                for (int i : ordersOfCell[c]) {
                    String id = orders.get(i).orderId();
                    orderIds.add(id);
                    parcelIds.addAll(parcelsOfOrder.getOrDefault(id, List.of()));
                }
            }
            TreeSet<String> accountSet = new TreeSet<>(accounts);
            List<Signal> touching = signals.stream()
                    .filter(s -> s.accounts().stream().anyMatch(accountSet::contains)).toList();
            List<LocalDate> days = new ArrayList<>();
            for (int d : b.days()) {
                days.add(LocalDate.ofEpochDay(firstDay + d));
            }
            String text = cn.wangjian.engine.cli.BrushingCli.explain(b).replaceFirst("第 [0-9–]+ 天",
                    days.get(0) + (days.size() > 1 ? " 至 " + days.get(days.size() - 1) : ""))
                    + (parcelIds.isEmpty() ? "" : " 涉及运单 " + parcelIds.size() + " 个。")
                    + (touching.isEmpty() ? "" : " 另有 " + touching.size() + " 条空包或虚假评价线索涉及这些账号。");
            out.add(new RingEvidence(b, accounts, names(b.shops(), shops), days,
                    b.extras() == null ? List.of() : names(b.extras(), extras), orderIds,
                    new ArrayList<>(parcelIds), touching, text));
        }
        return out;
    }

    private static List<String> names(int[] ids, List<String> names) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(names.get(id));
        }
        return out;
    }

    /** Orders by shop and day, for reports. */
    public Map<String, Integer> ordersPerShop() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Order o : orders) {
            out.merge(o.shop(), 1, Integer::sum);
        }
        return out;
    }
}
