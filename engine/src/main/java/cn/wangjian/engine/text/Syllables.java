package cn.wangjian.engine.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sound and the look of Chinese characters, for finding terms written in pinyin, with homophones or with
 * look-alike characters: each character's toneless syllable (from HanLP's offline dictionary), pinyin in Latin
 * letters split into syllables, and a curated table of characters that look alike ({@code lookalikes.txt}).
 */
final class Syllables {

    /** Syllable id → toneless pinyin; id 0 means "no syllable". */
    static final String[] NAMES;
    /** Folded character → syllable id of the character it looks like or is (0 when it has none). */
    static final short[] OF_CHAR = new short[65536];
    /** Folded character → the character it is taken for (itself unless it is a known look-alike). */
    static final char[] CANONICAL = new char[65536];

    private static final Map<String, Short> IDS = new HashMap<>();
    private static final int MAX_SYLLABLE = 6;

    static {
        List<String> names = new ArrayList<>();
        names.add("");
        for (Pinyin p : Pinyin.values()) {
            String s = p.getPinyinWithoutTone();
            if (!s.isEmpty() && !s.equals("none") && !IDS.containsKey(s)) {
                IDS.put(s, (short) names.size());
                names.add(s);
            }
        }
        NAMES = names.toArray(String[]::new);
        for (int c = 0; c < 65536; c++) {
            CANONICAL[c] = (char) c;
        }
        StringBuilder han = new StringBuilder();
        for (int c = 0x3400; c < 0xA000; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han.append((char) c);
            }
        }
        for (int i = 0; i < han.length(); i++) {
            char c = han.charAt(i);
            List<Pinyin> py = HanLP.convertToPinyinList(String.valueOf(c));
            if (!py.isEmpty()) {
                Short id = IDS.get(py.get(0).getPinyinWithoutTone());
                if (id != null) {
                    OF_CHAR[c] = id;
                }
            }
        }
        loadLookalikes();
    }

    private Syllables() {
    }

    private static void loadLookalikes() {
        try (var in = Syllables.class.getResourceAsStream("/cn/wangjian/engine/rules/lookalikes.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                char canonical = parts[0].charAt(0);
                for (int i = 1; i < parts.length; i++) {
                    char alike = parts[i].charAt(0);
                    CANONICAL[alike] = canonical;
                    OF_CHAR[alike] = OF_CHAR[canonical];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static short id(String toneless) {
        Short id = IDS.get(toneless);
        return id == null ? 0 : id;
    }

    /** The syllables of a term, from HanLP's word-level pinyin (so that polyphonic characters read right). */
    static short[] ofTerm(String folded) {
        List<Pinyin> py = HanLP.convertToPinyinList(folded);
        if (py.size() != folded.length()) {
            return null;
        }
        short[] out = new short[py.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(py.get(i).getPinyinWithoutTone());
            if (out[i] == 0) {
                return null;
            }
        }
        return out;
    }

    /**
     * Splits a run of Latin letters into pinyin syllables, preferring fewer syllables; null when the run is
     * not pinyin (most English words are not).
     */
    static short[] splitLatin(char[] letters, int length) {
        if (length == 0 || length > 48) {
            return null;
        }
        int[] best = new int[length + 1];
        int[] from = new int[length + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= length; end++) {
            for (int len = 1; len <= MAX_SYLLABLE && len <= end; len++) {
                int start = end - len;
                if (best[start] == Integer.MAX_VALUE) {
                    continue;
                }
                if (IDS.containsKey(new String(letters, start, len)) && best[start] + 1 < best[end]) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[length] == Integer.MAX_VALUE) {
            return null;
        }
        short[] out = new short[best[length]];
        int end = length;
        for (int k = out.length - 1; k >= 0; k--) {
            int start = from[end];
            out[k] = IDS.get(new String(letters, start, end - start));
            end = start;
        }
        return out;
    }

    /** Where each syllable of {@link #splitLatin} starts within the run. */
    static int[] splitOffsets(char[] letters, short[] syllables) {
        int[] offsets = new int[syllables.length];
        int pos = 0;
        for (int k = 0; k < syllables.length; k++) {
            offsets[k] = pos;
            pos += NAMES[syllables[k]].length();
        }
        return offsets;
    }
}
