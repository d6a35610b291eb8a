package cn.wangjian.stream;

import cn.wangjian.engine.feed.FeedTopics;
import cn.wangjian.stream.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code ./wangjian stream}: the listing feed job. Without {@code --bootstrap} it starts a Kafka broker in this JVM
 * (KRaft, log under {@code --data-dir}) and runs the job on an embedded Flink MiniCluster; with {@code --bootstrap}
 * it reads and writes that Kafka, and when submitted with {@code flink run} it runs on that Flink cluster
 * (decision 0032). Checkpoints are on; offsets and the rule version in force are in them.
 */
public final class StreamMain {

    static final String USAGE = """
            用法 (usage): ./wangjian stream [options]
              --bootstrap HOST:PORT     使用已有的 Kafka（默认：在本进程内启动一个 Kafka，端口 --kafka-port）
              --kafka-port N            内置 Kafka 的端口（默认 9092）
              --data-dir DIR            内置 Kafka 日志与检查点目录（默认 ./data/stream）
              --parallelism N           作业并行度（默认 2）
              --checkpoint-dir URI      检查点存储（默认 DIR/checkpoints；集群上用 hdfs:// 或 s3://）
              --checkpoint-interval S   检查点间隔秒数（默认 10）
              --group ID                读取商品主题的消费组（默认 wangjian-stream）
              --kafka-config FILE       Kafka 客户端设置（Java properties 文件，如 security.protocol、sasl.*、ssl.*；
                                        密码放在仓库之外的文件里）
              --builtin-rules           不等待平台发布的规则版本，先用内置规则库扫描（默认等待：平台连接时发布现行版本）
              --topic-prefix P          主题名前缀（默认 wangjian.）：P+listings.v1、rules.v1、listing-results.v1、
                                        dead-letters.v1、price-changes.v1、orders.v1、reviews.v1、
                                        parcel-events.v1、brushing-rings.v1、review-signals.v1、parcel-signals.v1
            """;

    private StreamMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o;
        try {
            o = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("错误 (error): " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (o.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        Path dataDir = Path.of(o.getOrDefault("data-dir", "data/stream")).toAbsolutePath();
        FeedTopics topics = new FeedTopics(o.getOrDefault("topic-prefix",
                FeedTopics.defaults().prefix()));
        String bootstrap = o.get("bootstrap");
        EmbeddedKafka kafka = null;
        if (bootstrap == null) {
            kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), Integer.parseInt(o.getOrDefault("kafka-port", "9092")));
            bootstrap = kafka.bootstrapServers();
            System.out.println("内置 Kafka 已启动 (embedded Kafka): " + bootstrap);
        }
        int parallelism = Integer.parseInt(o.getOrDefault("parallelism", "2"));
        java.util.Properties client = new java.util.Properties();
        if (o.containsKey("kafka-config")) {
            try (var in = java.nio.file.Files.newBufferedReader(Path.of(o.get("kafka-config")))) {
                client.load(in);
            } catch (java.io.IOException e) {
                System.err.println("错误 (error): --kafka-config 无法读取 " + o.get("kafka-config") + "：" + e.getMessage());
                System.exit(2);
                return;
            }
        }
        // rule versions in order on one partition, compacted to the newest
        EmbeddedKafka.createTopics(bootstrap, client, 1, Map.of("cleanup.policy", "compact"), topics.rules());
        EmbeddedKafka.createTopics(bootstrap, client, Math.max(2, parallelism), Map.of(), topics.partitioned());
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                o.getOrDefault("checkpoint-dir", dataDir.resolve("checkpoints").toUri().toString()));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofSeconds(Long.parseLong(o.getOrDefault("checkpoint-interval", "10")))
                .toMillis());
        boolean builtIn = o.containsKey("builtin-rules");
        FeedPipeline.add(env, bootstrap, topics, o.getOrDefault("group", "wangjian-stream"), Clock.systemDefaultZone(),
                !builtIn, client);
        System.out.println("数据流作业运行中：读取 " + topics.listings() + "，结果写入 " + topics.results()
                + "；平台以 ./wangjian serve --stream " + bootstrap + " 接收结果");
        try {
            env.execute("wangjian listing feed");
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h") || a.equals("help")) {
                out.put("help", "");
                continue;
            }
            if (a.equals("--builtin-rules")) {
                out.put("builtin-rules", "");
                continue;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("未知参数 (unknown argument): " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            String bare = eq >= 0 ? name.substring(0, eq) : name;
            if (!Set.of("bootstrap", "kafka-port", "data-dir", "parallelism", "checkpoint-dir",
                    "checkpoint-interval", "group", "topic-prefix", "kafka-config").contains(bare)) {
                throw new IllegalArgumentException("未知选项 (unknown option): --" + bare);
            }
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " 需要一个值 (needs a value)");
                }
                value = args[++i];
            }
            if (Set.of("kafka-port", "parallelism", "checkpoint-interval").contains(name)) {
                try {
                    if (Integer.parseInt(value) < (name.equals("kafka-port") ? 0 : 1)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + " 应为正整数，而非 " + value);
                }
            }
            out.put(name, value);
        }
        return out;
    }
}
