package dev.aicarbon.service;

import dev.aicarbon.service.bench.BenchCommand;
import dev.aicarbon.service.close.CloseCommand;
import dev.aicarbon.service.db.EmbeddedDatabase;
import dev.aicarbon.service.demo.DemoLoader;
import dev.aicarbon.service.security.AdminToken;
import dev.aicarbon.service.security.LocalSigningKey;
import dev.aicarbon.service.security.TokenCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point. Without a configured database it starts an embedded PostgreSQL before
 * Quarkus reads its configuration, so the datasource finds a server already listening.
 *
 * <p>{@code --demo} loads the bundled sample month and allocates it once the service is up;
 * {@code close [--month YYYY-MM]} closes a month and exits with the close's exit code;
 * {@code token --role R} prints a token signed with the local key, without starting anything.
 */
@QuarkusMain
public class CarbonApplication implements QuarkusApplication {

    static final String JDBC_URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String JDBC_URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";

    @Inject
    DemoLoader demoLoader;

    @Inject
    CloseCommand closeCommand;

    @Inject
    BenchCommand benchCommand;

    @Inject
    AdminToken adminToken;

    static final String LOCAL_ISSUER = "carbon-local";

    static final String PUBLIC_KEY_PROPERTY = "mp.jwt.verify.publickey.location";
    static final String ISSUER_PROPERTY = "mp.jwt.verify.issuer";

    /** Whether this start verifies tokens with the data directory's own key. */
    private static boolean localKey;

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(new TokenCommand(keyDirectory(), setting(ISSUER_PROPERTY, LOCAL_ISSUER),
                    setting("carbon.security.projects-claim", "projects"))
                    .execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        localKey = useLocalKeyIfNoneConfigured();
        if (isBatchCommand(args)) {
            // A batch command may run beside a serving instance on the same host: any free port.
            System.setProperty("quarkus.http.port", "0");
            // Scheduled jobs belong to the serving instance: in a batch process the scheduled
            // close or sync could start beside the command's own work, and a metrics refresh
            // still running when the command ends met a database already stopped.
            System.setProperty("quarkus.scheduler.enabled", "false");
        }
        EmbeddedDatabase embedded = startEmbeddedIfUnconfigured();
        Quarkus.run(CarbonApplication.class, (exitCode, failure) -> {
            if (embedded != null) {
                embedded.close();
            }
            System.exit(exitCode);
        }, args);
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && args[0].equals("close")) {
            return closeCommand.execute(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("bench")) {
            return benchCommand.execute(Arrays.copyOfRange(args, 1, args.length));
        }
        if (localKey) {
            adminToken.write(dataDirectory().resolve("admin.token"), keyDirectory());
        }
        if (Arrays.asList(args).contains("--demo")) {
            demoLoader.loadAndAllocate();
        }
        Quarkus.waitForExit();
        return 0;
    }

    /** Commands that run and exit: they take any free port, beside a serving instance. */
    private static boolean isBatchCommand(String... args) {
        return args.length > 0 && (args[0].equals("close") || args[0].equals("bench"));
    }

    private static EmbeddedDatabase startEmbeddedIfUnconfigured() {
        if (configured(System.getProperty(JDBC_URL_PROPERTY)) || configured(System.getenv(JDBC_URL_ENV))) {
            return null;
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDirectory().resolve("pgdata"));
        System.setProperty(JDBC_URL_PROPERTY, embedded.jdbcUrl());
        System.setProperty("quarkus.datasource.username", embedded.username());
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
        return embedded;
    }

    /**
     * Without a configured verification key (an identity provider's JWKS, say), tokens are
     * verified with a key pair kept in the data directory, generated on first start.
     */
    private static boolean useLocalKeyIfNoneConfigured() {
        if (configured(System.getProperty(PUBLIC_KEY_PROPERTY))
                || configured(System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
                || configured(System.getenv("MP_JWT_VERIFY_PUBLICKEY"))) {
            return false;
        }
        LocalSigningKey key = LocalSigningKey.ensure(keyDirectory());
        System.setProperty(PUBLIC_KEY_PROPERTY, key.publicKeyFile().toUri().toString());
        return true;
    }

    static Path keyDirectory() {
        return dataDirectory().resolve("keys");
    }

    private static String setting(String property, String fallback) {
        String env = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_"));
        String value = System.getProperty(property, env);
        return configured(value) ? value : fallback;
    }

    /** {@code carbon.data-dir} or {@code CARBON_DATA_DIR}, else {@code ./data}. */
    static Path dataDirectory() {
        String configuredDir = System.getProperty("carbon.data-dir", System.getenv("CARBON_DATA_DIR"));
        return Path.of(configured(configuredDir) ? configuredDir : "data").toAbsolutePath();
    }

    private static boolean configured(String value) {
        return value != null && !value.isBlank();
    }
}
