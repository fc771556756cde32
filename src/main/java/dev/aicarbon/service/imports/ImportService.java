package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.azure.AzureMonitorGpuEnergyReader;
import dev.aicarbon.providers.azure.GpuEnergyRead;
import dev.aicarbon.providers.codecarbon.CodeCarbonCsvReader;
import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.methodology.AssetCsvReader;
import dev.aicarbon.providers.methodology.ComponentFactorCsvReader;
import dev.aicarbon.providers.methodology.ConsumerUsageCsvReader;
import dev.aicarbon.providers.methodology.DatacenterCsvReader;
import dev.aicarbon.providers.methodology.DatacenterMonthCsvReader;
import dev.aicarbon.providers.methodology.HardwareModelCsvReader;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.estimates.EstimateService;
import dev.aicarbon.service.model.ImportBatch;
import dev.aicarbon.service.model.QuarantinedRow;
import dev.aicarbon.service.projects.ProjectRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Imports FOCUS usage and provider emissions files.
 *
 * <p>An import is one transaction: a file refused as a whole leaves nothing behind. Content
 * already imported byte for byte is recognised by its SHA-256 and not stored again. Rows of
 * a file replace those of earlier files for the same provider, account and month (a
 * restatement), and any published allocation of a month the file touches becomes stale.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final FocusCsvReader focusReader = new FocusCsvReader();
    private final EmissionsCsvReader emissionsReader = new EmissionsCsvReader();

    @Inject
    CarbonConfig config;

    @Inject
    ProjectRegistry projects;

    @Inject
    EstimateService estimates;

    @Inject
    dev.aicarbon.service.metrics.CarbonMetrics metrics;

    @Inject
    TransactionSynchronizationRegistry transactions;

    // The readers are called through lambdas, not method references: a reference to a
    // field's method failed to link (IllegalAccessError) inside this intercepted bean.
    @Transactional
    public ImportSummary importFocus(InputStream body, String source) {
        return importFile(ImportBatch.FOCUS, body, source,
                (in, name, sink) -> focusReader.read(in, name, sink),
                (importId, quarantine) -> new FocusLoader(importId, quarantine, projects.discovery()));
    }

    @Transactional
    public ImportSummary importEmissions(InputStream body, String source) {
        return importFile(ImportBatch.EMISSIONS, body, source,
                (in, name, sink) -> emissionsReader.read(in, name, sink),
                EmissionsLoader::new);
    }

    /**
     * Imports emissions in a provider's own export format: {@code aws} (the CARBON_EMISSIONS
     * Data Export as Parquet or CSV, plain or gzip), {@code azure} (the bundle of Carbon
     * Optimization responses per scope), {@code gcp} (Carbon Footprint rows as CSV or
     * newline-delimited JSON). The rows are stored as canonical emissions cells, with the same
     * restatement rule as the canonical CSV.
     */
    @Transactional
    public ImportSummary importProviderEmissions(String provider, InputStream body, String source) {
        FileReader<dev.aicarbon.providers.emissions.EmissionsRow> reader = switch (provider) {
            case "aws" -> (in, name, sink) -> new dev.aicarbon.providers.aws.AwsCarbonExportReader()
                    .read(in, name, sink);
            case "azure" -> (in, name, sink) -> new dev.aicarbon.providers.azure.AzureCarbonReportReader()
                    .read(in, name, sink);
            case "gcp" -> (in, name, sink) -> dev.aicarbon.providers.gcp.GcpCarbonFootprintReader.allMonths()
                    .read(in, name, sink);
            default -> throw new IllegalArgumentException("no export format known for provider " + provider);
        };
        return importFile(ImportBatch.EMISSIONS, body, source, reader, EmissionsLoader::new);
    }

    /** Kinds of methodology input file, in the order their references require. */
    public static final List<String> METHODOLOGY_KINDS = List.of("component-factors",
            "hardware-models", "datacenters", "assets", "datacenter-months", "usage");

    /**
     * Imports a methodology input file of {@code kind}, one of {@link #METHODOLOGY_KINDS}.
     * Rows naming what is not imported yet (an asset of an unknown model) are quarantined.
     */
    @Transactional
    public ImportSummary importMethodology(String kind, InputStream body, String source) {
        return switch (kind) {
            case "component-factors" -> importFile(kind, body, source,
                    (in, name, sink) -> new ComponentFactorCsvReader().read(in, name, sink),
                    ComponentFactorLoader::new);
            case "hardware-models" -> importFile(kind, body, source,
                    (in, name, sink) -> new HardwareModelCsvReader().read(in, name, sink),
                    HardwareModelLoader::new);
            case "datacenters" -> importFile(kind, body, source,
                    (in, name, sink) -> new DatacenterCsvReader().read(in, name, sink),
                    DatacenterLoader::new);
            case "assets" -> importFile(kind, body, source,
                    (in, name, sink) -> new AssetCsvReader().read(in, name, sink),
                    AssetLoader::new);
            case "datacenter-months" -> importFile(kind, body, source,
                    (in, name, sink) -> new DatacenterMonthCsvReader().read(in, name, sink),
                    DatacenterMonthLoader::new);
            case "usage" -> importFile(kind, body, source,
                    (in, name, sink) -> new ConsumerUsageCsvReader().read(in, name, sink),
                    ConsumerUsageLoader::new);
            default -> throw new IllegalArgumentException("unknown methodology file kind " + kind);
        };
    }

    /**
     * Imports a CodeCarbon {@code emissions.csv}: one measured estimate per run, for the
     * project and so on that {@code job} names. Runs that cannot be estimated (no grid factor
     * for their region, say) are quarantined with the reason.
     */
    @Transactional
    public ImportSummary importCodeCarbon(InputStream body, String source, MeasuredJob job) {
        estimates.checkAttachment(job.project(), job.stage());
        return importFile("codecarbon", body, source,
                (in, name, sink) -> new CodeCarbonCsvReader().read(in, name, sink),
                (importId, quarantine) -> new CodeCarbonLoader(importId, quarantine, estimates, job));
    }

    /**
     * Imports Azure Monitor's GpuEnergyJoules metric for Azure Machine Learning (the JSON of
     * the Metrics API, as a file): one measured estimate per run.
     */
    @Transactional
    public ImportSummary importAzureMonitorGpuEnergy(InputStream body, String source, MeasuredJob job) {
        estimates.checkAttachment(job.project(), job.stage());
        return importFile("azure-monitor-gpu-energy", body, source,
                (in, name, sink) -> GpuRuns.feed(new AzureMonitorGpuEnergyReader().read(in, name), sink),
                (importId, quarantine) -> new GpuEnergyLoader(importId, quarantine, estimates, job));
    }

    /**
     * Stores the runs of a pulled GpuEnergyJoules answer as measured estimates, as a file import
     * of the answer would, replacing runs estimated before.
     */
    @Transactional
    public ImportSummary importPulledGpuEnergy(GpuEnergyRead read, String source, MeasuredJob job) {
        estimates.checkAttachment(job.project(), job.stage());
        String identity = source + " " + Instant.now();
        return importFile("azure-monitor-gpu-energy",
                new java.io.ByteArrayInputStream(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                source, (in, name, sink) -> GpuRuns.feed(read, sink),
                (importId, quarantine) -> new GpuEnergyLoader(importId, quarantine, estimates, job));
    }

    /** How one file format is read: a provider reader's {@code read} method. */
    @FunctionalInterface
    interface FileReader<T> {
        ReadSummary read(InputStream in, String source, RowSink<T> sink);
    }

    @FunctionalInterface
    interface LoaderFactory<T> {
        BatchLoader<T> create(long importId, Quarantine quarantine);
    }

    private <T> ImportSummary importFile(String kind, InputStream body, String source,
            FileReader<T> reader, LoaderFactory<T> loaders) {
        try (SpooledBody spooled = SpooledBody.of(body)) {
            Optional<ImportBatch> earlier = ImportBatch.findByContent(kind, spooled.sha256());
            if (earlier.isPresent()) {
                return duplicateOf(earlier.get());
            }
            ImportBatch batch = newBatch(kind, source, spooled.sha256());
            Quarantine quarantine = new Quarantine(batch.id, config.imports().errorsListed());
            BatchLoader<T> loader = loaders.create(batch.id, quarantine);
            try {
                return finish(batch, read(spooled, source, reader, loader), loader, quarantine);
            } catch (RuntimeException e) {
                loader.abandon();
                throw e;
            }
        }
    }

    private static <T> ReadSummary read(SpooledBody spooled, String source, FileReader<T> reader,
            BatchLoader<T> loader) {
        try (InputStream in = spooled.open()) {
            return reader.read(in, source, loader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the buffered import body", e);
        }
    }

    /** The summary of an earlier import, with its first quarantined rows. */
    @Transactional
    public Optional<ImportSummary> find(long importId) {
        return ImportBatch.<ImportBatch>findByIdOptional(importId)
                .map(batch -> summaryOf(batch, false, List.of(), List.of()));
    }

    private ImportBatch newBatch(String kind, String source, String sha256) {
        ImportBatch batch = new ImportBatch();
        batch.kind = kind;
        batch.source = source;
        batch.contentSha256 = sha256;
        batch.receivedAt = Instant.now();
        batch.persistAndFlush();
        return batch;
    }

    /** Records the counts, replaces restated data and marks changed runs stale. */
    private ImportSummary finish(ImportBatch batch, ReadSummary read, BatchLoader<?> loader,
            Quarantine quarantine) {
        ImportEffects effects = loader.applyEffects();
        int accepted = loader.accepted();
        int quarantined = loader.quarantined();
        ImportBatch.update("rowsRead = ?1, rowsAccepted = ?2, rowsQuarantined = ?3 where id = ?4",
                read.rowsRead(), accepted, quarantined, batch.id);
        ImportCounts counts = new ImportCounts(batch.id, batch.kind, batch.source, read.rowsRead(),
                accepted, quarantined, effects.restated().size());
        afterCommit(() -> reportCommitted(counts));
        return new ImportSummary(batch.id, batch.kind, batch.source, batch.contentSha256,
                batch.receivedAt, false, read.rowsRead(), accepted, quarantined,
                quarantine.listed(), quarantined > quarantine.listed().size(),
                effects.restated(), effects.staleMonths());
    }

    /**
     * Runs {@code report} once the transaction committed, and never if it rolls back: a log
     * line or a metric saying an import is stored must not precede, or outlive, its commit.
     * When the import joined a caller's transaction, that is the caller's commit.
     */
    private void afterCommit(Runnable report) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    report.run();
                }
            }
        });
    }

    private record ImportCounts(long importId, String kind, String source, int read, int accepted,
            int quarantined, int restated) {
    }

    private void reportCommitted(ImportCounts counts) {
        LOG.infof("Import %d (%s, %s): %d rows read, %d accepted, %d quarantined, %d keys restated",
                counts.importId(), counts.kind(), counts.source(), counts.read(), counts.accepted(),
                counts.quarantined(), counts.restated());
        metrics.recordImport(counts.kind(), counts.accepted(), counts.quarantined());
        if (counts.quarantined() > 0) {
            LOG.warnf("Import %d quarantined %d rows; see /api/v1/imports/%d/quarantine",
                    counts.importId(), counts.quarantined(), counts.importId());
        }
    }

    private ImportSummary duplicateOf(ImportBatch earlier) {
        LOG.debugf("Content already imported as import %d; nothing stored", earlier.id);
        return summaryOf(earlier, true, List.of(), List.of());
    }

    private ImportSummary summaryOf(ImportBatch batch, boolean duplicate,
            List<RestatedKey> restated, List<String> staleMonths) {
        int listedAtMost = config.imports().errorsListed();
        List<ImportError> errors = QuarantinedRow.listForImport(batch.id, listedAtMost).stream()
                .map(row -> new ImportError(row.rowNumber, row.columnName, row.reason))
                .toList();
        return new ImportSummary(batch.id, batch.kind, batch.source, batch.contentSha256,
                batch.receivedAt, duplicate, batch.rowsRead, batch.rowsAccepted,
                batch.rowsQuarantined, errors, batch.rowsQuarantined > errors.size(),
                restated, staleMonths);
    }
}
