package dev.aicarbon.service.estimates;

import static dev.aicarbon.service.api.Decimals.plain;

import dev.aicarbon.allocation.Stage;
import dev.aicarbon.allocation.estimate.EstimateCalculator;
import dev.aicarbon.allocation.estimate.EstimateInputs;
import dev.aicarbon.allocation.estimate.EstimateMethod;
import dev.aicarbon.allocation.estimate.EstimateResult;
import dev.aicarbon.allocation.estimate.Factor;
import dev.aicarbon.service.api.BadParameterException;
import dev.aicarbon.service.api.Months;
import dev.aicarbon.service.model.EstimateRecord;
import dev.aicarbon.service.model.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Estimates jobs a priori, a posteriori or from measured energy, resolving every factor the
 * request leaves out from the catalogue and recording where each came from.
 */
@ApplicationScoped
public class EstimateService {

    static final String REQUEST = "request";

    private final EstimateCalculator calculator = new EstimateCalculator();

    @Inject
    EstimateCatalogue catalogue;

    @Transactional
    public EstimateView create(EstimateRequest request) {
        EstimateRecord record = estimate(request, null);
        record.persist();
        return view(record);
    }

    @Transactional
    public List<EstimateView> list(String project) {
        return EstimateRecord.<EstimateRecord>list("project = ?1 order by month desc, id desc", project)
                .stream()
                .map(EstimateService::view)
                .toList();
    }

    /**
     * Checks what an estimate is attached to before any file is read: the project must be
     * registered and the stage, when given, one of the lifecycle stages.
     *
     * @throws BadParameterException naming project or stage
     */
    public void checkAttachment(String project, String stage) {
        String name = required("project", project);
        if (Project.findByName(name).isEmpty()) {
            throw new BadParameterException("project", "unknown project '" + name + "'; register it first");
        }
        stage(stage);
    }

    /**
     * Computes an estimate without storing it; the caller persists it in its transaction.
     *
     * @throws BadParameterException naming the request field at fault
     */
    public EstimateRecord estimate(EstimateRequest request, Long importId) {
        checkAttachment(request.project(), request.stage());
        String project = request.project().strip();
        EstimateMethod method = EstimateMethod.fromLabel(required("method", request.method()))
                .orElseThrow(() -> new BadParameterException("method",
                        "method must be a-priori, a-posteriori or measured, got '" + request.method() + "'"));
        String stage = stage(request.stage());
        YearMonth month = request.month() == null
                ? YearMonth.now(ZoneOffset.UTC)
                : Months.required("month", request.month());

        EstimateResult result = calculate(method, request);
        return record(request, project, stage, method, month, result, importId);
    }

    private EstimateResult calculate(EstimateMethod method, EstimateRequest request) {
        Optional<EstimateCatalogue.Hardware> hardware = hardware(method, request);
        EstimateInputs inputs = EstimateInputs.builder(method)
                .count(request.count())
                .hours(request.hours())
                .powerWatts(power(request, hardware))
                .idleWatts(request.powerWatts() == null ? idle(hardware) : null)
                .utilisation(request.utilisation())
                .pue(pue(request))
                .gridLocationKgCo2ePerKwh(gridLocation(request))
                .gridMarketKgCo2ePerKwh(factor("gridMarketKgCo2ePerKwh", request.gridMarketKgCo2ePerKwh(),
                        "kgCO2e/kWh"))
                .includeEmbodied(request.includeEmbodied() == null || request.includeEmbodied())
                .embodiedKgCo2ePerUnit(embodied(request, hardware))
                .lifetimeHours(request.lifetimeHours())
                .reservedShare(request.reservedShare())
                .flops(request.flops())
                .parameters(request.parameters())
                .tokens(request.tokens())
                .peakFlopsPerSecond(peakFlops(request, hardware))
                .measuredEnergyKwh(request.measuredEnergyKwh())
                .wueLitresPerKwh(wue(request))
                .build();
        return calculator.estimate(inputs);
    }

    private Optional<EstimateCatalogue.Hardware> hardware(EstimateMethod method, EstimateRequest request) {
        if (request.hardware() == null) {
            return Optional.empty();
        }
        Optional<EstimateCatalogue.Hardware> hardware = catalogue.hardware(request.hardware());
        if (hardware.isEmpty() && request.powerWatts() == null && method != EstimateMethod.MEASURED) {
            throw new BadParameterException("hardware", "unknown hardware '" + request.hardware()
                    + "' and no powerWatts; see GET /api/v1/catalogue/hardware");
        }
        return hardware;
    }

    private static Factor power(EstimateRequest request, Optional<EstimateCatalogue.Hardware> hardware) {
        if (request.powerWatts() != null) {
            return new Factor("powerWatts", request.powerWatts(), "W", REQUEST);
        }
        return hardware.map(hw -> new Factor("powerWatts", hw.tdpWatts(), "W",
                "catalogue " + hw.id() + " TDP: " + hw.source())).orElse(null);
    }

    private static Factor idle(Optional<EstimateCatalogue.Hardware> hardware) {
        return hardware.filter(hw -> hw.idleWatts() != null)
                .map(hw -> new Factor("idleWatts", hw.idleWatts(), "W", "catalogue " + hw.id() + ": " + hw.source()))
                .orElse(null);
    }

    private static Factor embodied(EstimateRequest request, Optional<EstimateCatalogue.Hardware> hardware) {
        if (request.embodiedKgCo2e() != null) {
            return new Factor("embodiedKgCo2e", request.embodiedKgCo2e(), "kgCO2e per unit", REQUEST);
        }
        return hardware.filter(hw -> hw.embodiedKgCo2e() != null)
                .map(hw -> new Factor("embodiedKgCo2e", hw.embodiedKgCo2e(), "kgCO2e per unit",
                        "catalogue " + hw.id() + ": " + hw.source()))
                .orElse(null);
    }

    private static Factor peakFlops(EstimateRequest request, Optional<EstimateCatalogue.Hardware> hardware) {
        if (request.peakFlopsPerSecond() != null) {
            return new Factor("peakFlopsPerSecond", request.peakFlopsPerSecond(), "FLOP/s", REQUEST);
        }
        return hardware.filter(hw -> hw.peakFlopsPerSecond() != null)
                .map(hw -> new Factor("peakFlopsPerSecond", hw.peakFlopsPerSecond(), "FLOP/s",
                        "catalogue " + hw.id() + ": " + hw.source()))
                .orElse(null);
    }

    private Factor pue(EstimateRequest request) {
        if (request.pue() != null) {
            return new Factor("pue", request.pue(), "ratio", REQUEST);
        }
        if (request.provider() == null) {
            throw new BadParameterException("pue", "give pue, or a provider whose default PUE the catalogue has");
        }
        return catalogue.pue(request.provider())
                .map(pue -> new Factor("pue", pue.value(), "ratio",
                        "provider default " + pue.year() + ": " + pue.source()))
                .orElseThrow(() -> new BadParameterException("pue",
                        "no default PUE for provider '" + request.provider() + "'; give pue"));
    }

    /** Null when neither the request nor the catalogue has one: the calculator names region. */
    private Factor gridLocation(EstimateRequest request) {
        if (request.gridKgCo2ePerKwh() != null) {
            return new Factor("gridLocationKgCo2ePerKwh", request.gridKgCo2ePerKwh(), "kgCO2e/kWh", REQUEST);
        }
        if (request.provider() == null || request.region() == null) {
            return null;
        }
        return catalogue.gridFactor(request.provider(), request.region())
                .map(grid -> new Factor("gridLocationKgCo2ePerKwh", grid.value(), "kgCO2e/kWh",
                        request.provider() + " " + request.region() + " " + grid.year() + ": " + grid.source()))
                .orElse(null);
    }

    private Factor wue(EstimateRequest request) {
        if (request.provider() == null) {
            return null;
        }
        return catalogue.wue(request.provider())
                .map(wue -> new Factor("wueLitresPerKwh", wue.value(), "L/kWh",
                        "provider " + wue.year() + ": " + wue.source()))
                .orElse(null);
    }

    private static Factor factor(String name, BigDecimal value, String unit) {
        return value == null ? null : new Factor(name, value, unit, REQUEST);
    }

    private static String stage(String stage) {
        if (stage == null) {
            return null;
        }
        return Stage.fromTag(stage).map(Stage::label).orElseThrow(() -> new BadParameterException("stage",
                "stage must be training, inference, data or development, got '" + stage + "'"));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(field, field + " is required");
        }
        return value.strip();
    }

    private static EstimateRecord record(EstimateRequest request, String project, String stage,
            EstimateMethod method, YearMonth month, EstimateResult result, Long importId) {
        EstimateRecord record = new EstimateRecord();
        record.project = project;
        record.workload = request.workload();
        record.stage = stage;
        record.method = method.label();
        record.month = month.toString();
        record.provider = request.provider();
        record.region = request.region();
        record.hours = result.hours();
        record.energyKwh = result.energyKwh();
        record.scope2LocationKgCo2e = result.scope2LocationKgCo2e();
        record.scope2MarketKgCo2e = result.scope2MarketKgCo2e();
        record.scope3KgCo2e = result.scope3KgCo2e();
        record.waterLitres = result.waterLitres();
        record.adpKgSbEq = result.adpKgSbEq();
        record.primaryEnergyMj = result.primaryEnergyMj();
        record.inputs = inputsOf(request);
        record.factors = result.factors().stream().map(EstimateService::factorOf).toList();
        record.flags = String.join(",", result.flags().stream().sorted().toList());
        record.importId = importId;
        record.createdAt = Instant.now();
        return record;
    }

    private static Map<String, Object> inputsOf(EstimateRequest request) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (var component : EstimateRequest.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(request);
                if (value != null) {
                    inputs.put(component.getName(), value instanceof BigDecimal d ? d.toPlainString() : value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return inputs;
    }

    private static Map<String, Object> factorOf(Factor factor) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", factor.name());
        map.put("value", factor.value());
        map.put("unit", factor.unit());
        map.put("source", factor.source());
        return map;
    }

    static EstimateView view(EstimateRecord record) {
        BigDecimal scope3 = record.scope3KgCo2e;
        return new EstimateView(record.id, record.project, record.workload, record.stage, record.method,
                record.month, record.provider, record.region, plain(record.hours), plain(record.energyKwh),
                plain(record.scope2LocationKgCo2e), plain(record.scope2MarketKgCo2e), plain(scope3),
                plain(record.scope2LocationKgCo2e.add(scope3)), plain(record.scope2MarketKgCo2e.add(scope3)),
                plain(record.waterLitres), plain(record.adpKgSbEq), plain(record.primaryEnergyMj),
                record.factors, record.flags.isEmpty() ? List.of() : List.of(record.flags.split(",")),
                record.createdAt);
    }
}
