package cn.wangjian.engine.brushing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Empty-parcel (空包) signals in logistics records: implausible weight, signing minutes after pickup, a tracking
 * number on several orders, pickup and signing at one place for different buyers, one route for many buyers a day.
 */
public final class ParcelChecks {

    /** Thresholds, as data. */
    public record Config(int minWeightGrams, long minTransitSeconds, int samePlaceBuyers, int routeBuyersPerDay) {
        public static Config defaults() {
            return new Config(50, 2 * 3600, 3, 10);
        }
    }

    private ParcelChecks() {
    }

    public static List<Signal> check(List<Parcel> parcels, Config config) {
        List<Signal> out = new ArrayList<>();
        Map<String, List<Parcel>> byNumber = new LinkedHashMap<>();
        Map<String, List<Parcel>> samePlace = new LinkedHashMap<>();
        Map<String, List<Parcel>> routeDay = new LinkedHashMap<>();
        for (Parcel p : parcels) {
            if (p.weightGrams() >= 0 && p.weightGrams() < config.minWeightGrams()) {
                out.add(new Signal(Signal.Kind.LIGHT_PARCEL, List.of(p.trackingNumber()), accounts(List.of(p)), null,
                        String.format("运单 %s 重量仅 %d 克，低于 %d 克，疑似空包。", p.trackingNumber(), p.weightGrams(),
                                config.minWeightGrams())));
            }
            long transit = p.signTime() - p.pickupTime();
            if (p.signTime() > 0 && p.pickupTime() > 0 && transit < config.minTransitSeconds()) {
                out.add(new Signal(Signal.Kind.INSTANT_SIGN, List.of(p.trackingNumber()), accounts(List.of(p)), null,
                        transit < 0
                                ? String.format("运单 %s 签收时间早于揽收时间，物流记录不真实。", p.trackingNumber())
                                : String.format("运单 %s 揽收后 %d 分钟即签收，疑似空包或虚假物流。", p.trackingNumber(),
                                transit / 60)));
            }
            byNumber.computeIfAbsent(p.carrier() + "\u0000" + p.trackingNumber(), k -> new ArrayList<>()).add(p);
            if (p.pickupPlace() != null && p.pickupPlace().equals(p.signPlace())) {
                samePlace.computeIfAbsent(p.pickupPlace(), k -> new ArrayList<>()).add(p);
            }
            if (p.pickupPlace() != null && p.signPlace() != null && p.pickupTime() > 0) {
                long day = Math.floorDiv(p.pickupTime() + 8 * 3600, 86400);
                routeDay.computeIfAbsent(p.pickupPlace() + " → " + p.signPlace() + "\u0000" + day, k -> new ArrayList<>())
                        .add(p);
            }
        }
        byNumber.forEach((k, list) -> {
            long orders = list.stream().map(Parcel::orderId).distinct().count();
            if (orders > 1) {
                out.add(new Signal(Signal.Kind.REUSED_TRACKING_NUMBER, numbers(list), accounts(list), null,
                        String.format("运单号 %s 用于 %d 个订单，疑似重复使用运单号伪造发货。", list.get(0).trackingNumber(),
                                orders)));
            }
        });
        samePlace.forEach((place, list) -> {
            List<String> buyers = accounts(list);
            if (buyers.size() >= config.samePlaceBuyers()) {
                out.add(new Signal(Signal.Kind.SAME_PLACE, numbers(list), buyers, null,
                        String.format("%d 个买家的 %d 个包裹均在“%s”揽收并签收，疑似空包。", buyers.size(), list.size(), place)));
            }
        });
        routeDay.forEach((key, list) -> {
            List<String> buyers = accounts(list);
            if (buyers.size() >= config.routeBuyersPerDay()) {
                String route = key.substring(0, key.indexOf('\u0000'));
                out.add(new Signal(Signal.Kind.REUSED_ROUTE, numbers(list), buyers, null,
                        String.format("同一天 %d 个买家的包裹走同一路线（%s），疑似批量寄递空包。", buyers.size(), route)));
            }
        });
        return out;
    }

    private static List<String> accounts(List<Parcel> list) {
        return new ArrayList<>(new TreeSet<>(list.stream().map(Parcel::buyer)
                .filter(java.util.Objects::nonNull).toList()));
    }

    private static List<String> numbers(List<Parcel> list) {
        return list.stream().map(Parcel::trackingNumber).distinct().sorted(Comparator.naturalOrder()).toList();
    }
}
