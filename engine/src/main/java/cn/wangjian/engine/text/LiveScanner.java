package cn.wangjian.engine.text;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The scanner in use, replaced as a whole when the rules change: a scan that started keeps the scanner it
 * started with, the next one sees the new rules; there is never a half-built scanner.
 */
public final class LiveScanner {

    private final AtomicReference<TextScanner> current;

    public LiveScanner(RuleCatalog catalog) {
        current = new AtomicReference<>(TextScanner.build(catalog));
    }

    public TextScanner get() {
        return current.get();
    }

    /** Builds a scanner from the new catalog, then swaps it in; a catalog that fails to build changes nothing. */
    public TextScanner replace(RuleCatalog catalog) {
        return use(TextScanner.build(catalog));
    }

    /** Swaps in a scanner already built (for a caller that built it to check a catalog first). */
    public TextScanner use(TextScanner built) {
        current.set(java.util.Objects.requireNonNull(built, "built"));
        return built;
    }
}
