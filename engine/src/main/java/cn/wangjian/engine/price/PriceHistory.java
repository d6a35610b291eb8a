package cn.wangjian.engine.price;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A seller's price of one item over time, as changes in ascending date order (each date once). Written as a JSON
 * array {@code [{"from":"2026-11-01","price":106}, …]} or compactly as {@code 2026-11-01:106;2026-11-24:76}.
 */
public record PriceHistory(List<PriceChange> changes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PriceHistory {
        changes = List.copyOf(changes);
        for (int i = 1; i < changes.size(); i++) {
            if (!changes.get(i).from().isAfter(changes.get(i - 1).from())) {
                throw new IllegalArgumentException("价格变动日期须递增且不重复 (dates must ascend): "
                        + changes.get(i - 1).from() + " → " + changes.get(i).from());
            }
        }
    }

    public static final PriceHistory EMPTY = new PriceHistory(List.of());

    /** Parses either notation; an empty or blank text is the empty history. */
    public static PriceHistory parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String t = text.strip();
        List<PriceChange> changes = new ArrayList<>();
        if (t.startsWith("[")) {
            JsonNode array;
            try {
                array = JSON.readTree(t);
            } catch (IOException e) {
                throw new IllegalArgumentException("价格历史不是有效的 JSON 数组 (price history is not a JSON array)");
            }
            int i = 0;
            for (JsonNode n : array) {
                i++;
                if (!n.isObject() || !n.hasNonNull("from") || !n.hasNonNull("price")) {
                    throw new IllegalArgumentException("价格历史第 " + i + " 项应为 {\"from\":日期,\"price\":金额} (entry " + i
                            + " needs from and price)");
                }
                changes.add(new PriceChange(date(n.get("from").asText(), i), cents(n.get("price").asText(), i)));
            }
        } else {
            String[] parts = t.split(";");
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].strip();
                int colon = p.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("价格历史第 " + (i + 1) + " 项应为 日期:金额 (entry " + (i + 1)
                            + " should be date:price)");
                }
                changes.add(new PriceChange(date(p.substring(0, colon).strip(), i + 1),
                        cents(p.substring(colon + 1).strip(), i + 1)));
            }
        }
        return new PriceHistory(changes);
    }

    private static LocalDate date(String s, int entry) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("价格历史第 " + entry + " 项的日期不是 YYYY-MM-DD：" + s + " (not a date)");
        }
    }

    /** A yuan amount with at most two decimals, as cents. */
    public static long cents(String yuan, int entry) {
        try {
            BigDecimal v = new BigDecimal(yuan);
            if (v.signum() < 0 || v.scale() > 2) {
                throw new NumberFormatException();
            }
            return v.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException((entry > 0 ? "价格历史第 " + entry + " 项的" : "") + "金额应为非负数、最多两位小数："
                    + yuan + " (not an amount)");
        }
    }

    /** The price in effect on {@code day}, or -1 before the first change. */
    public long priceOn(LocalDate day) {
        long price = -1;
        for (PriceChange c : changes) {
            if (c.from().isAfter(day)) {
                break;
            }
            price = c.cents();
        }
        return price;
    }

    /** Index of the change in effect on {@code day}, or -1. */
    public int indexOn(LocalDate day) {
        int index = -1;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).from().isAfter(day)) {
                break;
            }
            index = i;
        }
        return index;
    }

    /** The compact notation. */
    public String compact() {
        StringBuilder b = new StringBuilder();
        for (PriceChange c : changes) {
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(c.from()).append(':').append(BigDecimal.valueOf(c.cents(), 2).stripTrailingZeros().toPlainString());
        }
        return b.toString();
    }
}
