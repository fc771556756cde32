package dev.aicarbon.service.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL server run from binaries shipped in a jar, so that the service needs nothing
 * installed. Used only when no database is configured; a configured JDBC URL always wins.
 *
 * <p>The data directory is kept between starts, so imported data and allocations survive a
 * restart. The server listens on a free local port chosen at start.
 *
 * <p>{@code shared_buffers} is a quarter of the memory the process can see (the container's
 * limit in a container), from 128 MB to 8 GB, as PostgreSQL's own tuning advice has it, rather
 * than the server's default of 128 MB. A month close reads its usage lines one account at a
 * time through an index, so with a small cache each account's read fetches the whole table's
 * pages from the operating system again; at three million lines the close took 37.0 s with
 * 128 MB and 29.7 s with 3 GB (docs/performance.md). The memory is only taken as pages are
 * used. {@code CARBON_EMBEDDED_SHARED_BUFFERS} (a PostgreSQL size such as {@code 512MB})
 * overrides it.
 *
 * <p>{@code max_wal_size} is {@value #MAX_WAL_SIZE} instead of 1 GB: loading a 10M-line month
 * writes several gigabytes of WAL, and with 1 GB the server checkpointed every ten seconds or
 * so, writing out the pages the allocation was about to read again. The close of such a month
 * took 105 to 109 s instead of 116 s (docs/performance.md). The cost is disk: up to that much
 * WAL is kept in the data directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    static final String MAX_WAL_SIZE = "4GB";

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts (initialising on first use) a server whose data lives in {@code dataDirectory}.
     * A {@code null} directory gives a throw-away cluster, cleaned on close.
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", sharedBuffers())
                    .setServerConfig("max_wal_size", MAX_WAL_SIZE);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.infof("Embedded PostgreSQL on port %d, data in %s", postgres.getPort(),
                    dataDirectory == null ? "a temporary directory" : dataDirectory);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static String sharedBuffers() {
        String configured = System.getenv("CARBON_EMBEDDED_SHARED_BUFFERS");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return sharedBuffersMegabytes(os.getTotalMemorySize()) + "MB";
    }

    /** A quarter of {@code totalMemoryBytes} in whole megabytes, from 128 MB to 8 GB. */
    static long sharedBuffersMegabytes(long totalMemoryBytes) {
        long quarter = (totalMemoryBytes / 4) >> 20;
        return Math.max(128, Math.min(quarter, 8192));
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }
}
