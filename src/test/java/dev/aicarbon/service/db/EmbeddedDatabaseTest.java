package dev.aicarbon.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data in the chosen directory across restarts. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsDataAcrossRestartsInTheChosenDirectory() throws SQLException {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDirectory);
                Connection connection = connect(first);
                Statement statement = connection.createStatement()) {
            statement.execute("create table kept (kg_co2e numeric)");
            statement.execute("insert into kept values (12.5)");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDirectory);
                Connection connection = connect(second);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select kg_co2e from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("12.5");
        }
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();
    }

    @Test
    void givesSharedBuffersAQuarterOfMemoryWithinBounds() {
        assertThat(EmbeddedDatabase.sharedBuffersMegabytes(24L << 30)).isEqualTo(6144);
        assertThat(EmbeddedDatabase.sharedBuffersMegabytes(256L << 20)).isEqualTo(128);
        assertThat(EmbeddedDatabase.sharedBuffersMegabytes(64L << 30)).isEqualTo(8192);
    }

    @Test
    void startsTheServerWithThoseSharedBuffers() throws SQLException {
        long expectedMegabytes = EmbeddedDatabase.sharedBuffersMegabytes(
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize());

        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDirectory);
                Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select setting::bigint * 8 / 1024 from pg_settings where name = 'shared_buffers'")) {
            row.next();
            assertThat(row.getLong(1)).isEqualTo(expectedMegabytes);
        }
    }

    @Test
    void keepsMoreWalBetweenCheckpointsThanTheServersDefault() throws SQLException {
        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDirectory);
                Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("show max_wal_size")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(EmbeddedDatabase.MAX_WAL_SIZE);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
    }
}
