package cn.wangjian.engine.text;

import java.util.Arrays;

/**
 * An Aho-Corasick automaton in a double array over a dense alphabet (class ids 1..alphabetSize; 0 is never a
 * transition). States are slots of the arrays: the child of state s on class c is {@code base[s] + c} when
 * {@code check[base[s] + c] == s}. Built once, immutable, shared by all threads.
 */
final class Automaton {

    static final int ROOT = 1;

    /**
     * Four ints per slot, so that a step touches one cache line for the child it lands on: base (where the
     * slot's children start), check (the parent slot, or -1 when unused), fail (the failure link) and out (the
     * pattern ending here + 1; -1 when only a pattern on the failure chain ends here; 0 when none).
     */
    private final int[] cells;
    /** Nearest state on the failure chain that has a pattern, or 0; read only around hits. */
    private final int[] dictLink;
    private final int states;
    private final int slots;

    private Automaton(int[] base, int[] check, int[] fail, int[] own, int[] dictLink, int states) {
        slots = base.length;
        cells = new int[slots * 4];
        for (int t = 0; t < slots; t++) {
            cells[4 * t] = base[t];
            cells[4 * t + 1] = check[t];
            cells[4 * t + 2] = fail[t];
            cells[4 * t + 3] = own[t] >= 0 ? own[t] + 1 : dictLink[t] != 0 ? -1 : 0;
        }
        this.dictLink = dictLink;
        this.states = states;
    }

    /** The state after reading class {@code c} in state {@code s}. */
    int next(int s, int c) {
        final int[] cells = this.cells;
        while (true) {
            int t = cells[4 * s] + c;
            if (cells[4 * t + 1] == s) {
                return t;
            }
            if (s == ROOT) {
                return ROOT;
            }
            s = cells[4 * s + 2];
        }
    }

    /** The child of state s on class c, or -1 (no failure links followed). */
    int child(int s, int c) {
        int t = cells[4 * s] + c;
        return cells[4 * t + 1] == s ? t : -1;
    }

    /** Whether state s has a child on class c (a term continues with it). */
    boolean hasChild(int s, int c) {
        return cells[4 * (cells[4 * s] + c) + 1] == s;
    }

    /** Whether any pattern ends in state s (itself or through its failure chain). */
    boolean accepts(int s) {
        return cells[4 * s + 3] != 0;
    }

    int own(int s) {
        int out = cells[4 * s + 3];
        return out > 0 ? out - 1 : -1;
    }

    /**
     * The whole transition function as a compact table for small automata whose every step should be one load
     * from a table that stays in cache: states are renumbered densely (the root is 0) and stored as shorts.
     */
    Dense dense(int alphabetSize) {
        int width = alphabetSize + 1;
        int[] stateOf = new int[slots];
        java.util.Arrays.fill(stateOf, -1);
        int[] slotOf = new int[slots];
        int count = 0;
        stateOf[ROOT] = count;
        slotOf[count++] = ROOT;
        for (int t = 0; t < slots; t++) {
            if (t != ROOT && cells[4 * t + 1] >= 0) {
                stateOf[t] = count;
                slotOf[count++] = t;
            }
        }
        if (count > Short.MAX_VALUE) {
            throw new IllegalStateException("too many states for a dense table: " + count);
        }
        short[] table = new short[count * width];
        boolean[] accepting = new boolean[count];
        for (int k = 0; k < count; k++) {
            int slot = slotOf[k];
            accepting[k] = accepts(slot);
            for (int c = 1; c < width; c++) {
                table[k * width + c] = (short) stateOf[next(slot, c)];
            }
        }
        return new Dense(table, width, accepting, java.util.Arrays.copyOf(slotOf, count));
    }

    /** A dense transition table: {@code table[state * width + c]}; state 0 is the root. */
    record Dense(short[] table, int width, boolean[] accepting, int[] slotOf) {
    }

    int dictLink(int s) {
        return dictLink[s];
    }

    int states() {
        return states;
    }

    long bytes() {
        return 4L * cells.length + 4L * dictLink.length;
    }

    /**
     * Builds the automaton. {@code patterns[i]} is pattern i as class ids in 1..alphabetSize; duplicates keep the
     * lowest id (the caller keeps its own mapping from pattern to rules).
     */
    static Automaton build(int[][] patterns, int alphabetSize) {
        Trie trie = new Trie(patterns.length * 4 + 16);
        for (int id = 0; id < patterns.length; id++) {
            int node = 0;
            for (int c : patterns[id]) {
                node = trie.child(node, c, true);
            }
            if (trie.output[node] < 0) {
                trie.output[node] = id;
            }
        }
        return new Builder(trie, alphabetSize).build();
    }

    /** A build-time trie: nodes with first-child/next-sibling lists, children kept sorted by class. */
    private static final class Trie {
        int size = 1;
        int[] firstChild;
        int[] nextSibling;
        int[] label;
        int[] output;

        Trie(int capacity) {
            firstChild = new int[capacity];
            nextSibling = new int[capacity];
            label = new int[capacity];
            output = new int[capacity];
            Arrays.fill(firstChild, -1);
            Arrays.fill(output, -1);
        }

        int child(int node, int c, boolean create) {
            int prev = -1;
            int k = firstChild[node];
            while (k >= 0 && label[k] < c) {
                prev = k;
                k = nextSibling[k];
            }
            if (k >= 0 && label[k] == c) {
                return k;
            }
            if (!create) {
                return -1;
            }
            if (size == label.length) {
                grow();
            }
            int n = size++;
            label[n] = c;
            nextSibling[n] = k;
            if (prev < 0) {
                firstChild[node] = n;
            } else {
                nextSibling[prev] = n;
            }
            return n;
        }

        private void grow() {
            int cap = label.length * 2;
            firstChild = Arrays.copyOf(firstChild, cap);
            nextSibling = Arrays.copyOf(nextSibling, cap);
            label = Arrays.copyOf(label, cap);
            int old = output.length;
            output = Arrays.copyOf(output, cap);
            Arrays.fill(firstChild, old, cap, -1);
            Arrays.fill(output, old, cap, -1);
        }
    }

    private static final class Builder {
        private final Trie trie;
        private final int alphabetSize;
        private int[] base;
        private int[] check;
        private int[] slotOf;
        private long[] used; // bit set of occupied slots
        private int maxSlot;
        private int searchFrom = 2;

        Builder(Trie trie, int alphabetSize) {
            this.trie = trie;
            this.alphabetSize = alphabetSize;
            int cap = Math.max(1024, trie.size * 2 + alphabetSize + 2);
            base = new int[cap];
            check = new int[cap];
            used = new long[(cap >> 6) + 1];
            slotOf = new int[trie.size];
        }

        Automaton build() {
            // place the trie breadth first: every node's children are placed when the node is dequeued
            int[] queue = new int[trie.size];
            int head = 0;
            int tail = 0;
            slotOf[0] = ROOT;
            mark(ROOT);
            mark(0);
            queue[tail++] = 0;
            while (head < tail) {
                int node = queue[head++];
                int s = slotOf[node];
                int first = trie.firstChild[node];
                if (first < 0) {
                    continue;
                }
                int b = findBase(node);
                ensure(b + alphabetSize + 1);
                base[s] = b;
                for (int k = first; k >= 0; k = trie.nextSibling[k]) {
                    int t = b + trie.label[k];
                    mark(t);
                    check[t] = s;
                    slotOf[k] = t;
                    maxSlot = Math.max(maxSlot, t);
                    queue[tail++] = k;
                }
            }
            int size = Math.max(maxSlot, ROOT) + alphabetSize + 2;
            ensure(size);
            int[] fail = new int[size];
            int[] own = new int[size];
            int[] dict = new int[size];
            Arrays.fill(own, -1);
            // any unused slot must never pass the check: point check at an impossible state
            int[] finalCheck = Arrays.copyOf(check, size);
            int[] finalBase = Arrays.copyOf(base, size);
            for (int t = 0; t < size; t++) {
                if (!isMarked(t) || t == 0) {
                    finalCheck[t] = -1;
                }
            }
            finalCheck[ROOT] = -1;
            // failure links, breadth first (queue order is BFS order of nodes)
            fail[ROOT] = ROOT;
            for (int qi = 0; qi < tail; qi++) {
                int node = queue[qi];
                int s = slotOf[node];
                if (trie.output[node] >= 0) {
                    own[s] = trie.output[node];
                }
                for (int k = trie.firstChild[node]; k >= 0; k = trie.nextSibling[k]) {
                    int t = slotOf[k];
                    int c = trie.label[k];
                    if (s == ROOT) {
                        fail[t] = ROOT;
                    } else {
                        int f = fail[s];
                        while (true) {
                            int u = finalBase[f] + c;
                            if (finalCheck[u] == f) {
                                fail[t] = u;
                                break;
                            }
                            if (f == ROOT) {
                                fail[t] = ROOT;
                                break;
                            }
                            f = fail[f];
                        }
                    }
                }
            }
            for (int qi = 1; qi < tail; qi++) {
                int t = slotOf[queue[qi]];
                int f = fail[t];
                dict[t] = (f != ROOT && own[f] >= 0) ? f : dict[f];
            }
            return new Automaton(finalBase, finalCheck, fail, own, dict, tail);
        }

        /** The smallest base at which every child of the node finds a free slot. */
        private int findBase(int node) {
            int first = trie.firstChild[node];
            int c0 = trie.label[first];
            int p = Math.max(searchFrom, c0 + 1);
            while (true) {
                p = nextFree(p);
                int b = p - c0;
                if (b >= 1 && fits(b, first)) {
                    if (p == searchFrom) {
                        searchFrom = nextFree(p + 1);
                    }
                    return b;
                }
                p++;
            }
        }

        private boolean fits(int b, int first) {
            for (int k = trie.nextSibling[first]; k >= 0; k = trie.nextSibling[k]) {
                if (isMarked(b + trie.label[k])) {
                    return false;
                }
            }
            return true;
        }

        private int nextFree(int p) {
            while (true) {
                int word = p >> 6;
                if (word >= used.length) {
                    return p;
                }
                long free = ~used[word] & (-1L << (p & 63));
                if (free != 0) {
                    return (word << 6) + Long.numberOfTrailingZeros(free);
                }
                p = (word + 1) << 6;
            }
        }

        private void mark(int t) {
            ensure(t + 1);
            used[t >> 6] |= 1L << (t & 63);
        }

        private boolean isMarked(int t) {
            int w = t >> 6;
            return w < used.length && (used[w] & (1L << (t & 63))) != 0;
        }

        private void ensure(int size) {
            if (size > base.length) {
                int cap = Math.max(size, base.length + (base.length >> 1));
                base = Arrays.copyOf(base, cap);
                check = Arrays.copyOf(check, cap);
            }
            if ((size >> 6) + 1 > used.length) {
                used = Arrays.copyOf(used, Math.max((size >> 6) + 1, used.length * 3 / 2));
            }
        }
    }
}
