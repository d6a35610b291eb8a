package cn.wangjian.engine.registry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The encodings Chinese government exports come in: UTF-8 (with or without a byte-order mark) and GB18030 (a
 * superset of GBK and GB2312). Detection: a BOM decides; otherwise a strict UTF-8 decoding that succeeds means
 * UTF-8, and anything else is read as GB18030. A chosen encoding that does not fit is reported with the line.
 */
public final class TextEncoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {
    }

    /** The encoding of the bytes: UTF-8 if they are valid UTF-8, else GB18030. */
    /**
     * The encodings imports accept, by name: UTF-8 and GB18030 with its subsets GBK and GB2312 (read as GB18030,
     * their superset). Any other name is refused: a Latin-1 file read as Latin-1 would be stored as mojibake.
     */
    public static Charset allowed(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT).replace("_", "-");
        return switch (n) {
            case "UTF-8", "UTF8" -> java.nio.charset.StandardCharsets.UTF_8;
            case "GB18030", "GBK", "GB2312", "CP936" -> GB18030;
            default -> throw new IllegalArgumentException("不支持的编码 " + name + "：只接受 UTF-8 或 GB18030（含 GBK、GB2312）"
                    + " (unsupported encoding)");
        };
    }

    public static Charset detect(byte[] bytes) {
        if (hasUtf8Bom(bytes)) {
            return StandardCharsets.UTF_8;
        }
        return firstBadLine(bytes, StandardCharsets.UTF_8).isEmpty() ? StandardCharsets.UTF_8 : GB18030;
    }

    /** Decodes with the given encoding (null: detect), without a BOM; a misfit is an error naming the line. */
    public static String decode(byte[] bytes, Charset chosen) throws CharacterCodingException {
        Charset cs = chosen == null ? detect(bytes) : chosen;
        int offset = cs.equals(StandardCharsets.UTF_8) && hasUtf8Bom(bytes) ? 3 : 0;
        Optional<Long> bad = firstBadLine(bytes, cs);
        if (bad.isPresent()) {
            throw new MisfitException(bad.get(), cs);
        }
        return cs.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    }

    /** The first line (1-based) whose bytes are not valid in the encoding. */
    public static Optional<Long> firstBadLine(byte[] bytes, Charset cs) {
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return Optional.of(line);
                }
                line++;
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    /** The encoding of a file, read as a stream (a file of any size): as {@link #detect(byte[])}. */
    public static Charset detect(java.nio.file.Path file) throws java.io.IOException {
        if (hasUtf8Bom(file)) {
            return StandardCharsets.UTF_8;
        }
        return firstBadLine(file, StandardCharsets.UTF_8).isEmpty() ? StandardCharsets.UTF_8 : GB18030;
    }

    /** The first line (1-based) of a file, read as a stream, whose bytes are not valid in the encoding. */
    public static Optional<Long> firstBadLine(java.nio.file.Path file, Charset cs) throws java.io.IOException {
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buffer = new byte[1 << 16];
        byte[] line = new byte[1024];
        int length = 0;
        long lineNo = 1;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        if (!fits(decoder, line, length)) {
                            return Optional.of(lineNo);
                        }
                        lineNo++;
                        length = 0;
                    } else {
                        if (length == line.length) {
                            line = java.util.Arrays.copyOf(line, line.length * 2);
                        }
                        line[length++] = buffer[i];
                    }
                }
            }
        }
        return fits(decoder, line, length) ? Optional.empty() : Optional.of(lineNo);
    }

    private static boolean fits(CharsetDecoder decoder, byte[] bytes, int length) {
        try {
            decoder.reset().decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * A reader of a file in the encoding (null: detected), without its BOM; a misfit is an error naming the line.
     * Decoding errors are reported, never replaced.
     */
    public static java.io.BufferedReader reader(java.nio.file.Path file, Charset chosen) throws java.io.IOException {
        Charset cs = chosen == null ? detect(file) : chosen;
        Optional<Long> bad = firstBadLine(file, cs);
        if (bad.isPresent()) {
            throw new MisfitException(bad.get(), cs);
        }
        java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16);
        if (cs.equals(StandardCharsets.UTF_8) && hasUtf8Bom(file)) {
            in.skipNBytes(3);
        }
        return new java.io.BufferedReader(new java.io.InputStreamReader(in, cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    private static boolean hasUtf8Bom(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return hasUtf8Bom(in.readNBytes(3));
        }
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    /** The chosen encoding does not fit the file. */
    public static final class MisfitException extends CharacterCodingException {
        private final long line;
        private final String message;

        MisfitException(long line, Charset cs) {
            this.line = line;
            this.message = "第 " + line + " 行不是有效的 " + cs.name() + " 编码；文件可能是"
                    + (cs.equals(StandardCharsets.UTF_8) ? " GB18030" : " UTF-8") + " 编码，请改选或使用自动识别 (line "
                    + line + " is not valid " + cs.name() + ")";
        }

        public long line() {
            return line;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

}
