package dev.aicarbon.service.estimates;

import static dev.aicarbon.service.api.Decimals.plain;

import dev.aicarbon.service.api.BadParameterException;
import dev.aicarbon.service.api.Months;
import dev.aicarbon.service.db.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Offsets (kgCO2e) and renewable energy certificates (MWh) of a project, recorded and
 * reported beside its footprint. They are never subtracted from it: no total in this service
 * includes them, and a request to net them is refused.
 */
@ApplicationScoped
public class OffsetService {

    /** Refusal given wherever a client asks for net figures. */
    public static final String NEVER_NETTED = "offsets and certificates are reported beside the "
            + "footprint and never subtracted from it";

    /** The body of an offset or certificate record. */
    public record OffsetRequest(
            @Schema(description = "offset (kgCO2e) or certificate (MWh)") String kind,
            @Schema(description = "First month covered, YYYY-MM") String from,
            @Schema(description = "Last month covered, YYYY-MM") String to,
            BigDecimal quantityKgCo2e,
            BigDecimal quantityMwh,
            String registry,
            String reference,
            @Schema(description = "Refused when true: offsets are never netted") Boolean netAgainstFootprint) {
    }

    /** A recorded offset or certificate. */
    public record OffsetView(long id, String project, String kind, String from, String to,
            BigDecimal quantityKgCo2e, BigDecimal quantityMwh, String registry, String reference) {
    }

    /** What was recorded for a range of months, beside (never netted from) the footprint. */
    @Schema(description = "Offsets (kgCO2e) and certificates (MWh) whose period overlaps the range; "
            + "reported beside the footprint, never subtracted from it")
    public record OffsetsBeside(BigDecimal offsetsKgCo2e, BigDecimal certificatesMwh, int records) {
    }

    @Transactional
    public OffsetView record(String project, OffsetRequest request) {
        if (request == null) {
            throw new BadParameterException("kind", "a JSON body is required");
        }
        if (Boolean.TRUE.equals(request.netAgainstFootprint())) {
            throw new BadParameterException("netAgainstFootprint", NEVER_NETTED);
        }
        String kind = request.kind();
        if (!"offset".equals(kind) && !"certificate".equals(kind)) {
            throw new BadParameterException("kind", "kind must be offset or certificate");
        }
        YearMonth from = Months.required("from", request.from());
        YearMonth to = Months.required("to", request.to());
        if (to.isBefore(from)) {
            throw new BadParameterException("to", "to is before from");
        }
        requirePositive(kind.equals("offset") ? "quantityKgCo2e" : "quantityMwh",
                kind.equals("offset") ? request.quantityKgCo2e() : request.quantityMwh());
        long id = NativeSql.nextval("offset_record_seq");
        NativeSql.update("""
                insert into offset_record (id, project, kind, from_month, to_month, quantity_kgco2e,
                    quantity_mwh, registry, reference, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""",
                id, project, kind, from.toString(), to.toString(),
                kind.equals("offset") ? request.quantityKgCo2e() : null,
                kind.equals("certificate") ? request.quantityMwh() : null,
                request.registry(), request.reference(), Timestamp.from(Instant.now()));
        return list(project).stream().filter(offset -> offset.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public List<OffsetView> list(String project) {
        List<Object[]> rows = NativeSql.rows("select id, project, kind,"
                + " from_month, to_month, quantity_kgco2e, quantity_mwh, registry, reference"
                + " from offset_record where project = ?1 order by from_month, id", project);
        return rows.stream()
                .map(row -> new OffsetView(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], plain((BigDecimal) row[5]),
                        plain((BigDecimal) row[6]), (String) row[7], (String) row[8]))
                .toList();
    }

    @Transactional
    public OffsetsBeside beside(String project, YearMonth from, YearMonth to) {
        Object[] row = (Object[]) NativeSql.single("select"
                + " coalesce(sum(quantity_kgco2e), 0), coalesce(sum(quantity_mwh), 0), count(*)"
                + " from offset_record where project = ?1 and from_month <= ?3 and to_month >= ?2",
                project, from.toString(), to.toString());
        return new OffsetsBeside(plain((BigDecimal) row[0]), plain((BigDecimal) row[1]),
                ((Number) row[2]).intValue());
    }

    private static void requirePositive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new BadParameterException(field, field + " must be above zero");
        }
    }
}
