package cn.wangjian.stream.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in this JVM, in KRaft mode (broker and controller in one process, no ZooKeeper), from
 * Kafka's own server artifacts: for a laptop ({@code ./wangjian stream}) and for tests. Its log lives in a directory
 * of the caller's; a directory formatted before is reused, so topics and offsets survive a restart. A real
 * deployment points the jobs at its own Kafka instead (decision 0032).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
    }

    /** Starts a broker on {@code port} (0: a free port) with its log in {@code dir}. */
    public static EmbeddedKafka start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            String logDir = dir.toAbsolutePath().toString();
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", logDir);
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "4");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("num.partitions", "2");
            p.put("auto.create.topics.enable", "false");
            p.put("log.flush.interval.messages", "1");   // a laptop's broker: each message on disk before it is acknowledged
            KafkaConfig config = KafkaConfig.fromProps(p);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                Formatter f = new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString())
                        .addDirectory(logDir)
                        .setMetadataLogDirectory(logDir)
                        .setControllerListenerName("CONTROLLER")
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .setReleaseVersion(MetadataVersion.latestProduction());
                f.run();
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafka kafka = new EmbeddedKafka(server, "localhost:" + brokerPort);
            kafka.awaitReady();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("内置 Kafka 未能启动 (embedded Kafka did not start): " + e.getMessage(), e);
        }
    }

    /** The address clients connect to ({@code bootstrap.servers}). */
    public String bootstrapServers() {
        return bootstrap;
    }

    /** Creates the topics that do not exist yet, each with {@code partitions} partitions. */
    public void createTopics(int partitions, String... topics) {
        createTopics(bootstrap, partitions, topics);
    }

    /** Creates the topics that do not exist yet on any Kafka (replication factor 1 for a single broker). */
    public static void createTopics(String bootstrap, int partitions, String... topics) {
        createTopics(bootstrap, partitions, Map.of(), topics);
    }

    /** As {@link #createTopics(String, int, String...)}, with topic configuration ({@code cleanup.policy} …). */
    public static void createTopics(String bootstrap, int partitions, Map<String, String> configs, String... topics) {
        createTopics(bootstrap, new java.util.Properties(), partitions, configs, topics);
    }

    /** As above, with the Kafka client settings of a secured Kafka ({@code security.protocol}, {@code sasl.*} …). */
    public static void createTopics(String bootstrap, java.util.Properties client, int partitions,
                                    Map<String, String> configs, String... topics) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(client);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> wanted = new ArrayList<>();
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String t : topics) {
                if (!existing.contains(t)) {
                    wanted.add(new NewTopic(t, partitions, (short) 1).configs(configs));
                }
            }
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("主题未能创建 (topics not created): " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("主题未能创建 (topics not created): " + e.getMessage(), e);
        }
    }

    private void awaitReady() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
