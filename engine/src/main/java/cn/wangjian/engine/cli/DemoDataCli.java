package cn.wangjian.engine.cli;

import cn.wangjian.engine.demo.RegistryMarket;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code demo-data --scale small|medium|large --seed N --out DIR}: writes the deterministic demo registry market
 * (the import files and {@code ground-truth.csv}) and prints what was planted.
 */
public final class DemoDataCli {

    private DemoDataCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String scale = "small";
        long seed = 7;
        String dir = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--scale" -> scale = value(args, ++i);
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--out" -> dir = value(args, ++i);
                    default -> throw new IllegalArgumentException("未知参数 (unknown option): " + args[i]);
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("缺少 --out DIR (missing --out)");
            }
            RegistryMarket.Summary summary = new RegistryMarket(RegistryMarket.Scale.parse(scale), seed).write(Path.of(dir));
            out.println("已写入 (written) " + dir + ": " + summary.rows());
            out.println("埋设的违法情形 (planted violations): " + summary.planted());
            out.println("导入 (import): ./wangjian import platforms|enterprises|shops|websites|licences|listings FILE"
                    + "（按此顺序；listings 用 listings.jsonl；enterprises 含故意错误的代码，请加 --partial）");
            return 0;
        } catch (NumberFormatException e) {
            err.println("错误：--seed 应为整数 (--seed must be an integer)");
            return 64;
        } catch (IllegalArgumentException e) {
            err.println("错误：" + e.getMessage());
            return 64;
        } catch (IOException e) {
            err.println("错误：无法写入 (cannot write) " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " 缺少取值 (needs a value)");
        }
        return args[i];
    }
}
