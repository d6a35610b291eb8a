package cn.wangjian.bench.brushing;

import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.brushing.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The published baseline, written from the paper (Shin, Hooi, Kim, Faloutsos: "D-Cube: Dense-Block Detection in
 * Terabyte-Scale Tensors", WSDM 2017), not from its code: arithmetic-average-mass density
 * ρ(B) = M(B) / ((|B_1| + … + |B_N|) / N); to find one block, start from all remaining cells and repeatedly take
 * the mode chosen by the "density" policy, remove every value of that mode whose slice mass is at most the average
 * slice mass (lightest first), and keep the densest block seen; k blocks are found one after another, each
 * block's cells removed from the tensor before the next search.
 */
public final class DCube {

    private final Tensor t;
    private final int modes;

    public DCube(Tensor t) {
        this.t = t;
        this.modes = t.hasExtra() ? 4 : 3;
    }

    private int value(int mode, int cell) {
        return switch (mode) {
            case 0 -> t.user(cell);
            case 1 -> t.shop(cell);
            case 2 -> t.day(cell);
            default -> t.extra(cell);
        };
    }

    private int cardinality(int mode) {
        return switch (mode) {
            case 0 -> t.users();
            case 1 -> t.shops();
            case 2 -> t.days();
            default -> maxExtra() + 1;
        };
    }

    private int maxExtra() {
        int m = 0;
        for (int i = 0; i < t.size(); i++) {
            m = Math.max(m, t.extra(i));
        }
        return m;
    }

    public List<RingDetector.Block> detect(int k) {
        boolean[] removed = new boolean[t.size()];
        List<RingDetector.Block> blocks = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            RingDetector.Block block = findSingleBlock(removed);
            if (block == null || block.cells().length == 0) {
                break;
            }
            for (int c : block.cells()) {
                removed[c] = true;
            }
            blocks.add(block);
        }
        return blocks;
    }

    private RingDetector.Block findSingleBlock(boolean[] removedCells) {
        boolean[][] alive = new boolean[modes][];
        int[] size = new int[modes];
        for (int m = 0; m < modes; m++) {
            alive[m] = new boolean[cardinality(m)];
        }
        // the block starts as every remaining cell
        int[] cells = new int[t.size()];
        int n = 0;
        long mass = 0;
        for (int i = 0; i < t.size(); i++) {
            if (!removedCells[i]) {
                cells[n++] = i;
                mass += t.count(i);
                for (int m = 0; m < modes; m++) {
                    int v = value(m, i);
                    if (!alive[m][v]) {
                        alive[m][v] = true;
                        size[m]++;
                    }
                }
            }
        }
        if (n == 0) {
            return null;
        }
        // removal order, so that the densest intermediate block can be restored
        int totalValues = Arrays.stream(size).sum();
        int[] orderMode = new int[totalValues];
        int[] orderValue = new int[totalValues];
        int removedCount = 0;
        double bestDensity = density(mass, size);
        int bestRemoved = 0;
        double[][] sliceMass = new double[modes][];
        for (int m = 0; m < modes; m++) {
            sliceMass[m] = new double[cardinality(m)];
        }
        while (n > 0) {
            for (int m = 0; m < modes; m++) {
                Arrays.fill(sliceMass[m], 0);
            }
            for (int j = 0; j < n; j++) {
                int c = cells[j];
                for (int m = 0; m < modes; m++) {
                    sliceMass[m][value(m, c)] += t.count(c);
                }
            }
            // density policy: the mode whose thinning gives the densest block
            int bestMode = -1;
            double bestModeDensity = -1;
            for (int m = 0; m < modes; m++) {
                if (size[m] == 0) {
                    continue;
                }
                double avg = mass / (double) size[m];
                double removedMass = 0;
                int removedValues = 0;
                for (int v = 0; v < sliceMass[m].length; v++) {
                    if (alive[m][v] && sliceMass[m][v] <= avg) {
                        removedMass += sliceMass[m][v];
                        removedValues++;
                    }
                }
                int[] newSize = size.clone();
                newSize[m] -= removedValues;
                double d = density(mass - removedMass, newSize);
                if (d > bestModeDensity) {
                    bestModeDensity = d;
                    bestMode = m;
                }
            }
            if (bestMode < 0) {
                break;
            }
            double avg = mass / (double) size[bestMode];
            // remove the light values of that mode, lightest first, tracking the density after each
            List<Integer> light = new ArrayList<>();
            for (int v = 0; v < sliceMass[bestMode].length; v++) {
                if (alive[bestMode][v] && sliceMass[bestMode][v] <= avg) {
                    light.add(v);
                }
            }
            final double[] sm = sliceMass[bestMode];
            light.sort((a, b) -> Double.compare(sm[a], sm[b]));
            for (int v : light) {
                alive[bestMode][v] = false;
                size[bestMode]--;
                mass -= (long) sm[v];
                orderMode[removedCount] = bestMode;
                orderValue[removedCount] = v;
                removedCount++;
                double d = density(mass, size);
                if (d > bestDensity) {
                    bestDensity = d;
                    bestRemoved = removedCount;
                }
            }
            // drop the cells of removed values
            int kept = 0;
            for (int j = 0; j < n; j++) {
                int c = cells[j];
                if (alive[bestMode][value(bestMode, c)]) {
                    cells[kept++] = c;
                }
            }
            n = kept;
            if (light.isEmpty()) {
                break;
            }
        }
        // restore the densest block: every value not among the first bestRemoved removals
        boolean[][] member = new boolean[modes][];
        for (int m = 0; m < modes; m++) {
            member[m] = new boolean[cardinality(m)];
        }
        for (int i = 0; i < t.size(); i++) {
            if (!removedCells[i]) {
                for (int m = 0; m < modes; m++) {
                    member[m][value(m, i)] = true;
                }
            }
        }
        for (int r = 0; r < bestRemoved; r++) {
            member[orderMode[r]][orderValue[r]] = false;
        }
        List<Integer> blockCells = new ArrayList<>();
        long blockMass = 0;
        for (int i = 0; i < t.size(); i++) {
            if (removedCells[i]) {
                continue;
            }
            boolean in = true;
            for (int m = 0; m < modes && in; m++) {
                in = member[m][value(m, i)];
            }
            if (in) {
                blockCells.add(i);
                blockMass += t.count(i);
            }
        }
        int[][] ids = new int[modes][];
        for (int m = 0; m < modes; m++) {
            int count = 0;
            for (boolean b : member[m]) {
                if (b) {
                    count++;
                }
            }
            ids[m] = new int[count];
            int k = 0;
            for (int v = 0; v < member[m].length; v++) {
                if (member[m][v]) {
                    ids[m][k++] = v;
                }
            }
        }
        return new RingDetector.Block(ids[0], ids[1], ids[2], modes == 4 ? ids[3] : null, blockMass, 0,
                bestDensity, blockCells.stream().mapToInt(Integer::intValue).toArray(), null);
    }

    private double density(double mass, int[] size) {
        double sum = 0;
        for (int s : size) {
            sum += s;
        }
        return sum == 0 ? 0 : mass / (sum / size.length);
    }
}
