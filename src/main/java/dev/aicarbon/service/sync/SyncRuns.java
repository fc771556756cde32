package dev.aicarbon.service.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.ProviderConnector;
import dev.aicarbon.service.db.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The record of every pull ({@code sync_run}). Each write commits on its own, so that a pull
 * killed half way leaves a {@code RUNNING} row behind as evidence, never a half-written one.
 */
@ApplicationScoped
public class SyncRuns {

    @Inject
    ObjectMapper json;

    /** A finished pull, as the resume rule and the provider view need it. */
    public record Run(long id, String provider, String connection, String month, String status,
            Instant startedAt, Instant finishedAt, LocalDate availableAbout, String modelVersion,
            List<Long> importIds, int filesImported, List<AccountFailure> failures, String error) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long start(ProviderConnector connector, YearMonth month, String trigger) {
        long id = NativeSql.nextval("sync_run_seq");
        NativeSql.update("insert into sync_run (id, provider, connection_name, month, trigger,"
                        + " started_at, status) values (?1, ?2, ?3, ?4, ?5, ?6, 'RUNNING')",
                id, connector.provider(), connector.name(), month.toString(), trigger,
                Timestamp.from(Instant.now()));
        return id;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(long id, SyncReport.Pull pull) {
        NativeSql.update("update sync_run set finished_at = ?2, status = ?3, available_about = ?4,"
                        + " model_version = ?5, import_ids = ?6, files_imported = ?7,"
                        + " files_unchanged = ?8, failures = ?9 where id = ?1",
                id, Timestamp.from(Instant.now()), pull.status(),
                pull.availableAbout() == null ? null : java.sql.Date.valueOf(pull.availableAbout()),
                pull.modelVersion(),
                pull.importIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                pull.filesImported(), pull.filesUnchanged(), write(pull.failures()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SyncReport.Pull fail(long id, ProviderConnector connector, YearMonth month, String error) {
        NativeSql.update("update sync_run set finished_at = ?2, status = 'FAILED', error = ?3"
                + " where id = ?1", id, Timestamp.from(Instant.now()), error);
        return SyncReport.Pull.failed(connector, month, id, error);
    }

    /** The latest pull of the month that answered (pulled, empty or not yet available). */
    @Transactional
    public Optional<Run> lastSucceeded(ProviderConnector connector, YearMonth month) {
        return query(" where provider = ?1 and connection_name = ?2 and month = ?3"
                        + " and status in ('PULLED', 'EMPTY') order by id desc limit 1",
                connector.provider(), connector.name(), month.toString())
                .stream()
                .findFirst();
    }

    /** Every finished pull, newest first. */
    @Transactional
    public List<Run> all() {
        return query(" where finished_at is not null order by id desc");
    }

    private List<Run> query(String condition, Object... parameters) {
        return NativeSql.rows("select id, provider, connection_name, month, status, started_at,"
                        + " finished_at, available_about, model_version, import_ids,"
                        + " files_imported, failures, error from sync_run" + condition, parameters)
                .stream()
                .map(this::toRun)
                .toList();
    }

    private Run toRun(Object[] row) {
        List<Long> importIds = row[9] == null || row[9].toString().isBlank() ? List.of()
                : Arrays.stream(row[9].toString().split(",")).map(Long::valueOf).toList();
        return new Run(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                row[3].toString().strip(), (String) row[4], instant(row[5]), instant(row[6]),
                row[7] == null ? null : LocalDate.parse(row[7].toString()), (String) row[8],
                importIds, ((Number) row[10]).intValue(), read((String) row[11]), (String) row[12]);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private String write(List<AccountFailure> failures) {
        try {
            return json.writeValueAsString(failures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record the sync failures", e);
        }
    }

    private List<AccountFailure> read(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(text, new TypeReference<List<AccountFailure>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sync_run.failures is not the JSON this service wrote", e);
        }
    }
}
