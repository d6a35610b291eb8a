package cn.wangjian.engine.cli;

import cn.wangjian.engine.brushing.MarketFiles;
import cn.wangjian.engine.brushing.MarketGenerator;
import cn.wangjian.engine.brushing.OrderMarket;
import cn.wangjian.engine.brushing.Parcel;
import cn.wangjian.engine.brushing.ParcelChecks;
import cn.wangjian.engine.brushing.Review;
import cn.wangjian.engine.brushing.ReviewChecks;
import cn.wangjian.engine.brushing.Signal;
import cn.wangjian.engine.brushing.RingDetector;
import cn.wangjian.engine.brushing.RingEvaluation;
import cn.wangjian.engine.brushing.Tensor;
import cn.wangjian.engine.brushing.TensorCsv;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code brushing}: finds order-brushing rings in a tensor file ({@code user,shop,day[,ip],count}) and writes them as
 * JSON with evidence and a Chinese explanation, every flagged cell as CSV, and, given the ground truth, the
 * accuracy. {@code brushing generate} writes the benchmark market and its truth.
 */
public final class BrushingCli {

    private BrushingCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length > 0 && args[0].equals("generate")) {
                return generate(args, out);
            }
            String tensorFile = null;
            String output = null;
            String flagged = null;
            String truth = null;
            String orders = null;
            String reviews = null;
            String parcels = null;
            String with = "none";
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--orders" -> orders = value(args, ++i);
                    case "--reviews" -> reviews = value(args, ++i);
                    case "--parcels" -> parcels = value(args, ++i);
                    case "--with" -> with = value(args, ++i);
                    case "--tensor" -> tensorFile = value(args, ++i);
                    case "--output" -> output = value(args, ++i);
                    case "--flagged" -> flagged = value(args, ++i);
                    case "--evaluate" -> truth = value(args, ++i);
                    case "--help", "-h" -> {
                        out.println("用法 (usage):\n"
                                + "  brushing --tensor F.csv [--output rings.json] [--flagged flagged.csv] [--evaluate truth.csv]\n"
                                + "      在“买家×店铺×日期”交易表中找刷单团伙；--evaluate 与真值表对照\n"
                                + "  brushing --orders O.csv [--reviews R.csv] [--parcels P.csv] [--with ip|device|address] [--output F.json]\n"
                                + "      从订单、评价、包裹数据找刷单团伙及其佐证信号\n"
                                + "  brushing generate [--cells N] [--seed S] [--uniform] [--ip] --out DIR\n"
                                + "      生成演示交易表（植入的团伙只能说明流程，不代表检出质量）");
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("未知选项 (unknown option) " + args[i]);
                }
            }
            if (orders != null) {
                return rich(Path.of(orders), reviews == null ? null : Path.of(reviews),
                        parcels == null ? null : Path.of(parcels), with, output, out, err);
            }
            if (tensorFile == null) {
                throw new IllegalArgumentException("须指定 --tensor F.csv 或 --orders F.csv (one of them is required)");
            }
            long t0 = System.nanoTime();
            Tensor tensor;
            try (BufferedReader in = Files.newBufferedReader(Path.of(tensorFile), StandardCharsets.UTF_8)) {
                tensor = TensorCsv.read(in);
            }
            long t1 = System.nanoTime();
            List<RingDetector.Block> rings = new RingDetector(tensor, RingDetector.Config.defaults()).detect();
            long t2 = System.nanoTime();
            err.printf("读入 %d 条交易格（%.2f 秒），找到 %d 个疑似刷单团伙（%.2f 秒）%n", tensor.size(), (t1 - t0) / 1e9,
                    rings.size(), (t2 - t1) / 1e9);
            if (output != null) {
                try (Writer w = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
                    writeRings(tensor, rings, w);
                }
            } else {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                writeRings(tensor, rings, w);
                w.flush();
            }
            if (flagged != null) {
                try (Writer w = Files.newBufferedWriter(Path.of(flagged), StandardCharsets.UTF_8)) {
                    writeFlagged(tensor, rings, w);
                }
            }
            if (truth != null) {
                int[] ringOfCell = new int[tensor.size()];
                int ringCount = readTruth(Path.of(truth), tensor, ringOfCell);
                err.println(RingEvaluation.of(tensor, ringOfCell, ringCount, rings).describe());
            }
            return 0;
        } catch (TensorCsv.BadInputException | MarketFiles.BadInputException | IllegalArgumentException e) {
            err.println("错误 (error): " + e.getMessage());
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("错误 (error): 文件不存在 (no such file): " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("错误 (error): " + e.getMessage());
            return 2;
        }
    }

    /** Orders, reviews and parcels: rings with their orders and parcels, and every parcel and review signal. */
    private static int rich(Path ordersFile, Path reviewsFile, Path parcelsFile, String with, String output,
                            PrintStream out, PrintStream err) throws IOException, MarketFiles.BadInputException {
        OrderMarket.Extra extra = switch (with) {
            case "none" -> OrderMarket.Extra.NONE;
            case "ip" -> OrderMarket.Extra.IP;
            case "device" -> OrderMarket.Extra.DEVICE;
            case "address" -> OrderMarket.Extra.ADDRESS;
            default -> throw new IllegalArgumentException("--with takes ip, device or address, not " + with);
        };
        List<cn.wangjian.engine.brushing.Order> orders;
        try (BufferedReader in = Files.newBufferedReader(ordersFile, StandardCharsets.UTF_8)) {
            orders = MarketFiles.orders(in, ordersFile.getFileName().toString());
        }
        List<Review> reviews = List.of();
        if (reviewsFile != null) {
            try (BufferedReader in = Files.newBufferedReader(reviewsFile, StandardCharsets.UTF_8)) {
                reviews = MarketFiles.reviews(in, reviewsFile.getFileName().toString());
            }
        }
        List<Parcel> parcels = List.of();
        if (parcelsFile != null) {
            try (BufferedReader in = Files.newBufferedReader(parcelsFile, StandardCharsets.UTF_8)) {
                parcels = MarketFiles.parcels(in, parcelsFile.getFileName().toString());
            }
        }
        List<Signal> signals = new java.util.ArrayList<>(ParcelChecks.check(parcels, ParcelChecks.Config.defaults()));
        signals.addAll(ReviewChecks.check(reviews, ReviewChecks.Config.defaults()));
        OrderMarket market = new OrderMarket(orders, extra);
        List<OrderMarket.RingEvidence> rings = market.rings(RingDetector.Config.defaults(), parcels, signals);
        err.printf("订单 %d 条、评价 %d 条、包裹 %d 条：疑似刷单团伙 %d 个，佐证信号 %d 条%n", orders.size(),
                reviews.size(), parcels.size(), rings.size(), signals.size());
        Writer w = output == null ? new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
        try {
            ObjectMapper json = new ObjectMapper();
            try (JsonGenerator g = json.getFactory().createGenerator(w).useDefaultPrettyPrinter()) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                g.writeArrayFieldStart("rings");
                int id = 0;
                for (OrderMarket.RingEvidence r : rings) {
                    g.writeStartObject();
                    g.writeNumberField("id", id++);
                    g.writeNumberField("score", Math.round(r.block().score() * 10) / 10.0);
                    g.writeNumberField("purchases", r.block().mass());
                    g.writeNumberField("expected", r.block().expected());
                    g.writeNumberField("density", Math.round(r.block().density() * 10) / 10.0);
                    g.writeObjectField("accounts", r.accounts());
                    g.writeObjectField("shops", r.shops());
                    g.writeObjectField("days", r.days().stream().map(Object::toString).toList());
                    if (!r.extras().isEmpty()) {
                        g.writeObjectField(with, r.extras());
                    }
                    g.writeObjectField("orders", r.orders());
                    g.writeObjectField("parcels", r.parcels());
                    g.writeStringField("explanation", r.explanation());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("signals");
                for (Signal s : signals) {
                    g.writeStartObject();
                    g.writeStringField("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
                    g.writeObjectField("subjects", s.subjects());
                    g.writeObjectField("accounts", s.accounts());
                    if (s.shop() != null) {
                        g.writeStringField("shop", s.shop());
                    }
                    g.writeStringField("explanation", s.explanation());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            w.write('\n');
        } finally {
            if (output == null) {
                w.flush();
            } else {
                w.close();
            }
        }
        return 0;
    }

    private static int generate(String[] args, PrintStream out) throws IOException {
        long cells = 1_000_000;
        long seed = 7;
        boolean uniform = false;
        boolean ip = false;
        Path dir = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--cells" -> cells = Long.parseLong(value(args, ++i).replace("_", ""));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--uniform" -> uniform = true;
                case "--ip" -> ip = true;
                case "--out" -> dir = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(dir);
        var market = MarketGenerator.generate(new MarketGenerator.Config(cells, seed, !uniform, ip, 5));
        Tensor t = market.tensor();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(dir.resolve("tensor.csv"), StandardCharsets.UTF_8), 1 << 16)) {
            TensorCsv.write(t, w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8)) {
            w.write(t.hasExtra() ? "user,shop,day,ip,ring\n" : "user,shop,day,ring\n");
            for (int c = 0; c < t.size(); c++) {
                int r = market.ringOfCell()[c];
                if (r >= 0) {
                    w.write(t.user(c) + "," + t.shop(c) + "," + t.day(c) + (t.hasExtra() ? "," + t.extra(c) : "")
                            + "," + r + "\n");
                }
            }
        }
        out.printf("已生成 %d 条交易格、植入 %d 个团伙，写入 %s%n", t.size(), market.rings(), dir);
        return 0;
    }

    private record CellKey(int user, int shop, int day, int extra) {
    }

    private static int readTruth(Path file, Tensor t, int[] ringOfCell) throws IOException {
        Map<CellKey, Integer> truth = new HashMap<>();
        int rings = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || !Character.isDigit(line.charAt(0))) {
                    continue;
                }
                String[] f = line.split(",");
                try {
                    int ring = Integer.parseInt(f[f.length - 1].strip());
                    truth.put(new CellKey(Integer.parseInt(f[0].strip()), Integer.parseInt(f[1].strip()),
                            Integer.parseInt(f[2].strip()), f.length == 5 ? Integer.parseInt(f[3].strip()) : 0), ring);
                    rings = Math.max(rings, ring + 1);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + n + ": expected user,shop,day[,ip],ring");
                }
            }
        }
        for (int c = 0; c < t.size(); c++) {
            ringOfCell[c] = truth.getOrDefault(new CellKey(t.user(c), t.shop(c), t.day(c),
                    t.hasExtra() ? t.extra(c) : 0), -1);
        }
        return rings;
    }

    static void writeRings(Tensor t, List<RingDetector.Block> rings, Writer w) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (JsonGenerator g = json.getFactory().createGenerator(w).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("cells", t.size());
            g.writeNumberField("purchases", t.mass());
            g.writeArrayFieldStart("rings");
            int id = 0;
            for (RingDetector.Block b : rings) {
                g.writeStartObject();
                g.writeNumberField("id", id++);
                g.writeNumberField("score", Math.round(b.score() * 10) / 10.0);
                g.writeNumberField("purchases", b.mass());
                g.writeNumberField("expected", b.expected());
                g.writeNumberField("density", Math.round(b.density() * 10) / 10.0);
                g.writeNumberField("fill", Math.round(b.fill() * 1000) / 1000.0);
                g.writeFieldName("accounts");
                g.writeArray(b.users(), 0, b.users().length);
                g.writeFieldName("shops");
                g.writeArray(b.shops(), 0, b.shops().length);
                g.writeFieldName("days");
                g.writeArray(b.days(), 0, b.days().length);
                if (b.extras() != null) {
                    g.writeFieldName("ips");
                    g.writeArray(b.extras(), 0, b.extras().length);
                }
                g.writeNumberField("cells", b.cells().length);
                g.writeStringField("explanation", explain(b));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        w.write('\n');
    }

    /** The ring in words a case officer can put in a file. */
    public static String explain(RingDetector.Block b) {
        int firstDay = b.days()[0];
        int lastDay = b.days()[b.days().length - 1];
        return String.format("疑似刷单团伙：%d 个账号在 %d 天内（第 %d%s 天）集中向 %d 家店铺下单 %d 次%s。按这些账号各自的购买活跃度、"
                        + "这些店铺各自的热度和当日全网交易量推算，预期约 %.2f 次，实际为预期的 %.0f 倍（泊松似然比 %.0f）；"
                        + "“账号×店铺×日期”组合中有 %.0f%% 存在订单。请调取相关订单、物流和评价记录核实。",
                b.users().length, b.days().length, firstDay, lastDay == firstDay ? "" : "–" + lastDay,
                b.shops().length, b.mass(), b.extras() == null ? "" : "，使用 " + b.extras().length + " 个 IP 地址",
                b.expected(), b.density(), b.score(), 100 * b.fill()) + coordination(b);
    }

    private static String coordination(RingDetector.Block b) {
        RingDetector.Coordination c = b.coordination();
        if (c == null) {
            return "";
        }
        return String.format("这些账号与店铺之间有 %d 个不同的“账号—店铺”购买关系，按各账号光顾的店铺数和各店铺的买家数推算，"
                        + "偶然出现约 %.1f 个；这些账号在这些店铺的全部 %d 次购买，按各日交易量分摊，在上述日期内预期约 %.1f 次，"
                        + "实际 %d 次。", c.pairs(), c.pairsExpected(), c.windowMass(), c.windowExpected(), b.mass());
    }

    static void writeFlagged(Tensor t, List<RingDetector.Block> rings, Writer w) throws IOException {
        w.write(t.hasExtra() ? "user,shop,day,ip,count,ring\n" : "user,shop,day,count,ring\n");
        int id = 0;
        for (RingDetector.Block b : rings) {
            for (int c : b.cells()) {
                w.write(t.user(c) + "," + t.shop(c) + "," + t.day(c) + (t.hasExtra() ? "," + t.extra(c) : "") + ","
                        + t.count(c) + "," + id + "\n");
            }
            id++;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
