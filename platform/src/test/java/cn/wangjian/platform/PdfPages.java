package cn.wangjian.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF as a reader gets it: each page rendered to a PNG, its text, and the fonts its pages use. */
public final class PdfPages {

    /** One rendered page: its PNG bytes, the share of its pixels that are not white, its text and its fonts. */
    public record Page(int number, byte[] png, double ink, String text, List<String> fonts, boolean fontsEmbedded) {
    }

    private PdfPages() {
    }

    public static List<Page> render(byte[] pdf, int dpi) throws IOException {
        List<Page> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                javax.imageio.ImageIO.write(image, "png", png);
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                PDPage page = doc.getPage(i);
                List<String> fonts = new ArrayList<>();
                boolean embedded = true;
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    embedded &= font.isEmbedded();
                }
                out.add(new Page(i + 1, png.toByteArray(), ink(image), stripper.getText(doc), List.copyOf(fonts),
                        embedded));
            }
        }
        return out;
    }

    private static double ink(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r + g + b < 600) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }
}
