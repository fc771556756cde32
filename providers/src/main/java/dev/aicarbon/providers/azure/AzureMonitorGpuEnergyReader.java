package dev.aicarbon.providers.azure;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads the Azure Monitor metrics answer for {@code GpuEnergyJoules} of an Azure Machine
 * Learning workspace into {@link GpuEnergySample}s: either a file the user saved, or the
 * body of {@code GET {workspace}/providers/Microsoft.Insights/metrics} (api-version
 * 2023-10-01) as {@link AzureMonitorMetricsClient} fetches it.
 *
 * <p>The document is {@code {"value": [metric...], "interval": ...}}; each metric has a
 * {@code name.value}, and {@code timeseries}, each with {@code metadatavalues} (the
 * dimensions the query split by) and {@code data} points of {@code timeStamp} and
 * {@code total}. Metrics other than {@code GpuEnergyJoules} are ignored; other fields too.
 * Dimension names are matched without regard to case: Azure tends to answer them in lower
 * case whatever the case of the query. Azure labels the metric's unit {@code Count}; the
 * values are joules all the same.
 *
 * <p>A data point without a {@code total}, or with a null one, is counted and skipped, never
 * read as zero (see {@link GpuEnergyRead}). The whole document is refused with an
 * {@link AzureMonitorFormatException} naming the source when it is not JSON, has no
 * {@code value} array, has metrics but none named {@code GpuEnergyJoules}, reports an error
 * code for it, or has a data point without a readable {@code timeStamp} or with a negative or
 * non-numeric {@code total}.
 *
 * <p>The document is read whole. Stateless and thread-safe.
 */
public final class AzureMonitorGpuEnergyReader {

    /** The metric's name in the REST API. */
    public static final String METRIC = "GpuEnergyJoules";

    /** The key {@link #kwhByRun} files samples under when their series had no run id. */
    public static final String NO_RUN_ID = "(no run id)";

    /** Decimal places of {@link #kwhByRun}'s results. */
    public static final int KWH_SCALE = 12;

    private static final BigDecimal JOULES_PER_KWH = new BigDecimal(3_600_000);
    private static final String SUCCESS = "Success";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * Reads one document.
     *
     * @param in     the document's bytes, UTF-8 JSON; not closed here
     * @param source the file's name or the request, for messages
     * @throws AzureMonitorFormatException when the document cannot be used, as listed above
     */
    public GpuEnergyRead read(InputStream in, String source) {
        return page(in, source).read();
    }

    /**
     * Energy in kWh by run id: the joules of each run's samples added up exactly, then divided
     * by 3,600,000 once per run and rounded half-even to {@value #KWH_SCALE} decimal places.
     * Samples without a run id are filed under {@link #NO_RUN_ID}.
     *
     * <p>Conserved: every sample's joules land in exactly one run, so the results add up to
     * the samples' total joules in kWh to within half a unit of the last place per run.
     *
     * @return the runs in order of their ids; empty for no samples
     */
    public static Map<String, BigDecimal> kwhByRun(List<GpuEnergySample> samples) {
        Map<String, BigDecimal> joulesByRun = new TreeMap<>();
        for (GpuEnergySample sample : samples) {
            String run = sample.runId() == null ? NO_RUN_ID : sample.runId();
            joulesByRun.merge(run, sample.joules(), BigDecimal::add);
        }

        Map<String, BigDecimal> kwhByRun = new TreeMap<>();
        joulesByRun.forEach((run, joules) -> kwhByRun.put(
                run, joules.divide(JOULES_PER_KWH, KWH_SCALE, RoundingMode.HALF_EVEN)));
        return kwhByRun;
    }

    /**
     * Reads one document of a possibly paged answer.
     *
     * @return the samples and the address of the next page, null when there is none
     */
    Page page(InputStream in, String source) {
        Answer answer = parse(in, source);
        if (answer == null || answer.value() == null) {
            throw new AzureMonitorFormatException(source, "not an Azure Monitor metrics answer:"
                    + " it has no \"value\" array of metrics");
        }

        GpuEnergyRead read = GpuEnergyRead.empty();
        for (Metric metric : energyMetrics(answer.value(), source)) {
            read = read.plus(samples(metric, source));
        }
        return new Page(read, answer.nextLink());
    }

    private static Answer parse(InputStream in, String source) {
        try {
            return JSON.readValue(in, Answer.class);
        } catch (JacksonException e) {
            throw new AzureMonitorFormatException(source, "not a well-formed metrics answer ("
                    + e.getOriginalMessage() + " at " + where(e) + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(JacksonException e) {
        if (e.getLocation() == null) {
            return "an unknown place";
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** The document's GpuEnergyJoules metrics, having refused a document without one. */
    private static List<Metric> energyMetrics(List<Metric> metrics, String source) {
        List<Metric> energy = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Metric metric : metrics) {
            String name = metric.name() == null ? null : metric.name().value();
            if (METRIC.equalsIgnoreCase(name)) {
                refuseError(metric, source);
                energy.add(metric);
            } else {
                others.add(String.valueOf(name));
            }
        }

        if (energy.isEmpty() && !others.isEmpty()) {
            throw new AzureMonitorFormatException(source, "no " + METRIC + " metric; the"
                    + " answer has " + String.join(", ", others));
        }
        return energy;
    }

    private static void refuseError(Metric metric, String source) {
        String code = metric.errorCode();
        if (code != null && !code.isBlank() && !SUCCESS.equalsIgnoreCase(code)) {
            throw new AzureMonitorFormatException(source, "Azure Monitor reported an error for "
                    + METRIC + ": " + code + " " + Objects.toString(metric.errorMessage(), ""));
        }
    }

    private static GpuEnergyRead samples(Metric metric, String source) {
        List<TimeSeries> series = orEmpty(metric.timeseries());
        List<GpuEnergySample> samples = new ArrayList<>();
        int withoutTotal = 0;
        for (TimeSeries oneSeries : series) {
            Dimensions dimensions = Dimensions.of(oneSeries);
            for (DataPoint point : orEmpty(oneSeries.data())) {
                if (point.total() == null) {
                    withoutTotal++;
                } else {
                    samples.add(sample(dimensions, point, source));
                }
            }
        }
        return new GpuEnergyRead(samples, series.size(), withoutTotal);
    }

    private static GpuEnergySample sample(Dimensions dimensions, DataPoint point, String source) {
        Instant timestamp = timestamp(dimensions, point, source);
        if (point.total().signum() < 0) {
            throw new AzureMonitorFormatException(source, "total " + point.total().toPlainString()
                    + " at " + timestamp + " of " + dimensions + " is negative; energy cannot be");
        }
        return new GpuEnergySample(dimensions.runId(), dimensions.nodeId(),
                dimensions.deviceId(), timestamp, point.total());
    }

    private static Instant timestamp(Dimensions dimensions, DataPoint point, String source) {
        if (point.timeStamp() == null) {
            throw new AzureMonitorFormatException(source, "a data point of " + dimensions
                    + " has a total but no timeStamp");
        }
        try {
            return OffsetDateTime.parse(point.timeStamp()).toInstant();
        } catch (DateTimeParseException e) {
            throw new AzureMonitorFormatException(source, "timeStamp \"" + point.timeStamp()
                    + "\" of " + dimensions + " is not an ISO 8601 date and time with offset");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** One document of an answer and the address of the next, null on the last page. */
    record Page(GpuEnergyRead read, String nextLink) {
    }

    /** The dimensions of one time series, each null when the answer was not split by it. */
    private record Dimensions(String runId, String nodeId, String deviceId) {

        static Dimensions of(TimeSeries series) {
            Map<String, String> values = new HashMap<>();
            for (MetadataValue value : orEmpty(series.metadatavalues())) {
                if (value.name() != null && value.name().value() != null
                        && value.value() != null && !value.value().isBlank()) {
                    values.put(value.name().value().toLowerCase(Locale.ROOT), value.value());
                }
            }
            String node = values.getOrDefault("instanceid", values.get("nodeid"));
            return new Dimensions(values.get("runid"), node, values.get("deviceid"));
        }

        @Override
        public String toString() {
            return "the series of run " + runId + ", node " + nodeId + ", device " + deviceId;
        }
    }

    private record Answer(
            List<Metric> value,
            @JsonAlias("@odata.nextLink") String nextLink) {
    }

    private record Metric(
            Name name,
            List<TimeSeries> timeseries,
            String errorCode,
            String errorMessage) {
    }

    private record Name(String value) {
    }

    private record TimeSeries(List<MetadataValue> metadatavalues, List<DataPoint> data) {
    }

    private record MetadataValue(Name name, String value) {
    }

    private record DataPoint(String timeStamp, BigDecimal total) {
    }
}
