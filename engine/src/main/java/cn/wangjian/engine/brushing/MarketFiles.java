package cn.wangjian.engine.brushing;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rich input: orders, reviews and parcels as CSV with a header row (RFC 4180 quoting, so review texts may hold
 * commas). Times are epoch seconds or ISO dates ("2026-11-11T10:00:00+08:00", or "2026-11-11 10:00:00" read as
 * China time); amounts in yuan. Every problem names the file's line and the field.
 */
public final class MarketFiles {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    /** A problem with the input, naming the line and the field. */
    public static final class BadInputException extends Exception {
        public BadInputException(String message) {
            super(message);
        }
    }

    private MarketFiles() {
    }

    private interface RowMapper<T> {
        T map(Row row) throws BadInputException;
    }

    /** One CSV record with its line number, for field access with clear errors. */
    static final class Row {
        private final CSVRecord record;
        private final String file;

        Row(CSVRecord record, String file) {
            this.record = record;
            this.file = file;
        }

        long line() {
            return record.getRecordNumber() + 1; // the header is line 1
        }

        String required(String field) throws BadInputException {
            String v = optional(field);
            if (v == null) {
                throw new BadInputException(file + " 第 " + line() + " 行缺少字段 " + field + " (line " + line()
                        + ": field '" + field + "' is missing)");
            }
            return v;
        }

        String optional(String field) {
            if (!record.isMapped(field) || !record.isSet(field)) {
                return null;
            }
            String v = record.get(field).strip();
            return v.isEmpty() ? null : v;
        }

        long time(String field, boolean required) throws BadInputException {
            String v = required ? required(field) : optional(field);
            if (v == null) {
                return 0;
            }
            try {
                if (v.chars().allMatch(Character::isDigit)) {
                    return Long.parseLong(v);
                }
                if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                    return OffsetDateTime.parse(v).toEpochSecond();
                }
                return LocalDateTime.parse(v, LOCAL).atZone(CHINA).toEpochSecond();
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new BadInputException(file + " 第 " + line() + " 行字段 " + field + " 不是时间：“" + v + "” (line "
                        + line() + ": field '" + field + "' is not a time)");
            }
        }

        int integer(String field) throws BadInputException {
            String v = required(field);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new BadInputException(file + " 第 " + line() + " 行字段 " + field + " 不是整数：“" + v + "” (line "
                        + line() + ": field '" + field + "' is not an integer)");
            }
        }

        long cents(String field) throws BadInputException {
            String v = optional(field);
            if (v == null) {
                return 0;
            }
            try {
                return new BigDecimal(v).movePointRight(2).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new BadInputException(file + " 第 " + line() + " 行字段 " + field + " 不是金额：“" + v + "” (line "
                        + line() + ": field '" + field + "' is not an amount in yuan)");
            }
        }
    }

    private static <T> List<T> read(Reader in, String file, String[] required, RowMapper<T> mapper)
            throws IOException, BadInputException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String r : required) {
                if (!header.containsKey(r)) {
                    throw new BadInputException(file + " 第 1 行（表头）缺少列 " + r + "；应有 " + Arrays.toString(required)
                            + " (header lacks column '" + r + "')");
                }
            }
            List<T> out = new ArrayList<>();
            for (CSVRecord record : parser) {
                Row row = new Row(record, file);
                try {
                    out.add(mapper.map(row));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file + " 第 " + row.line() + " 行：" + e.getMessage() + " (line "
                            + row.line() + ")");
                }
            }
            if (out.isEmpty()) {
                throw new BadInputException(file + " 没有数据行 (no data lines)");
            }
            return out;
        } catch (java.io.UncheckedIOException e) {
            throw new BadInputException(file + ": CSV 格式错误 (malformed CSV): " + e.getMessage());
        }
    }

    public static List<Order> orders(Reader in, String file) throws IOException, BadInputException {
        return read(in, file, new String[] {"order_id", "buyer", "shop", "time"}, r -> new Order(
                r.required("order_id"), r.required("buyer"), r.required("shop"), r.optional("item"),
                r.time("time", true), r.cents("amount"), r.optional("ip"), r.optional("device"),
                r.optional("address_hash")));
    }

    public static List<Review> reviews(Reader in, String file) throws IOException, BadInputException {
        return read(in, file, new String[] {"review_id", "buyer", "shop", "rating"}, r -> {
            String images = r.optional("image_hashes");
            return new Review(r.required("review_id"), r.optional("order_id"), r.required("buyer"),
                    r.required("shop"), r.integer("rating"), r.time("time", false), r.optional("text"),
                    images == null ? List.of() : Arrays.stream(images.split(";")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList());
        });
    }

    public static List<Parcel> parcels(Reader in, String file) throws IOException, BadInputException {
        return read(in, file, new String[] {"tracking_number", "carrier"}, r -> new Parcel(
                r.required("tracking_number"), r.required("carrier"), r.optional("order_id"), r.optional("buyer"),
                r.optional("weight_grams") == null ? -1 : r.integer("weight_grams"), r.time("pickup_time", false),
                r.time("sign_time", false), r.optional("pickup_place"), r.optional("sign_place")));
    }

    /** The day (China time) of an epoch second. */
    static long day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(CHINA).toLocalDate().toEpochDay();
    }
}
