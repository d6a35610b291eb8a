package cn.wangjian.engine.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The text violation scanner: built once from a {@link RuleCatalog} (immutable, thread-safe), it scans a text of
 * a product category and reports every violation with the law in force on the day of the conduct and the span
 * in the original text.
 *
 * <p>One pass reads each UTF-16 unit once: a 64K-entry table gives its class in the term automaton and in the
 * syllable automaton (both normalised: width, case, script, numerals), or says to skip it (white space,
 * zero-width, inserted punctuation) or to take the slow path (HTML tags and entities, surrogates). Context checks
 * (exceptions, safe harbours, word boundaries) run only around hits.
 */
public final class TextScanner {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int RING = 64;
    private static final int MAX_TERM = 48;
    private static final int KIND_NORMAL = 0;
    private static final int KIND_SOFT = 1;
    private static final int KIND_SKIP = 2;
    private static final int KIND_SLOW = 3;
    private static final int EV_BITS = 10;
    private static final int EV_MASK = (1 << EV_BITS) - 1;
    private static final int EV_LATIN = EV_MASK;
    /** Bit of the pass table: the character is a whole term by itself (such as %). */
    private static final int SINGLE_BIT = 1 << (EV_BITS + 2);
    private static final int CLASS_SHIFT = EV_BITS + 3;

    /** What a pattern of the term automaton stands for. */
    private record PatternInfo(String folded, int length, List<RuleTerm> terms, Set<String> allowedFor,
                               Set<String> markerFor, Set<String> requiredFor, boolean latinStart,
                               boolean latinEnd, boolean han) {
        boolean special() {
            return !allowedFor.isEmpty() || !markerFor.isEmpty() || !requiredFor.isEmpty();
        }
    }

    private record RuleTerm(Rule rule, int index, String term) {
    }

    /** What the scanner derives from a rule once: folded safe-harbour words, whether it has allowed words. */
    private record RuleContext(List<String> followedBy, List<String> precededBy, boolean hasAllowed) {
    }

    private record EvasionTerm(String folded, short[] syllables, List<RuleTerm> terms) {
    }

    private final RuleCatalog catalog;
    private final int[] enc = new int[65536];
    private final int[] classOfFolded; // folded char -> class, for slow-path characters
    private final short[] evClassOfSyllable;
    private final Automaton terms;
    private final PatternInfo[] patterns;
    /** Whether a pattern is an allowed word, a source marker or a required statement (read for every hit). */
    private final boolean[] special;
    /** 2^14 words of 64 bits (128 KB, stays in the second-level cache). */
    private static final int PAIR_WORD_BITS = 14;
    /**
     * A blocked Bloom filter of the (first, second) classes of every pattern of two or more characters: the pair's
     * hash picks one word and two bits in it, so one load answers (false positives about 1 % for 50,000 terms).
     */
    private final long[] pairs = new long[1 << PAIR_WORD_BITS];
    /** The same for the first three classes of every pattern of three or more characters. */
    private final long[] triples = new long[1 << PAIR_WORD_BITS];
    /** Bit set of the classes that are a whole pattern by themselves. */
    private final long[] singles;
    private final Automaton evasion;
    private final short[] evasionTable;
    private final boolean[] evasionAccepting;
    private final int[] evasionSlot;
    /** Bit {@code a * width + b}: a watched term begins with syllable classes a, b. */
    private final long[] evasionPairs;
    private final int evasionWidth;
    private final EvasionTerm[] evasionTerms;
    private final Set<String> foldedTerms;
    private final List<Rule> missingStatementRules;
    private final Map<String, Pattern> numberPatterns;
    /** By rule index (the rule's position in the catalog). */
    private final RuleContext[] contexts;
    private final Map<LawReference, String> articles = new java.util.IdentityHashMap<>();
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    private final LawfulText lawful;
    /** The category a page shows by its cues ({@link #scanPage}). */
    private final PageCategory pageCategory;

    private TextScanner(RuleCatalog catalog) {
        this.catalog = catalog;
        this.lawful = catalog.lawfulText();
        Map<String, PatternBuilder> byFolded = new LinkedHashMap<>();
        List<Rule> missing = new ArrayList<>();
        Map<String, Pattern> numbers = new HashMap<>();
        contexts = new RuleContext[catalog.rules().size()];
        for (Rule rule : catalog.rules()) {
            int index = ruleIndex.size();
            ruleIndex.put(rule.id(), index);
            contexts[index] = new RuleContext(rule.exceptFollowedBy().stream().map(CharFold::foldTerm).toList(),
                    rule.exceptPrecededBy().stream().map(CharFold::foldTerm).toList(), !rule.allowedWords().isEmpty());
            for (LawReference l : rule.laws()) {
                articles.put(l, l.article() + ("R".equals(l.verification()) ? "（待核实）" : ""));
            }
            switch (rule.kind()) {
                case MISSING_STATEMENT -> {
                    missing.add(rule);
                    add(byFolded, rule.required()).requiredFor.add(rule.id());
                }
                case NUMBER_FORMAT -> numbers.put(rule.id(), Pattern.compile(rule.numberPattern()));
                default -> { }
            }
            for (String t : rule.terms()) {
                PatternBuilder pb = add(byFolded, t);
                if (pb != null) {
                    pb.terms.add(new RuleTerm(rule, ruleIndex.get(rule.id()), t));
                }
            }
            for (String w : rule.allowedWords()) {
                PatternBuilder pb = add(byFolded, w);
                if (pb != null) {
                    pb.allowedFor.add(rule.id());
                }
            }
            for (String m : rule.sourceMarkers()) {
                PatternBuilder pb = add(byFolded, m);
                if (pb != null) {
                    pb.markerFor.add(rule.id());
                }
            }
        }
        pageCategory = new PageCategory(catalog.categoryCues());
        // the alphabet: every folded character of every pattern
        classOfFolded = new int[65536];
        int classes = 0;
        for (String folded : byFolded.keySet()) {
            for (int i = 0; i < folded.length(); i++) {
                char f = folded.charAt(i);
                if (classOfFolded[f] == 0) {
                    classOfFolded[f] = ++classes;
                }
            }
        }
        patterns = new PatternInfo[byFolded.size()];
        int[][] sequences = new int[byFolded.size()][];
        int id = 0;
        foldedTerms = new HashSet<>();
        for (PatternBuilder pb : byFolded.values()) {
            int[] seq = new int[pb.folded.length()];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = classOfFolded[pb.folded.charAt(i)];
            }
            sequences[id] = seq;
            char first = pb.folded.charAt(0);
            char last = pb.folded.charAt(pb.folded.length() - 1);
            patterns[id] = new PatternInfo(pb.folded, seq.length, List.copyOf(pb.terms), Set.copyOf(pb.allowedFor),
                    Set.copyOf(pb.markerFor), Set.copyOf(pb.requiredFor), isAsciiAlnum(first), isAsciiAlnum(last),
                    isHan(first) || isHan(last));
            if (!pb.terms.isEmpty()) {
                foldedTerms.add(pb.folded);
            }
            id++;
        }
        terms = Automaton.build(sequences, classes);
        special = new boolean[patterns.length];
        for (int k = 0; k < patterns.length; k++) {
            special[k] = patterns[k].special();
        }
        singles = new long[(classes >>> 6) + 1];
        boolean[] softClass = new boolean[classes + 1];
        for (int f = 0; f < 65536; f++) {
            if (classOfFolded[f] != 0 && CharFold.KIND[f] == CharFold.SOFT) {
                softClass[classOfFolded[f]] = true;
            }
        }
        for (int[] seq : sequences) {
            if (seq.length == 1) {
                singles[seq[0] >>> 6] |= 1L << seq[0];
            } else {
                // two-character terms, and longer ones whose second character is a symbol (1:1) or that repeat a
                // character early (AAA级: the pass keeps a repeated character's first place), are found from their
                // first pair; the others from their first three characters, which occur far more rarely
                int h = pairHash(seq[0], seq[1]);
                boolean repeat = seq[1] == seq[0] || (seq.length >= 3 && seq[2] == seq[1]);
                if (seq.length == 2 || softClass[seq[1]] || repeat) {
                    pairs[h >>> (32 - PAIR_WORD_BITS)] |= pairMask(h);
                }
                if (seq.length >= 3) {
                    int h3 = tripleHash(seq[0], seq[1], seq[2]);
                    triples[h3 >>> (32 - PAIR_WORD_BITS)] |= pairMask(h3);
                }
            }
        }
        missingStatementRules = List.copyOf(missing);
        numberPatterns = Map.copyOf(numbers);

        // the evasion automaton: watched terms as syllables
        Map<String, EvasionTerm> watched = new LinkedHashMap<>();
        for (Rule rule : catalog.rules()) {
            if (rule.kind() != RuleKind.TERMS || !rule.evasionWatch()) {
                continue;
            }
            for (String t : rule.terms()) {
                String folded = CharFold.foldTerm(t);
                if (folded.length() < 2 || !folded.chars().allMatch(c -> isHan((char) c))) {
                    continue;
                }
                short[] syl = Syllables.ofTerm(folded);
                if (syl == null) {
                    continue;
                }
                watched.computeIfAbsent(folded, f -> new EvasionTerm(f, syl, new ArrayList<>())).terms()
                        .add(new RuleTerm(rule, ruleIndex.get(rule.id()), t));
            }
        }
        evClassOfSyllable = new short[Syllables.NAMES.length];
        int evClasses = 0;
        evasionTerms = watched.values().toArray(EvasionTerm[]::new);
        int[][] evSeq = new int[evasionTerms.length][];
        for (int i = 0; i < evasionTerms.length; i++) {
            short[] syl = evasionTerms[i].syllables();
            evSeq[i] = new int[syl.length];
            for (int k = 0; k < syl.length; k++) {
                if (evClassOfSyllable[syl[k]] == 0) {
                    evClassOfSyllable[syl[k]] = (short) ++evClasses;
                }
                evSeq[i][k] = evClassOfSyllable[syl[k]];
            }
        }
        if (evClasses >= EV_LATIN) {
            throw new IllegalStateException("too many syllables in watched terms: " + evClasses);
        }
        evasion = Automaton.build(evSeq, Math.max(1, evClasses));
        Automaton.Dense dense = evasion.dense(Math.max(1, evClasses));
        evasionWidth = dense.width();
        evasionTable = dense.table();
        evasionAccepting = dense.accepting();
        evasionSlot = dense.slotOf();
        evasionPairs = new long[(evasionWidth * evasionWidth >>> 6) + 1];
        for (int[] seq : evSeq) {
            int pair = seq[0] * evasionWidth + seq[1];
            evasionPairs[pair >>> 6] |= 1L << pair;
        }

        // one table for the pass: class in the term automaton, class in the syllable automaton, kind
        for (int c = 0; c < 65536; c++) {
            byte kind = CharFold.KIND[c];
            char f = CharFold.FOLD[c];
            int k = switch (kind) {
                case CharFold.NORMAL -> KIND_NORMAL;
                case CharFold.SOFT -> KIND_SOFT;
                case CharFold.SKIP -> KIND_SKIP;
                default -> KIND_SLOW;
            };
            int cls = classOfFolded[f];
            boolean single = cls != 0 && (singles[cls >>> 6] & (1L << cls)) != 0;
            enc[c] = (cls << CLASS_SHIFT) | (single ? SINGLE_BIT : 0) | (evasionClass(f) << 2) | k;
        }
    }

    private int evasionClass(char folded) {
        if (folded >= 'a' && folded <= 'z') {
            return EV_LATIN;
        }
        short s = Syllables.OF_CHAR[folded];
        return s == 0 ? 0 : evClassOfSyllable[s];
    }

    private static final class PatternBuilder {
        final String folded;
        final List<RuleTerm> terms = new ArrayList<>();
        final Set<String> allowedFor = new HashSet<>();
        final Set<String> markerFor = new HashSet<>();
        final Set<String> requiredFor = new HashSet<>();

        PatternBuilder(String folded) {
            this.folded = folded;
        }
    }

    private static PatternBuilder add(Map<String, PatternBuilder> byFolded, String term) {
        String folded = CharFold.foldTerm(term);
        if (folded.isEmpty()) {
            return null;
        }
        if (folded.length() > MAX_TERM) {
            throw new IllegalArgumentException("term longer than " + MAX_TERM + " characters: " + term);
        }
        return byFolded.computeIfAbsent(folded, PatternBuilder::new);
    }

    /** Builds a scanner; rules change by building a new one and swapping it in ({@link LiveScanner}). */
    public static TextScanner build(RuleCatalog catalog) {
        return new TextScanner(catalog);
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    /** Patterns, automaton states and the approximate size of the automata in bytes. */
    public record Stats(int patterns, int states, long bytes) {
    }

    public Stats stats() {
        long bytes = terms.bytes() + evasion.bytes() + 4L * enc.length + 4L * classOfFolded.length;
        return new Stats(patterns.length, terms.states() + evasion.states(), bytes);
    }

    public List<Finding> scan(String text, String productCategory, LocalDate conduct) {
        List<Finding> out = new ArrayList<>();
        scan(text, productCategory, conduct, out::add);
        return out;
    }

    /** Scans a text; findings reach {@code sink} in order of their start. */
    public void scan(String text, String productCategory, LocalDate conduct, Consumer<Finding> sink) {
        Scratch s = scratch.get();
        s.reset();
        pass(text, s);
        report(text, productCategory == null || productCategory.isBlank() ? "general" : productCategory, conduct,
                s, sink);
    }

    /**
     * Scans a text whose product category is not given (a crawled ad page, a line without one): the category is
     * inferred from the cues of the catalog ({@code categoryCues}, {@link PageCategory}) — the category with the
     * most cue weight, the catalog's order breaking a tie, general goods when there is none — and the rules of that
     * category apply. Returns the inferred category.
     */
    public String scanPage(String text, LocalDate conduct, Consumer<Finding> sink) {
        String category = inferCategory(text);
        scan(text, category, conduct, sink);
        return category;
    }

    /** The category {@link #scanPage} would infer for this text. */
    public String inferCategory(String text) {
        return pageCategory.of(text);
    }

    // ------------------------------------------------------------------------------------------------ the pass

    private void pass(String text, Scratch s) {
        final int[] enc = this.enc;
        final int len = text.length();
        final char[] chars = s.chars(len);
        text.getChars(0, len, chars, 0);
        final long[] pairs = this.pairs;
        final long[] evPairs = this.evasionPairs;
        final short[] evTable = this.evasionTable;
        final int evWidth = this.evasionWidth;
        PassState p = s.state;
        p.reset();
        int prevClass = 0; // class of the last character read (0: none, or one in no term)
        int termStart = 0; // where that character starts
        int prevClass2 = 0; // the same for the character before it
        int termStart2 = 0;
        final long[] triples = this.triples;
        int ev = 0; // the syllable automaton's state (0: at rest at the root)
        int evN = 0; // units read by the syllable automaton
        int prevEvc = 0; // the syllable class of the previous unit while the automaton rests
        int prevStart = 0;
        for (int i = 0; i < len; i++) {
            int e = enc[chars[i]];
            int kind = e & 3;
            int evc = (e >>> 2) & EV_MASK;
            if (kind == KIND_NORMAL && evc != EV_LATIN && !p.latinPending) {
                // the common case, kept small and without unpredictable branches. The syllable automaton is not
                // stepped while at rest: a bit set of the watched terms' first two syllables says when a term
                // may begin, and only then does it take over (from the previous character) until it falls back
                // to the root. Class 0 (no watched syllable) never starts a pair.
                if (ev == 0) {
                    int pair = prevEvc * evWidth + evc;
                    if ((evPairs[pair >>> 6] & (1L << pair)) != 0) {
                        s.evN = evN;
                        s.recordCharUnit(prevStart, CharFold.FOLD[chars[prevStart]]);
                        ev = evTable[prevEvc];
                    }
                }
                evN++;
                if (ev != 0) {
                    s.evN = evN;
                    ev = stepEvasion(s, ev, evc, i, chars[i]);
                }
                prevEvc = evc;
                prevStart = i;
                // terms: a term of two or more characters can start only where the pair of its first two
                // characters occurs; a blocked Bloom filter of those pairs is checked per character, and only
                // where it answers yes is the trie walked from the previous character
                int cls = e >>> CLASS_SHIFT;
                if ((e & SINGLE_BIT) != 0) {
                    single(s, cls, i, i + 1);
                }
                int h = pairHash(prevClass, cls);
                long mask = pairMask(h);
                if ((pairs[h >>> (32 - PAIR_WORD_BITS)] & mask) == mask && prevClass != 0) {
                    walk(text, termStart, s);
                }
                int h3 = tripleHash(prevClass2, prevClass, cls);
                long mask3 = pairMask(h3);
                if ((triples[h3 >>> (32 - PAIR_WORD_BITS)] & mask3) == mask3 && prevClass2 != 0 && prevClass != 0) {
                    walk(text, termStart2, s);
                }
                if (cls != prevClass) {
                    // a repeated character keeps the first one as the start (高高高仿)
                    prevClass2 = prevClass;
                    termStart2 = termStart;
                    termStart = i;
                }
                prevClass = cls;
            } else if (kind == KIND_SKIP || (kind == KIND_SOFT && (e >>> CLASS_SHIFT) == 0)) {
                continue; // white space, zero-width, and punctuation that no term holds
            } else {
                // the rare cases, out of line: symbols that terms hold, HTML, surrogates, Latin letters
                p.prevClass = prevClass;
                p.termStart = termStart;
                p.prevClass2 = prevClass2;
                p.termStart2 = termStart2;
                p.ev = ev;
                p.prevEvc = prevEvc;
                p.prevStart = prevStart;
                s.evN = evN;
                i = rare(text, i, e, s, p);
                prevClass = p.prevClass;
                termStart = p.termStart;
                prevClass2 = p.prevClass2;
                termStart2 = p.termStart2;
                ev = p.ev;
                evN = s.evN;
                prevEvc = p.prevEvc;
                prevStart = p.prevStart;
            }
        }
        s.evN = evN;
        if (s.latinLength > 0) {
            evasionStep(s, materialise(s, ev, prevEvc, prevStart, text, evN), 0, ' ', len, len, text);
        }
    }

    /** One step of the syllable automaton away from the root, on a plain character. */
    private int stepEvasion(Scratch s, int ev, int evc, int i, char c) {
        ev = evasionTable[ev * evasionWidth + evc];
        if (ev != 0) {
            s.recordCharUnit(i, CharFold.FOLD[c]);
            if (evasionAccepting[ev]) {
                collectEvasion(s, evasionSlot[ev]);
            }
        }
        return ev;
    }

    /** The pass's state, for the out-of-line cases. */
    private static final class PassState {
        int prevClass;
        int termStart;
        int prevClass2;
        int termStart2;
        int ev;
        int prevEvc;
        int prevStart;
        boolean latinPending;

        void reset() {
            latinPending = false;
        }
    }

    /** The pair and triple checks of the pass for a character read out of line. */
    private void checkStarts(String text, Scratch s, PassState p, int cls) {
        int h = pairHash(p.prevClass, cls);
        long mask = pairMask(h);
        if ((pairs[h >>> (32 - PAIR_WORD_BITS)] & mask) == mask && p.prevClass != 0) {
            walk(text, p.termStart, s);
        }
        int h3 = tripleHash(p.prevClass2, p.prevClass, cls);
        long mask3 = pairMask(h3);
        if ((triples[h3 >>> (32 - PAIR_WORD_BITS)] & mask3) == mask3 && p.prevClass2 != 0 && p.prevClass != 0) {
            walk(text, p.termStart2, s);
        }
    }

    /** A soft character that a term holds, a slow-path unit, or a Latin letter; returns the last index read. */
    private int rare(String text, int i, int e, Scratch s, PassState p) {
        int kind = e & 3;
        if (kind == KIND_SOFT) {
            // a symbol counts only where a term goes on with it (1:1, NO.1, 90%): it may be a term's second
            // character, never the first of a pair, and is otherwise skipped
            int cls = e >>> CLASS_SHIFT;
            if ((e & SINGLE_BIT) != 0) {
                single(s, cls, i, i + 1);
            }
            checkStarts(text, s, p, cls);
            return i;
        }
        int consumedTo;
        Decoded units = s.passChars;
        if (kind == KIND_SLOW) {
            // tags are skipped; entities, surrogates and expansions yield folded characters
            consumedTo = slow(text, i, units);
        } else {
            units.count = 1;
            units.chars[0] = CharFold.FOLD[text.charAt(i)];
            consumedTo = i + 1;
        }
        for (int k = 0; k < units.count; k++) {
            char f = units.chars[k];
            int cls = classOfFolded[f];
            int evc = evasionClass(f);
            if (evc == 0 && !p.latinPending) {
                p.ev = 0;
            } else {
                p.ev = materialise(s, p.ev, p.prevEvc, p.prevStart, text, s.evN);
                p.ev = evasionStep(s, p.ev, evc, f, i, consumedTo, text);
                p.latinPending = evc == EV_LATIN;
            }
            p.prevEvc = 0;
            if (cls != 0 && (singles[cls >>> 6] & (1L << cls)) != 0) {
                single(s, cls, i, consumedTo);
            }
            if (cls != 0) {
                checkStarts(text, s, p, cls);
            }
            if (CharFold.KIND[f] != CharFold.SOFT || cls == 0) {
                if (cls != p.prevClass) {
                    p.prevClass2 = p.prevClass;
                    p.termStart2 = p.termStart;
                    p.termStart = i;
                }
                p.prevClass = cls;
            }
        }
        return consumedTo - 1;
    }

    /**
     * The syllable automaton's real state when it rests at the root in front of a unit that takes the slow path:
     * the state after the previous unit, whose record is then written.
     */
    private int materialise(Scratch s, int ev, int prevEvc, int prevStart, String text, int evN) {
        if (ev != 0 || prevEvc == 0) {
            return ev;
        }
        int state = evasionTable[prevEvc];
        if (state != 0) {
            s.evN = evN;
            s.recordCharUnit(prevStart, CharFold.FOLD[text.charAt(prevStart)]);
        }
        return state;
    }

    private static int pairHash(int first, int second) {
        return first * 0x9E3779B1 + second * 0x85EBCA77;
    }

    private static int tripleHash(int first, int second, int third) {
        return first * 0x9E3779B1 + second * 0x85EBCA77 + third * 0xC2B2AE3D;
    }

    private static long pairMask(int h) {
        return (1L << h) | (1L << (h >>> 6));
    }

    private static final int WALK_SKIP = -1;
    private static final int WALK_STOP = -2;

    /**
     * One character of a walk: the child state; or {@link #WALK_SKIP} for a symbol no term goes on with or a
     * repeated character (最最最佳); or {@link #WALK_STOP}.
     */
    private int walkStep(int state, int cls, boolean soft, int prev) {
        int child = cls == 0 ? -1 : terms.child(state, cls);
        if (child >= 0) {
            return child;
        }
        return soft || (cls == prev && cls != 0) ? WALK_SKIP : WALK_STOP;
    }

    /** A one-character term (such as %) at this character. */
    private void single(Scratch s, int cls, int start, int end) {
        int state = terms.child(Automaton.ROOT, cls);
        int p = state < 0 ? -1 : terms.own(state);
        if (p >= 0) {
            s.addHit(p, start, end);
        }
    }

    /**
     * Reads the text from {@code start} the way the pass does (skipping what it skips, decoding what it decodes) and
     * follows the trie as far as the text goes on with a term; every term of two or more characters found on the
     * way is a hit starting at {@code start}.
     */
    private void walk(String text, int start, Scratch s) {
        final Automaton a = this.terms;
        final int[] enc = this.enc;
        int state = Automaton.ROOT;
        int prev = 0;
        int depth = 0;
        int i = start;
        int len = text.length();
        while (i < len && depth < MAX_TERM) {
            char c = text.charAt(i);
            int e = enc[c];
            int kind = e & 3;
            if (kind == KIND_SKIP) {
                i++;
                continue;
            }
            if (kind == KIND_SLOW) {
                int to = slow(text, i, s.walkChars);
                for (int k = 0; k < s.walkChars.count; k++) {
                    char f = s.walkChars.chars[k];
                    int cls = classOfFolded[f];
                    int next = walkStep(state, cls, CharFold.KIND[f] == CharFold.SOFT, prev);
                    if (next == WALK_STOP) {
                        return;
                    }
                    if (next == WALK_SKIP) {
                        continue;
                    }
                    state = next;
                    prev = cls;
                    depth++;
                    if (depth >= 2 && a.own(state) >= 0) {
                        s.addHit(a.own(state), start, to);
                    }
                }
                i = to;
                continue;
            }
            int cls = e >>> CLASS_SHIFT;
            int next = walkStep(state, cls, kind == KIND_SOFT, prev);
            if (next == WALK_STOP) {
                return;
            }
            if (next == WALK_SKIP) {
                i++;
                continue;
            }
            state = next;
            prev = cls;
            depth++;
            if (depth >= 2 && a.own(state) >= 0) {
                s.addHit(a.own(state), start, i + 1);
            }
            i++;
        }
    }

    /**
     * The syllable stream: Chinese characters by their syllable, Latin runs split into pinyin at their end.
     * Returns the new state of the syllable automaton.
     */
    private int evasionStep(Scratch s, int ev, int evc, char folded, int start, int end, String text) {
        if (evc == EV_LATIN) {
            if (s.latinLength < s.latin.length) {
                s.latin[s.latinLength] = folded;
                s.latinOffsets[s.latinLength] = start;
            }
            s.latinLength++;
            return ev;
        }
        if (s.latinLength > 0) {
            ev = flushLatin(s, ev);
        }
        if (evc == 0) {
            return 0;
        }
        ev = evasionTable[ev * evasionWidth + evc];
        s.evN++;
        if (ev != 0) {
            // only a unit that leaves the root can be part of a later match: the others need no record
            s.recordEvasionUnit(start, end, folded, false, false, false);
            if (evasionAccepting[ev]) {
                collectEvasion(s, evasionSlot[ev]);
            }
        }
        return ev;
    }

    private int flushLatin(Scratch s, int ev) {
        int length = Math.min(s.latinLength, s.latin.length);
        short[] syl = s.latinLength > s.latin.length ? null : Syllables.splitLatin(s.latin, length);
        s.latinLength = 0;
        if (syl == null) {
            return 0;
        }
        int[] offsets = Syllables.splitOffsets(s.latin, syl);
        for (int k = 0; k < syl.length; k++) {
            int evc = evClassOfSyllable[syl[k]];
            if (evc == 0) {
                ev = 0;
                continue;
            }
            int from = s.latinOffsets[offsets[k]];
            int lastLetter = offsets[k] + Syllables.NAMES[syl[k]].length() - 1;
            int to = s.latinOffsets[lastLetter] + 1;
            ev = evasionTable[ev * evasionWidth + evc];
            s.evN++;
            s.recordEvasionUnit(from, to, (char) 0, true, k == 0, k == syl.length - 1);
            if (evasionAccepting[ev]) {
                collectEvasion(s, evasionSlot[ev]);
            }
        }
        return ev;
    }

    private void collectEvasion(Scratch s, int state) {
        for (int t = state; t != 0; t = evasion.dictLink(t)) {
            int p = evasion.own(t);
            if (p >= 0) {
                classifyEvasion(s, p, s.evN);
            }
        }
    }

    /** Checks an evasion hit while its units are in the ring: exact spellings and partial Latin words are dropped. */
    private void classifyEvasion(Scratch s, int termIndex, int last) {
        EvasionTerm term = evasionTerms[termIndex];
        int len = term.syllables().length;
        int first = last - len + 1;
        if (first < 1 || len > RING) {
            return;
        }
        boolean exact = true;
        boolean latin = false;
        boolean lookalike = false;
        for (int k = 0; k < len; k++) {
            int u = (first + k) & (RING - 1);
            char f = s.evChar[u];
            if (s.evLatin[u]) {
                if ((k == 0 && !s.evRunStart[u]) || (k == len - 1 && !s.evRunEnd[u])) {
                    return; // pinyin inside a longer Latin word: not a finding
                }
                latin = true;
                exact = false;
            } else if (f != term.folded().charAt(k)) {
                exact = false;
                if (Syllables.CANONICAL[f] == term.folded().charAt(k)) {
                    lookalike = true;
                }
            }
        }
        if (exact) {
            return; // the term itself: the term automaton reports it
        }
        Finding.MatchKind kind = latin ? Finding.MatchKind.PINYIN
                : lookalike ? Finding.MatchKind.LOOKALIKE : Finding.MatchKind.HOMOPHONE;
        s.addEvasionHit(termIndex, s.evStart[first & (RING - 1)], s.evEnd[last & (RING - 1)], kind.ordinal());
    }

    /** Handles a slow-path character at {@code i}; fills {@code s} with folded characters, returns where reading goes on. */
    private int slow(String text, int i, Decoded s) {
        s.count = 0;
        char c = text.charAt(i);
        if (c == '<') {
            int close = HtmlText.tagEnd(text, i);
            if (close > i) {
                return close;
            }
            s.chars[s.count++] = '<';
            return i + 1;
        }
        if (c == '&') {
            int[] decoded = s.entity;
            if (HtmlText.entity(text, i, decoded)) {
                int cp = decoded[0];
                if (cp < 65536) {
                    appendFolded(s, (char) cp);
                } else {
                    char f = CharFold.foldCodePoint(cp);
                    if (f != 0) {
                        s.chars[s.count++] = f;
                    }
                }
                return decoded[1];
            }
            s.chars[s.count++] = '&';
            return i + 1;
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            char f = CharFold.foldCodePoint(Character.toCodePoint(c, text.charAt(i + 1)));
            if (f != 0) {
                s.chars[s.count++] = f;
            }
            return i + 2;
        }
        if (Character.isSurrogate(c)) {
            return i + 1; // a lone surrogate: skip
        }
        String expansion = CharFold.EXPANSION[c];
        if (expansion != null) {
            for (int k = 0; k < expansion.length() && s.count < s.chars.length; k++) {
                s.chars[s.count++] = expansion.charAt(k);
            }
        }
        return i + 1;
    }

    private static void appendFolded(Decoded s, char c) {
        switch (CharFold.KIND[c]) {
            case CharFold.SKIP -> { }
            case CharFold.SLOW -> {
                String x = CharFold.EXPANSION[c];
                if (x != null) {
                    for (int k = 0; k < x.length() && s.count < s.chars.length; k++) {
                        s.chars[s.count++] = x.charAt(k);
                    }
                } else if (!Character.isSurrogate(c)) {
                    s.chars[s.count++] = c;
                }
            }
            default -> s.chars[s.count++] = CharFold.FOLD[c];
        }
    }

    // ---------------------------------------------------------------------------------------------- reporting

    private void report(String text, String category, LocalDate conduct, Scratch s, Consumer<Finding> sink) {
        List<Finding> findings = s.findings;
        findings.clear();
        Set<String> markers = s.markers;
        Set<String> required = s.required;
        markers.clear();
        required.clear();
        s.triggers.clear();
        s.allowedCount = 0;
        for (int h = 0; h < s.hitCount; h++) {
            if (!special[s.hitPattern[h]]) {
                continue;
            }
            PatternInfo p = patterns[s.hitPattern[h]];
            {
                markers.addAll(p.markerFor());
                required.addAll(p.requiredFor());
                if (!p.allowedFor().isEmpty()) {
                    s.addAllowed(h);
                }
            }
        }
        for (int h = 0; h < s.hitCount; h++) {
            PatternInfo p = patterns[s.hitPattern[h]];
            for (RuleTerm rt : p.terms()) {
                Rule rule = rt.rule();
                if (!rule.appliesTo(category)) {
                    continue;
                }
                switch (rule.kind()) {
                    case TERMS -> termFinding(text, s, h, p, rt, conduct, markers, findings);
                    case UNSOURCED_CLAIM -> {
                        if (!markers.contains(rule.id()) && boundaryOk(text, s, h, p, rule)) {
                            int start = expandFigureLeft(text, s.hitStart[h]);
                            Severity severity = lawful.why(text, start, s.hitEnd[h], rule.category()) == null
                                    ? rule.severity() : Severity.HINT;
                            findings.add(finding(s, rule, severity, conduct, text, start, s.hitEnd[h], rt.term(),
                                    1.0, Finding.MatchKind.STRUCTURE));
                        }
                    }
                    case NUMBER_FORMAT -> numberFinding(text, s, h, rt, conduct, findings);
                    case CLAIM -> claimFinding(text, category, s, h, rt, conduct, findings);
                    case MISSING_STATEMENT -> s.triggers.putIfAbsent(rule.id(), h);
                    default -> { }
                }
            }
        }
        for (Rule rule : missingStatementRules) {
            if (!rule.appliesTo(category) || required.contains(rule.id()) || markers.contains(rule.id())) {
                continue;
            }
            if (rule.terms().isEmpty()) {
                findings.add(finding(s, rule, rule.severity(), conduct, text, 0, 0, rule.required(), 1.0,
                        Finding.MatchKind.STRUCTURE));
            } else {
                Integer h = s.triggers.get(rule.id());
                if (h != null) { // the span is the trigger that makes the statement required
                    findings.add(finding(s, rule, rule.severity(), conduct, text, s.hitStart[h], s.hitEnd[h],
                            rule.required(), 1.0, Finding.MatchKind.STRUCTURE));
                }
            }
        }
        evasionFindings(text, category, conduct, s, findings);
        if (!catalog.claims().isEmpty()) {
            dropRestatedClaims(findings);
        }
        emit(findings, sink, s);
    }

    /**
     * A claim found as structure over a span where a term rule of the same category already found the violation,
     * at least as severe (降血糖 by the disease terms), says it again: it is left out.
     */
    private void dropRestatedClaims(List<Finding> findings) {
        boolean any = false;
        for (Finding f : findings) {
            any |= catalog.claims().containsKey(f.rule());
        }
        if (!any) {
            return;
        }
        // term findings by start; a finding is short, so only those starting shortly before a claim can overlap it
        java.util.TreeMap<Integer, List<Finding>> terms = new java.util.TreeMap<>();
        for (Finding g : findings) {
            if (!catalog.claims().containsKey(g.rule())) {
                terms.computeIfAbsent(g.start(), k -> new ArrayList<>()).add(g);
            }
        }
        findings.removeIf(f -> catalog.claims().containsKey(f.rule())
                && terms.subMap(f.start() - 2 * MAX_TERM - 64, true, f.end(), false).values().stream()
                .flatMap(List::stream).anyMatch(g -> g.category().equals(f.category()) && f.start() < g.end()
                        && g.severity().compareTo(f.severity()) >= 0));
    }

    private void termFinding(String text, Scratch s, int h, PatternInfo p, RuleTerm rt, LocalDate conduct,
                             Set<String> markers, List<Finding> out) {
        Rule rule = rt.rule();
        RuleContext context = contexts[rt.index()];
        if (context.hasAllowed()) {
            // a longer allowed word of the rule over the match (最佳食用期 over 最佳), or across one of its edges
            for (int a = 0; a < s.allowedCount; a++) {
                int k = s.allowed[a];
                PatternInfo q = patterns[s.hitPattern[k]];
                if (!q.allowedFor().contains(rule.id())) {
                    continue;
                }
                // spans as first and last offsets of the original text
                int from = s.hitStart[k];
                int to = s.hitEnd[k] - 1;
                int hFrom = s.hitStart[h];
                int hTo = s.hitEnd[h] - 1;
                if (from <= hFrom && to >= hTo && q.length() > p.length()) {
                    return;
                }
                if (q.length() >= 2 && ((from < hFrom && to >= hFrom && to < hTo)
                        || (from > hFrom && from <= hTo && to > hTo))) {
                    return;
                }
            }
        }
        if (!boundaryOk(text, s, h, p, rule)) {
            return;
        }
        Severity severity = rule.severity();
        boolean harbour = false;
        if (!context.followedBy().isEmpty()) {
            String after = foldedAround(text, s.hitEnd[h], rule.window(), true);
            for (String w : context.followedBy()) {
                if (after.contains(w)) {
                    harbour = true;
                    break;
                }
            }
        }
        if (!harbour && !context.precededBy().isEmpty()) {
            String before = foldedAround(text, s.hitStart[h], rule.window(), false);
            for (String w : context.precededBy()) {
                if (before.contains(w)) {
                    harbour = true;
                    break;
                }
            }
        }
        if (harbour || (!markers.isEmpty() && markers.contains(rule.id()))
                || lawful.why(text, s.hitStart[h], s.hitEnd[h], rule.category()) != null) {
            severity = Severity.HINT;
        }
        out.add(finding(s, rule, severity, conduct, text, s.hitStart[h], s.hitEnd[h], rt.term(), 1.0,
                Finding.MatchKind.EXACT));
    }

    /**
     * A body word with a change word in its clause is a claim (普通食品宣称“肠胃消化好多了”); with a time span or a
     * testimonial in its sentence it has the rule's severity, without one the claim's lower one; in lawful text a hint.
     */
    private void claimFinding(String text, String category, Scratch s, int h, RuleTerm rt, LocalDate conduct,
                              List<Finding> out) {
        Rule rule = rt.rule();
        ClaimSpec spec = catalog.claims().get(rule.id());
        int[] span = spec.claim(text, s.hitStart[h], s.hitEnd[h]);
        if (span == null) {
            return;
        }
        Severity severity = spec.supported(text, span[0], span[1]) ? rule.severity() : spec.unsupported();
        if (lawful.why(text, span[0], span[1], rule.category()) != null
                || lawful.why(text, s.hitStart[h], s.hitEnd[h], rule.category()) != null) {
            severity = Severity.HINT;
        }
        Finding f = finding(s, rule, severity, conduct, text, span[0], span[1], rt.term(), 1.0,
                Finding.MatchKind.STRUCTURE);
        String what = catalog.productCategories().getOrDefault(category, "商品") + "宣称“" + f.matched() + "”：";
        out.add(new Finding(f.rule(), f.category(), f.law(), f.article(), f.severity(), f.start(), f.end(),
                f.matched(), f.term(), f.confidence(), f.kind(), what + f.explanation()));
    }

    private boolean boundaryOk(String text, Scratch s, int h, PatternInfo p, Rule rule) {
        int start = s.hitStart[h];
        int end = s.hitEnd[h];
        if (p.latinStart() && start > 0 && isAsciiAlnum(foldedAt(text, start - 1))) {
            return false;
        }
        if (p.latinEnd() && end < text.length() && isAsciiAlnum(foldedAt(text, end))) {
            return false;
        }
        if (!p.han() || !rule.wordBoundaries()) {
            return true;
        }
        String before = foldedAround(text, start, 4, false);
        String match = lettersFolded(text, start, end);
        String after = foldedAround(text, end, 4, true);
        String window = before + match + after;
        return BoundaryCheck.aligned(window, before.length(), before.length() + match.length(),
                this::beginsWithTerm);
    }

    private boolean beginsWithTerm(String word) {
        for (int k = Math.min(word.length(), MAX_TERM); k >= 2; k--) {
            if (foldedTerms.contains(word.substring(0, k))) {
                return true;
            }
        }
        return false;
    }

    private void numberFinding(String text, Scratch s, int h, RuleTerm rt, LocalDate conduct, List<Finding> out) {
        Rule rule = rt.rule();
        int i = s.hitEnd[h];
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || ":：".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        int j = i;
        while (j < text.length() && j - i < 24 && Character.isLetterOrDigit(text.charAt(j))
                && !Character.isIdeographic(text.charAt(j))) {
            j++;
        }
        String number = CharFold.fold(text.substring(i, j)).toUpperCase(java.util.Locale.ROOT);
        if (!numberPatterns.get(rule.id()).matcher(number).matches()) {
            out.add(finding(s, rule, rule.severity(), conduct, text, s.hitStart[h], j, rt.term(), 1.0,
                    Finding.MatchKind.STRUCTURE));
        }
    }

    private void evasionFindings(String text, String category, LocalDate conduct, Scratch s, List<Finding> out) {
        Finding.MatchKind[] kinds = Finding.MatchKind.values();
        for (int h = 0; h < s.evHitCount; h++) {
            EvasionTerm term = evasionTerms[s.evHitTerm[h]];
            Finding.MatchKind kind = kinds[s.evHitKind[h]];
            for (RuleTerm rt : term.terms()) {
                Rule rule = rt.rule();
                if (!rule.appliesTo(category)) {
                    continue;
                }
                boolean latin = kind == Finding.MatchKind.PINYIN;
                // a sound-alike or look-alike spelling counts as the term itself when it is clearly one: no word of
                // its own, and on word boundaries (醉佳口感); otherwise (国家级品质 read as 极品) it stays a hint
                boolean clear = latin || (clear(text, s.evHitStart[h], s.evHitEnd[h], term.folded())
                        && lawful.why(text, s.evHitStart[h], s.evHitEnd[h], rule.category()) == null);
                Severity severity = clear ? rule.severity() : Severity.HINT;
                double confidence = latin ? 0.8 : clear ? 0.7 : kind == Finding.MatchKind.LOOKALIKE ? 0.6 : 0.4;
                out.add(finding(s, rule, severity, conduct, text, s.evHitStart[h], s.evHitEnd[h], rt.term(), confidence,
                        kind));
            }
        }
    }

    /**
     * Whether a Han spelling found by its sounds or shapes at [start, end) is clearly the term {@code folded}: it
     * keeps at least one of the term's own characters in place (醉佳 for 最佳, not 价比 for 假币 in 性价比), is no
     * dictionary word of its own, and sits on word boundaries.
     */
    private boolean clear(String text, int start, int end, String folded) {
        String match = lettersFolded(text, start, end);
        if (match.length() < 2 || match.length() != folded.length()) {
            return false;
        }
        int kept = 0;
        for (int i = 0; i < match.length(); i++) {
            if (!isHan(match.charAt(i))) {
                return false;
            }
            if (match.charAt(i) == folded.charAt(i)) {
                kept++;
            }
        }
        if (kept == 0 || kept == match.length()) {
            return false;
        }
        if (com.hankcs.hanlp.dictionary.CoreDictionary.contains(match)) {
            return false;
        }
        String before = foldedAround(text, start, 4, false);
        String after = foldedAround(text, end, 4, true);
        return BoundaryCheck.aligned(before + match + after, before.length(), before.length() + match.length(),
                this::beginsWithTerm);
    }

    /**
     * Keeps, per rule, only findings not inside a longer finding of the same rule (an exact finding is kept
     * unless an exact one holds it); sorted by position.
     */
    private static void emit(List<Finding> findings, Consumer<Finding> sink, Scratch s) {
        int n = findings.size();
        if (n == 0) {
            return;
        }
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = BY_POSITION.compare(findings.get(i - 1), findings.get(i)) <= 0;
        }
        if (!sorted) {
            findings.sort(BY_POSITION);
        }
        s.coverage.clear();
        for (int i = 0; i < n; i++) {
            Finding f = findings.get(i);
            int[] reach = s.coverage.computeIfAbsent(f.rule(), r -> new int[] {-1, -1}); // any, exact
            boolean exact = f.kind() == Finding.MatchKind.EXACT;
            boolean inside = f.end() <= reach[1] || (!exact && f.end() <= reach[0]);
            if (!inside) {
                sink.accept(f);
            }
            reach[0] = Math.max(reach[0], f.end());
            if (exact) {
                reach[1] = Math.max(reach[1], f.end());
            }
        }
    }

    private static final java.util.Comparator<Finding> BY_POSITION = (x, y) -> x.start() != y.start()
            ? Integer.compare(x.start(), y.start())
            : x.end() != y.end() ? Integer.compare(y.end(), x.end())
            : Integer.compare(x.kind().ordinal(), y.kind().ordinal());

    private Finding finding(Scratch s, Rule rule, Severity severity, LocalDate conduct, String text, int start,
                            int end, String term, double confidence, Finding.MatchKind kind) {
        if (!conduct.equals(s.lawDay)) {
            s.laws.clear();
            s.lawDay = conduct;
        }
        LawReference law = s.laws.computeIfAbsent(rule, r -> r.lawOn(conduct));
        return new Finding(rule.id(), rule.category(), law.law(), articles.get(law), severity, start, end,
                text.substring(start, end), term, confidence, kind, rule.explanation());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Up to {@code count} folded, non-skipped characters after (or before) an offset of the original text. */
    /** The folded letters and digits of [start, end), separators and symbols left out (no regular expression). */
    private static String lettersFolded(String text, int start, int end) {
        // the folding tables, as the pass reads characters (a per-call normaliser and script converter cost a third
        // of the time at a catalog term every few hundred bytes)
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                char f = CharFold.foldCodePoint(Character.toCodePoint(c, text.charAt(i + 1)));
                if (f != 0 && Character.isLetterOrDigit(f)) {
                    sb.append(f);
                }
                i++;
                continue;
            }
            switch (CharFold.KIND[c]) {
                case CharFold.NORMAL -> sb.append(CharFold.FOLD[c]);
                case CharFold.SLOW -> {
                    String x = CharFold.EXPANSION[c];
                    if (x != null) {
                        for (int k = 0; k < x.length(); k++) {
                            if (Character.isLetterOrDigit(x.charAt(k))) {
                                sb.append(x.charAt(k));
                            }
                        }
                    }
                }
                default -> { } // skipped and soft characters are not letters
            }
        }
        return sb.toString();
    }

    private static String foldedAround(String text, int offset, int count, boolean forward) {
        StringBuilder sb = new StringBuilder(count);
        int i = forward ? offset : offset - 1;
        while (sb.length() < count && i >= 0 && i < text.length()) {
            char c = text.charAt(i);
            if (CharFold.KIND[c] == CharFold.NORMAL) {
                sb.append(CharFold.FOLD[c]);
            }
            i += forward ? 1 : -1;
        }
        return forward ? sb.toString() : sb.reverse().toString();
    }

    private static char foldedAt(String text, int i) {
        return CharFold.FOLD[text.charAt(i)];
    }

    private static int expandFigureLeft(String text, int start) {
        int i = start;
        while (i > 0 && start - i < 12) {
            char c = CharFold.FOLD[text.charAt(i - 1)];
            if ((c >= '0' && c <= '9') || c == '.') {
                i--;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** The folded characters one slow-path unit of text stands for. */
    private static final class Decoded {
        final char[] chars = new char[16];
        int count;
        final int[] entity = new int[2];
    }

    /** Per-thread buffers, reused from text to text so that scanning allocates only for findings. */
    private static final class Scratch {
        int hitCount;
        int[] hitPattern = new int[64];
        int[] hitStart = new int[64];
        int[] hitEnd = new int[64];

        int evN;
        final int[] evStart = new int[RING];
        final int[] evEnd = new int[RING];
        final char[] evChar = new char[RING];
        final boolean[] evLatin = new boolean[RING];
        final boolean[] evRunStart = new boolean[RING];
        final boolean[] evRunEnd = new boolean[RING];
        int evHitCount;
        int[] evHitTerm = new int[16];
        int[] evHitStart = new int[16];
        int[] evHitEnd = new int[16];
        int[] evHitKind = new int[16];

        final char[] latin = new char[48];
        final int[] latinOffsets = new int[48];
        int latinLength;

        /** Trigger hits of missing-statement rules, by rule id (the first one). */
        final Map<String, Integer> triggers = new HashMap<>();
        final Decoded passChars = new Decoded();
        final PassState state = new PassState();
        char[] chars = new char[1024];

        char[] chars(int length) {
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            return chars;
        }
        final Decoded walkChars = new Decoded();

        final List<Finding> findings = new ArrayList<>();
        final Map<String, int[]> coverage = new HashMap<>();
        final Map<Rule, LawReference> laws = new java.util.IdentityHashMap<>();
        LocalDate lawDay;
        int[] allowed = new int[16];
        int allowedCount;

        void addAllowed(int hit) {
            if (allowedCount == allowed.length) {
                allowed = Arrays.copyOf(allowed, allowedCount * 2);
            }
            allowed[allowedCount++] = hit;
        }

        final Set<String> markers = new HashSet<>();
        final Set<String> required = new HashSet<>();

        void reset() {
            hitCount = 0;
            evN = 0;
            evHitCount = 0;
            latinLength = 0;
        }

        void addHit(int pattern, int start, int end) {
            if (hitCount == hitPattern.length) {
                int cap = hitCount * 2;
                hitPattern = Arrays.copyOf(hitPattern, cap);
                hitStart = Arrays.copyOf(hitStart, cap);
                hitEnd = Arrays.copyOf(hitEnd, cap);
            }
            hitPattern[hitCount] = pattern;
            hitStart[hitCount] = start;
            hitEnd[hitCount] = end;
            hitCount++;
        }

        void recordEvasionUnit(int start, int end, char folded, boolean latin, boolean runStart, boolean runEnd) {
            int u = evN & (RING - 1);
            evStart[u] = start;
            evEnd[u] = end;
            evChar[u] = folded;
            evLatin[u] = latin;
            evRunStart[u] = runStart;
            evRunEnd[u] = runEnd;
        }

        /** The common unit: one Chinese character read straight from the text. */
        void recordCharUnit(int start, char folded) {
            int u = evN & (RING - 1);
            evStart[u] = start;
            evEnd[u] = start + 1;
            evChar[u] = folded;
            evLatin[u] = false;
        }

        void addEvasionHit(int term, int start, int end, int kind) {
            if (evHitCount == evHitTerm.length) {
                int cap = evHitCount * 2;
                evHitTerm = Arrays.copyOf(evHitTerm, cap);
                evHitStart = Arrays.copyOf(evHitStart, cap);
                evHitEnd = Arrays.copyOf(evHitEnd, cap);
                evHitKind = Arrays.copyOf(evHitKind, cap);
            }
            evHitTerm[evHitCount] = term;
            evHitStart[evHitCount] = start;
            evHitEnd[evHitCount] = end;
            evHitKind[evHitCount] = kind;
            evHitCount++;
        }
    }
}
