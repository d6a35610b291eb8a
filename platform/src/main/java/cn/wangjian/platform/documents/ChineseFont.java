package cn.wangjian.platform.documents;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Chinese font every generated PDF embeds: Noto Serif CJK SC from the Debian package fonts-noto-cjk (which
 * {@code ./wangjian test} installs), loaded once.
 */
public final class ChineseFont {

    public static final Path FILE = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
    private static BaseFont font;

    private ChineseFont() {
    }

    public static synchronized BaseFont get() {
        if (font == null) {
            if (!Files.exists(FILE)) {
                throw new IllegalStateException("缺少中文字体 " + FILE + "，请安装 Debian 软件包 fonts-noto-cjk "
                        + "(Chinese font missing: install fonts-noto-cjk)");
            }
            try {
                String[] names = BaseFont.enumerateTTCNames(FILE.toString());
                int index = 0;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].contains("SC")) {
                        index = i;
                        break;
                    }
                }
                font = BaseFont.createFont(FILE + "," + index, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("无法加载中文字体 (cannot load the Chinese font): " + e.getMessage(), e);
            }
        }
        return font;
    }
}
