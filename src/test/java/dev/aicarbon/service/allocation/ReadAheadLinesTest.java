package dev.aicarbon.service.allocation;

import static dev.aicarbon.service.bench.SyntheticMonthFiles.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.service.ApiTest;
import dev.aicarbon.service.bench.SyntheticMonth;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.imports.ImportService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the readers of a month's lines end: all accounts read once, a failure, a stop. */
@QuarkusTest
class ReadAheadLinesTest extends ApiTest {

    private static final YearMonth MONTH = YearMonth.of(2030, 1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportService imports;

    @TempDir
    Path folder;

    @Test
    void handsOverEveryAccountOnceWithAllItsLines() throws Exception {
        importMonth(2_000);

        List<List<UsageLine>> accounts = QuarkusTransaction.requiringNew().call(() -> {
            List<List<UsageLine>> handed = new ArrayList<>();
            try (ReadAheadLines lines = NativeSql.onConnection(
                    connection -> ReadAheadLines.start(connection, dataSource, MONTH))) {
                lines.forEachAccount(handed::add);
            }
            return handed;
        });

        Set<String> seen = new HashSet<>();
        for (List<UsageLine> account : accounts) {
            String key = account.get(0).provider() + "/" + account.get(0).accountId();
            assertThat(seen.add(key)).as("%s handed over twice", key).isTrue();
            assertThat(account).allMatch(line -> key.equals(line.provider() + "/" + line.accountId()));
        }
        assertThat(seen).hasSize(SyntheticMonth.accounts().size());
        assertThat(accounts.stream().mapToInt(List::size).sum()).isEqualTo(2_000);
    }

    @Test
    void reportsAReaderThatCouldNotStart() {
        try (ReadAheadLines lines = ReadAheadLines.startInSnapshot(dataSource, "00000003-0000001B-1", MONTH)) {
            assertThatThrownBy(() -> lines.forEachAccount(account -> {
            }))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("reading the month's usage lines failed")
                    .hasMessageContaining("snapshot");
        }
        assertThat(readersAlive()).isEmpty();
    }

    @Test
    void stopsItsReadersWhenTheAllocationStops() throws Exception {
        importMonth(2_000);

        QuarkusTransaction.requiringNew().run(() -> {
            try (ReadAheadLines lines = NativeSql.onConnection(
                    connection -> ReadAheadLines.start(connection, dataSource, MONTH))) {
                assertThatThrownBy(() -> lines.forEachAccount(account -> {
                    throw new IllegalStateException("the engine refused an account");
                })).hasMessage("the engine refused an account");
            }
        });

        assertThat(readersAlive()).isEmpty();
    }

    private void importMonth(int lines) {
        Path focus = folder.resolve("focus.csv");
        new SyntheticMonth(MONTH, 5).writeFocus(focus, lines);
        read(focus, in -> imports.importFocus(in, "focus.csv"));
    }

    private static List<String> readersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("usage-lines-"))
                .toList();
    }
}
