package cn.wangjian.platform.documents;

import java.util.Optional;

/**
 * A file's type read from its first bytes, never from its name or declared type: JPEG, PNG, PDF, MP4 (an ISO box
 * "ftyp" at byte 4) or WebM (the EBML header). Used wherever people upload photos, videos or documents.
 */
public final class FileTypes {

    private FileTypes() {
    }

    /** The content type, or empty when the bytes are none of the known types. */
    public static Optional<String> of(byte[] b) {
        if (b == null || b.length < 12) {
            return Optional.empty();
        }
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Optional.of("application/pdf");
        }
        if (b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return Optional.of("video/mp4");
        }
        if ((b[0] & 0xff) == 0x1A && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xDF && (b[3] & 0xff) == 0xA3) {
            return Optional.of("video/webm");
        }
        return Optional.empty();
    }
}
