package dev.aicarbon.service.estimates;

import dev.aicarbon.service.config.CarbonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference data estimates use: hardware (power, peak FLOP/s, embodied emissions), grid
 * factors per cloud region, PUE and WUE per provider, each figure with its source
 * (docs/estimates-sources.md).
 *
 * <p>Files are read from {@code carbon.catalogue.dir} when it is set and holds them, else
 * from the ones bundled with the application; a file changed on disk is read again on next
 * use, so an operator updates a figure without a rebuild. A malformed file fails loudly,
 * naming the file, row and column.
 */
@ApplicationScoped
public class EstimateCatalogue {

    /** Hardware as the catalogue lists it; absent figures are null, never zero. */
    public record Hardware(String id, String kind, BigDecimal tdpWatts, BigDecimal idleWatts,
            BigDecimal peakFlopsPerSecond, BigDecimal embodiedKgCo2e, String source) {
    }

    /** A figure with the year it describes and its source. */
    public record SourcedValue(BigDecimal value, String year, String source) {
    }

    @Inject
    CarbonConfig config;

    private final Map<String, Loaded<?>> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public List<Hardware> hardware() {
        return List.copyOf(hardwareById().values());
    }

    public Optional<Hardware> hardware(String id) {
        return Optional.ofNullable(hardwareById().get(id));
    }

    /** Location-based grid factor of a provider's region, kgCO2e per kWh. */
    public Optional<SourcedValue> gridFactor(String provider, String region) {
        return Optional.ofNullable(gridFactors().get(key(provider, region)));
    }

    public Map<String, SourcedValue> gridFactors() {
        return load("grid-factors.csv", records -> {
            Map<String, SourcedValue> factors = new TreeMap<>();
            for (CSVRecord row : records) {
                factors.put(key(text(row, "provider"), text(row, "region")), new SourcedValue(
                        decimal(row, "location_kgco2e_per_kwh", "grid-factors.csv"),
                        text(row, "year"), text(row, "source")));
            }
            return factors;
        });
    }

    public Optional<SourcedValue> pue(String provider) {
        return Optional.ofNullable(perProvider("pue.csv", "pue").get(lower(provider)));
    }

    public Optional<SourcedValue> wue(String provider) {
        return Optional.ofNullable(perProvider("wue.csv", "wue_litres_per_kwh").get(lower(provider)));
    }

    public Map<String, SourcedValue> pues() {
        return perProvider("pue.csv", "pue");
    }

    public Map<String, SourcedValue> wues() {
        return perProvider("wue.csv", "wue_litres_per_kwh");
    }

    private Map<String, Hardware> hardwareById() {
        return load("hardware.csv", records -> {
            Map<String, Hardware> hardware = new TreeMap<>();
            for (CSVRecord row : records) {
                hardware.put(text(row, "hardware"), new Hardware(text(row, "hardware"), text(row, "kind"),
                        decimal(row, "tdp_watts", "hardware.csv"),
                        optionalDecimal(row, "idle_watts", "hardware.csv"),
                        optionalDecimal(row, "peak_flops_per_second", "hardware.csv"),
                        optionalDecimal(row, "embodied_kgco2e", "hardware.csv"), text(row, "source")));
            }
            return hardware;
        });
    }

    private Map<String, SourcedValue> perProvider(String file, String column) {
        return load(file, records -> {
            Map<String, SourcedValue> values = new TreeMap<>();
            for (CSVRecord row : records) {
                values.put(lower(text(row, "provider")),
                        new SourcedValue(decimal(row, column, file), text(row, "year"), text(row, "source")));
            }
            return values;
        });
    }

    /** Parses {@code file}, reusing the last parse while the file on disk is unchanged. */
    @SuppressWarnings("unchecked")
    private <T> T load(String file, java.util.function.Function<List<CSVRecord>, T> parse) {
        Optional<Path> onDisk = config.catalogue().dir()
                .map(dir -> Path.of(dir, file))
                .filter(Files::isRegularFile);
        long stamp = onDisk.map(EstimateCatalogue::modified).orElse(-1L);
        Loaded<?> loaded = cache.get(file);
        if (loaded != null && loaded.stamp() == stamp) {
            return (T) loaded.value();
        }
        T value = parse.apply(records(file, onDisk));
        cache.put(file, new Loaded<>(stamp, value));
        return value;
    }

    private record Loaded<T>(long stamp, T value) {
    }

    private static List<CSVRecord> records(String file, Optional<Path> onDisk) {
        try (InputStream in = onDisk.isPresent() ? Files.newInputStream(onDisk.get())
                : bundled(file); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            return new ArrayList<>(format.parse(reader).getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue file " + file, e);
        }
    }

    private static InputStream bundled(String file) throws IOException {
        InputStream in = EstimateCatalogue.class.getClassLoader().getResourceAsStream("estimates/" + file);
        if (in == null) {
            throw new IOException("bundled catalogue file estimates/" + file + " is missing");
        }
        return in;
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String provider, String region) {
        return lower(provider) + "/" + region;
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String text(CSVRecord row, String column) {
        String value = row.isMapped(column) ? row.get(column) : null;
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static BigDecimal decimal(CSVRecord row, String column, String file) {
        BigDecimal value = optionalDecimal(row, column, file);
        if (value == null) {
            throw new IllegalStateException(file + " row " + (row.getRecordNumber() + 1) + ": "
                    + column + " is empty");
        }
        return value;
    }

    private static BigDecimal optionalDecimal(CSVRecord row, String column, String file) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " row " + (row.getRecordNumber() + 1) + ": "
                    + column + " is not a number: '" + value + "'", e);
        }
    }
}
