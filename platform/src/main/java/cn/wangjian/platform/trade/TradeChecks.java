package cn.wangjian.platform.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks of one reported row, turning it into a typed record or refusing it with the field and the reason.
 * Buyers' identifiers must be the platform's salted hashes (64 hexadecimal characters, e.g. HMAC-SHA256 with the
 * platform's salt); a value that is not such a hash is refused and never repeated in the answer or the log.
 */
final class TradeChecks {

    static final int MAX_REVIEW_CHARS = 5_000;
    static final int MAX_ID_CHARS = 128;
    static final int MAX_IMAGES = 20;
    /** Clocks differ: an order up to this far after the platform's own time is still accepted. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    record OrderRow(String orderId, String buyerHash, String shopId, String itemId, Instant orderedAt, long amountCents,
                    String paymentHash, String addressHash, String deviceHash, String parcelNo) {
    }

    record ReviewRow(String reviewId, String orderId, String buyerHash, String shopId, int rating, Instant reviewedAt,
                     String text, List<String> imageHashes) {
    }

    record ParcelRow(String carrier, String trackingNo, String orderId, Integer weightGrams, Instant pickedUpAt,
                     Instant signedAt, String pickupPlace, String signPlace) {
    }

    private final String platform;
    /** The platform's shops and their opening days (null: not reported). */
    private final Map<String, LocalDate> shops;
    private final Instant now;

    TradeChecks(String platform, Map<String, LocalDate> shops, Instant now) {
        this.platform = platform;
        this.shops = shops;
        this.now = now;
    }

    OrderRow order(TradeRows.Row row) {
        ownPlatform(row);
        String shop = shop(row);
        Instant at = time(row, "ordered_at", true);
        opened(shop, at, "ordered_at");
        return new OrderRow(id(row, "order_id", true), hash(row, "buyer", true), shop, id(row, "item_id", false), at,
                amount(row), hash(row, "payment", false), hash(row, "address", false), hash(row, "device", false),
                id(row, "parcel_no", false));
    }

    ReviewRow review(TradeRows.Row row) {
        ownPlatform(row);
        String shop = shop(row);
        Instant at = time(row, "reviewed_at", true);
        opened(shop, at, "reviewed_at");
        String text = row.get("text") == null ? "" : row.get("text");
        if (text.length() > MAX_REVIEW_CHARS) {
            throw new RowRejected("字段 text：评价内容 " + text.length() + " 字，超过上限 " + MAX_REVIEW_CHARS
                    + " 字 (review text too long)");
        }
        List<String> images = new ArrayList<>();
        if (row.get("image_hashes") != null) {
            for (String h : row.get("image_hashes").split(";")) {
                String v = hexHash(h.strip());
                if (v == null) {
                    throw new RowRejected("字段 image_hashes：每个图片应为 SHA-256 哈希（64 位十六进制）(image hash expected)");
                }
                images.add(v);
            }
            if (images.size() > MAX_IMAGES) {
                throw new RowRejected("字段 image_hashes：图片超过 " + MAX_IMAGES + " 张 (too many images)");
            }
        }
        return new ReviewRow(id(row, "review_id", true), id(row, "order_id", false), hash(row, "buyer", true), shop,
                rating(row), at, text, images);
    }

    ParcelRow parcel(TradeRows.Row row) {
        ownPlatform(row);
        Instant picked = time(row, "picked_up_at", false);
        Instant signed = time(row, "signed_at", false);
        if (picked != null && signed != null && signed.isBefore(picked)) {
            throw new RowRejected("字段 signed_at：签收时间早于揽收时间 (signed before picked up)");
        }
        Integer weight = null;
        if (row.get("weight_grams") != null) {
            try {
                weight = Integer.parseInt(row.get("weight_grams"));
            } catch (NumberFormatException e) {
                throw new RowRejected("字段 weight_grams：应为整数克数 (whole grams expected)");
            }
            if (weight < 0) {
                throw new RowRejected("字段 weight_grams：重量不能为负数 (negative weight)");
            }
        }
        return new ParcelRow(id(row, "carrier", true), id(row, "tracking_no", true), id(row, "order_id", true), weight,
                picked, signed, text(row, "pickup_place"), text(row, "sign_place"));
    }

    private void ownPlatform(TradeRows.Row row) {
        String named = row.get("platform");
        if (named != null && !named.equals(platform)) {
            throw new RowRejected("字段 platform：只能报送本平台（" + platform + "）的数据，而非 " + named
                    + " (a platform reports only its own transactions)");
        }
    }

    private String shop(TradeRows.Row row) {
        String shop = id(row, "shop_id", true);
        if (!shops.containsKey(shop)) {
            throw new RowRejected("字段 shop_id：本平台没有店铺 " + shop + "，请先报送店铺 (no such shop of this platform)");
        }
        return shop;
    }

    private void opened(String shop, Instant at, String field) {
        LocalDate opened = shops.get(shop);
        if (opened != null && at.atZone(CHINA).toLocalDate().isBefore(opened)) {
            throw new RowRejected("字段 " + field + "：早于店铺 " + shop + " 的开业日期 " + opened + " (before the shop opened)");
        }
    }

    private static String id(TradeRows.Row row, String field, boolean required) {
        String v = row.get(field);
        if (v == null) {
            if (required) {
                throw new RowRejected("字段 " + field + "：缺少 (missing)");
            }
            return null;
        }
        if (v.length() > MAX_ID_CHARS) {
            throw new RowRejected("字段 " + field + "：超过 " + MAX_ID_CHARS + " 个字符 (too long)");
        }
        return v;
    }

    private static String text(TradeRows.Row row, String field) {
        String v = row.get(field);
        if (v != null && v.length() > 200) {
            throw new RowRejected("字段 " + field + "：超过 200 个字符 (too long)");
        }
        return v;
    }

    private static String hash(TradeRows.Row row, String field, boolean required) {
        String v = row.get(field);
        if (v == null) {
            if (required) {
                throw new RowRejected("字段 " + field + "：缺少 (missing)");
            }
            return null;
        }
        String h = hexHash(v);
        if (h == null) {
            // the value is not repeated: it may be a buyer's identifier in clear
            throw new RowRejected("字段 " + field + "：应为平台加盐后的哈希（64 位十六进制），不得报送明文"
                    + " (a salted hash is required, not clear text)");
        }
        return h;
    }

    /** {@code v} in lower case if it is 64 hexadecimal digits, else null (a loop: this runs for every row). */
    static String hexHash(String v) {
        if (v.length() != 64) {
            return null;
        }
        boolean upper = false;
        for (int i = 0; i < 64; i++) {
            char c = v.charAt(i);
            if (c >= 'A' && c <= 'F') {
                upper = true;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        return upper ? v.toLowerCase(java.util.Locale.ROOT) : v;
    }

    /**
     * The usual form {@code 2026-11-03T10:15:00+08:00} read directly; anything else (fractions, {@code Z}, …) by
     * {@link OffsetDateTime#parse}. Null when the usual form's fields are out of range: the full parser then decides.
     */
    static Instant usualOffsetTime(String v) {
        if (v.length() != 25 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                || v.charAt(16) != ':' || v.charAt(22) != ':' || (v.charAt(19) != '+' && v.charAt(19) != '-')) {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        int offH = digits(v, 20, 2);
        int offM = digits(v, 23, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month)
                .lengthOfMonth() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || offH < 0 || offH > 18 || offM < 0 || offM > 59) {
            return null;
        }
        long offset = (offH * 3600L + offM * 60L) * (v.charAt(19) == '-' ? -1 : 1);
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86400 + hour * 3600L + minute * 60L + second - offset);
    }

    private static int digits(String v, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private Instant time(TradeRows.Row row, String field, boolean required) {
        String v = row.get(field);
        if (v == null) {
            if (required) {
                throw new RowRejected("字段 " + field + "：缺少 (missing)");
            }
            return null;
        }
        Instant at = usualOffsetTime(v);
        try {
            if (at == null) {
                at = OffsetDateTime.parse(v).toInstant();
            }
        } catch (DateTimeParseException e) {
            try {
                at = LocalDateTime.parse(v).atZone(CHINA).toInstant();
            } catch (DateTimeParseException e2) {
                throw new RowRejected("字段 " + field + "：不是时间（如 2026-11-03T10:15:00+08:00，或北京时间 "
                        + "2026-11-03T10:15:00）(not a time)");
            }
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new RowRejected("字段 " + field + "：时间 " + v + " 晚于当前时间 (in the future)");
        }
        return at;
    }

    private static long amount(TradeRows.Row row) {
        String v = row.get("amount");
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new RowRejected("字段 amount：应为以元计的金额，如 39.90 (amount in yuan expected)");
        }
        if (yuan.signum() < 0) {
            throw new RowRejected("字段 amount：金额不能为负数 (negative amount)");
        }
        if (yuan.scale() > 2) {
            throw new RowRejected("字段 amount：金额最多两位小数 (at most two decimals)");
        }
        if (yuan.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
            throw new RowRejected("字段 amount：金额超过一亿元，不合理 (implausible amount)");
        }
        return yuan.movePointRight(2).longValueExact();
    }

    private static int rating(TradeRows.Row row) {
        try {
            int r = Integer.parseInt(row.get("rating"));
            if (r >= 1 && r <= 5) {
                return r;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new RowRejected("字段 rating：评分应为 1 至 5 的整数 (rating 1-5)");
    }
}
