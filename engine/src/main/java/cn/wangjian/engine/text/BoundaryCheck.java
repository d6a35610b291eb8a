package cn.wangjian.engine.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import java.util.function.Predicate;

/**
 * Word boundaries in Chinese: a term found across a word boundary is not the term (高仿 in 提高仿真度, 最佳 in
 * 最，佳能相机). Cheap first: only when a dictionary word crosses one of the match's edges is the window around it
 * segmented with HanLP. The match is dropped when a word reaches into it from before its start, or when a word
 * that starts inside it runs past its end, unless that word itself begins with a term (第一名 begins with 第一).
 */
final class BoundaryCheck {

    private static final int REACH = 3;
    /**
     * The dictionary-and-bigram segmenter without name, place and organisation recognition: a boundary is a matter
     * of words, and the recognisers cost about a third of each call (profiled at a catalog term every 370 bytes).
     */
    private static final com.hankcs.hanlp.seg.Segment SEGMENT = HanLP.newSegment().enableNameRecognize(false)
            .enablePlaceRecognize(false).enableOrganizationRecognize(false).enableTranslatedNameRecognize(false)
            .enableJapaneseNameRecognize(false);

    private BoundaryCheck() {
    }

    /**
     * @param window    the folded text around the match, skipped characters removed
     * @param from      the match's first index in the window
     * @param to        the match's end index in the window (exclusive)
     * @param beginsWithTerm whether a word begins with one of the catalog's terms
     */
    static boolean aligned(String window, int from, int to, Predicate<String> beginsWithTerm) {
        if (!crossed(window, from) && !crossed(window, to)) {
            return true;
        }
        List<Term> terms = SEGMENT.seg(window);
        int pos = 0;
        for (Term t : terms) {
            int start = pos;
            int end = pos + t.word.length();
            pos = end;
            if (start < from && from < end) {
                return false;
            }
            if (start > from && start < to && end > to && !beginsWithTerm.test(t.word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a dictionary word of 2..REACH+1 characters starts before the edge and ends after it. */
    private static boolean crossed(String w, int edge) {
        if (edge <= 0 || edge >= w.length()) {
            return false;
        }
        for (int start = Math.max(0, edge - REACH); start < edge; start++) {
            for (int end = edge + 1; end <= Math.min(w.length(), start + REACH + 1); end++) {
                if (CoreDictionary.contains(w.substring(start, end))) {
                    return true;
                }
            }
        }
        return false;
    }
}
