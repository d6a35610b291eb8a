package cn.wangjian.engine.brushing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/**
 * The tensor format of the research tools: one cell a line, {@code user,shop,day[,ip],count} as 0-based integers
 * (a header line of names is allowed). Every problem is reported with its line number; a file too large for the
 * heap is refused at the line where it would no longer fit, not with an OutOfMemoryError.
 */
public final class TensorCsv {

    private TensorCsv() {
    }

    /** A problem with the input, naming the line. */
    public static final class BadInputException extends Exception {
        public BadInputException(String message) {
            super(message);
        }
    }

    public static Tensor read(BufferedReader in) throws IOException, BadInputException {
        return read(in, Runtime.getRuntime().maxMemory() / 3);
    }

    /** Reads with a memory budget for the tensor's arrays (they double while growing, hence × 2). */
    static Tensor read(BufferedReader in, long budget) throws IOException, BadInputException {
        Tensor.Builder builder = null;
        int columns = -1;
        long line = 0;
        String text;
        while ((text = in.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            if (line == 1 && !Character.isDigit(text.strip().charAt(0)) && text.strip().charAt(0) != '-') {
                continue; // a header
            }
            int[] v = parse(text, line);
            if (columns < 0) {
                columns = v.length;
                if (columns != 4 && columns != 5) {
                    throw new BadInputException("第 " + line + " 行有 " + columns + " 列，应为 4 列 (user,shop,day,count) "
                            + "或 5 列 (user,shop,day,ip,count) (line " + line + ": expected 4 or 5 columns, found "
                            + columns + ")");
                }
                builder = new Tensor.Builder(columns == 5);
            } else if (v.length != columns) {
                throw new BadInputException("第 " + line + " 行有 " + v.length + " 列，前面的行有 " + columns
                        + " 列 (line " + line + ": " + v.length + " columns, earlier lines have " + columns + ")");
            }
            for (int k = 0; k < columns - 1; k++) {
                if (v[k] < 0) {
                    throw new BadInputException("第 " + line + " 行第 " + (k + 1) + " 列的编号不能为负：" + v[k]
                            + " (line " + line + ", column " + (k + 1) + ": ids are 0-based, not negative)");
                }
            }
            int count = v[columns - 1];
            if (count <= 0) {
                throw new BadInputException("第 " + line + " 行的计数应为正整数：" + count + " (line " + line
                        + ": count must be positive)");
            }
            if ((long) builder.size() * builder.bytesPerCell() * 2 > budget) {
                throw new BadInputException("第 " + line + " 行：文件过大，超出可用内存（约 " + budget / (1 << 20)
                        + " MB 可用于张量）；请增大 -Xmx（WANGJIAN_JAVA_OPTS）或拆分文件 (line " + line
                        + ": the file does not fit the heap; raise -Xmx or split it)");
            }
            builder.add(v[0], v[1], v[2], columns == 5 ? v[3] : 0, count);
        }
        if (builder == null) {
            throw new BadInputException("文件为空，没有任何数据行 (the file has no data lines)");
        }
        return builder.build();
    }

    private static int[] parse(String text, long line) throws BadInputException {
        int[] out = new int[6];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i <= len) {
            int start = i;
            while (i < len && text.charAt(i) != ',') {
                i++;
            }
            if (n == out.length) {
                throw new BadInputException("第 " + line + " 行列数过多 (line " + line + ": too many columns)");
            }
            String field = text.substring(start, i).strip();
            try {
                long value = Long.parseLong(field);
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                out[n++] = (int) value;
            } catch (NumberFormatException e) {
                throw new BadInputException("第 " + line + " 行第 " + (n + 1) + " 列不是整数：“" + field + "” (line "
                        + line + ", column " + (n + 1) + ": not an integer: '" + field + "')");
            }
            i++;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    public static void write(Tensor t, Writer out) throws IOException {
        out.write(t.hasExtra() ? "user,shop,day,ip,count\n" : "user,shop,day,count\n");
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < t.size(); i++) {
            sb.setLength(0);
            sb.append(t.user[i]).append(',').append(t.shop[i]).append(',').append(t.day[i]).append(',');
            if (t.hasExtra()) {
                sb.append(t.extra[i]).append(',');
            }
            sb.append(t.count[i]).append('\n');
            out.write(sb.toString());
        }
    }
}
