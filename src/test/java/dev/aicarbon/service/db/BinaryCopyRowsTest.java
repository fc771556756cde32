package dev.aicarbon.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicarbon.service.ApiTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * What binary COPY writes is what the server then holds, value for value: every value is read
 * back as the server prints it and compared with what the text form of the same value gives.
 */
@QuarkusTest
class BinaryCopyRowsTest extends ApiTest {

    private static final String TABLE = "create temporary table copied (row_id integer, big bigint,"
            + " name varchar(64), at timestamptz, amount numeric, doc jsonb) on commit drop";
    private static final String COLUMNS = "row_id, big, name, at, amount, doc";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storesEveryDecimalWithItsDigitsAndScale() throws SQLException {
        List<BigDecimal> decimals = new ArrayList<>(List.of(
                new BigDecimal("0"), new BigDecimal("0.00"), new BigDecimal("1"), new BigDecimal("-1"),
                new BigDecimal("1E+3"), new BigDecimal("-2.5E+9"), new BigDecimal("1.5E-7"),
                new BigDecimal("0.00012"), new BigDecimal("9999.9999"), new BigDecimal("10000"),
                new BigDecimal("-0.000000000001"), new BigDecimal("123456789012.123456789012"),
                new BigDecimal("12345678901234567890123456789.0000000000000000000001"),
                new BigDecimal("1E+40"), new BigDecimal("0.100000000000")));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(130), new Random(random.nextLong()));
            decimals.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(),
                    random.nextInt(-12, 25)));
        }

        List<String> stored = writeAndRead(decimals.size(), (rows, i) -> rows
                .int4(i).int8(null).text(null).timestamptz(null).numeric(decimals.get(i)).jsonb(null),
                "amount::text");

        for (int i = 0; i < decimals.size(); i++) {
            BigDecimal decimal = decimals.get(i);
            String expected = (decimal.scale() < 0 ? decimal.setScale(0) : decimal).toPlainString();
            assertThat(stored.get(i)).as("stored %s", decimal).isEqualTo(expected);
        }
    }

    @Test
    void storesInstantsToTheMicrosecondRoundingAsTheServerDoes() throws SQLException {
        List<Instant> instants = List.of(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("1999-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("2026-11-30T12:34:56.000000500Z"), Instant.parse("2026-11-30T12:34:56.000001500Z"),
                Instant.parse("2026-11-30T12:34:56.000000501Z"), Instant.parse("1900-02-28T01:02:03.123456Z"));

        List<String> binary = writeAndRead(instants.size(), (rows, i) -> rows
                .int4(i).int8(null).text(null).timestamptz(instants.get(i)).numeric(null).jsonb(null),
                "to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')");
        List<String> fromText = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Instant instant : instants) {
                try (ResultSet row = statement.executeQuery("select to_char('" + instant
                        + "'::timestamptz at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')")) {
                    row.next();
                    fromText.add(row.getString(1));
                }
            }
        }

        assertThat(binary).containsExactlyElementsOf(fromText);
    }

    @Test
    void storesTextIntegersJsonAndNullsAsGiven() throws SQLException {
        String awkward = "tab\there, new\nline, back\\slash, \u00e9t\u00e9, \u6f22\u5b57";

        List<String> stored = writeAndRead(2, (rows, i) -> {
            if (i == 0) {
                rows.int4(Integer.MIN_VALUE).int8(Long.MAX_VALUE).text(awkward)
                        .timestamptz(Instant.parse("2026-11-01T00:00:00Z")).numeric(BigDecimal.TEN)
                        .jsonb("{\"ml-project\": \"\u00e9t\u00e9\", \"user:team\": \"a\\\"b\"}");
            } else {
                rows.int4(1).int8(null).text(null).timestamptz(null).numeric(null).jsonb(null);
            }
        }, "row_id || '|' || coalesce(big::text, 'null') || '|' || coalesce(name, 'null') || '|'"
                + " || coalesce(doc ->> 'ml-project', 'null') || '|' || coalesce(doc ->> 'user:team', 'null')");

        assertThat(stored).containsExactly(
                Integer.MIN_VALUE + "|" + Long.MAX_VALUE + "|" + awkward + "|\u00e9t\u00e9|a\"b",
                "1|null|null|null|null");
    }

    @Test
    void startsAFreshCopyAfterAPause() throws SQLException {
        try (Connection connection = open()) {
            BinaryCopyRows rows = writer(connection);

            rows.int4(1).int8(1L).text("a").timestamptz(null).numeric(BigDecimal.ONE).jsonb("{}");
            rows.endRow();
            rows.pause();
            try (Statement statement = connection.createStatement()) {
                statement.execute("insert into copied (row_id) values (2)");
            }
            rows.int4(3).int8(3L).text("c").timestamptz(null).numeric(BigDecimal.ONE).jsonb("{}");
            rows.endRow();
            rows.finish();

            assertThat(read(connection, "row_id::text")).containsExactly("1", "2", "3");
            assertThat(rows.rows()).isEqualTo(2);
        }
    }

    @Test
    void namesTheTableWhenTheServerRefusesARow() throws SQLException {
        try (Connection connection = open()) {
            BinaryCopyRows rows = writer(connection);

            rows.int4(1).int8(null).text("x".repeat(65)).timestamptz(null).numeric(null).jsonb(null);
            rows.endRow();

            assertThatThrownBy(rows::finish)
                    .isInstanceOf(BulkWriteException.class)
                    .hasMessageContaining("COPY into copied failed")
                    .hasRootCauseMessage("ERROR: value too long for type character varying(64)\n"
                            + "  Where: COPY copied, line 1, column name");
        }
    }

    @Test
    void refusesARowWithTooFewValues() throws SQLException {
        try (Connection connection = open()) {
            BinaryCopyRows rows = writer(connection);

            rows.int4(1).int8(null);

            assertThatThrownBy(rows::endRow).hasMessage("a row of 2 values for 6 columns");
            rows.abandon();
        }
    }

    private interface RowWriter {
        void write(BinaryCopyRows rows, int index);
    }

    private List<String> writeAndRead(int count, RowWriter writer, String selected) throws SQLException {
        try (Connection connection = open()) {
            BinaryCopyRows rows = writer(connection);
            for (int i = 0; i < count; i++) {
                writer.write(rows, i);
                rows.endRow();
            }
            rows.finish();
            return read(connection, selected);
        }
    }

    /** A connection in a transaction of its own, with an empty table that its end drops. */
    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
        }
        return connection;
    }

    private static BinaryCopyRows writer(Connection connection) throws SQLException {
        return new BinaryCopyRows(connection.unwrap(PGConnection.class).getCopyAPI(), "copied", COLUMNS);
    }

    private static List<String> read(Connection connection, String selected) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select " + selected + " from copied order by row_id")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
