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
import java.util.regex.Pattern;

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

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
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
                String v = h.strip().toLowerCase(java.util.Locale.ROOT);
                if (!HASH.matcher(v).matches()) {
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
        String h = v.toLowerCase(java.util.Locale.ROOT);
        if (!HASH.matcher(h).matches()) {
            // the value is not repeated: it may be a buyer's identifier in clear
            throw new RowRejected("字段 " + field + "：应为平台加盐后的哈希（64 位十六进制），不得报送明文"
                    + " (a salted hash is required, not clear text)");
        }
        return h;
    }

    private Instant time(TradeRows.Row row, String field, boolean required) {
        String v = row.get(field);
        if (v == null) {
            if (required) {
                throw new RowRejected("字段 " + field + "：缺少 (missing)");
            }
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(v).toInstant();
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
