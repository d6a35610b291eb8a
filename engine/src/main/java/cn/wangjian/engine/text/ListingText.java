package cn.wangjian.engine.text;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A listing's title and description scanned as one text, so that rules about what the whole listing lacks (a
 * required statement) see all of it; each finding's span is then given back in the field it lies in. A listing
 * without a product category is scanned with the category its text shows ({@link TextScanner#scanPage}).
 */
public final class ListingText {

    /** A finding with its field ({@code title} or {@code description}), that field's text and the span in it. */
    public record FieldFinding(Finding finding, String field, String fieldText, int start, int end) {
    }

    private ListingText() {
    }

    public static void scan(TextScanner scanner, String title, String description, String category, LocalDate conduct,
                            Consumer<FieldFinding> sink) {
        String t = title == null ? "" : title;
        String whole = description == null ? t : t + "\n" + description;
        Consumer<Finding> each = f -> {
            boolean inTitle = f.start() < t.length() || description == null;
            int offset = inTitle ? 0 : t.length() + 1;
            String text = inTitle ? t : description;
            int start = Math.max(0, Math.min(text.length(), f.start() - offset));
            int end = Math.max(start, Math.min(text.length(), f.end() - offset));
            sink.accept(new FieldFinding(f, inTitle ? "title" : "description", text, start, end));
        };
        if (category == null || category.isBlank()) {
            scanner.scanPage(whole, conduct, each); // not given: inferred from the listing's own text
        } else {
            scanner.scan(whole, category, conduct, each);
        }
    }
}
