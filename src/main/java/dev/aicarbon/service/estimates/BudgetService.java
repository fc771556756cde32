package dev.aicarbon.service.estimates;

import static dev.aicarbon.service.api.Decimals.plain;

import dev.aicarbon.allocation.Stage;
import dev.aicarbon.allocation.estimate.BudgetStatus;
import dev.aicarbon.service.api.BadParameterException;
import dev.aicarbon.service.api.Months;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.query.EmissionsQuery;
import dev.aicarbon.service.query.EmissionsReport;
import dev.aicarbon.service.query.EmissionsRowView;
import dev.aicarbon.service.query.GroupKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Carbon budgets of projects (or one stage of a project) over a range of months: a total in
 * kgCO2e, or a ceiling in kgCO2e per thousand functional units. Used emissions are the
 * location-based totals of the provider-reported basis (allocated, or estimated where not
 * published yet), else the modelled basis. A status change is sent to the budget's webhook.
 */
@ApplicationScoped
public class BudgetService {

    private static final Logger LOG = Logger.getLogger(BudgetService.class);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    @Inject
    EmissionsQuery emissions;

    @Inject
    CarbonConfig config;

    @Inject
    WebhookSender webhooks;

    /** The body of a budget registration. */
    public record BudgetRequest(
            @Schema(description = "training, inference, data or development; all stages when absent") String stage,
            @Schema(description = "total (kgCO2e over the range) or per-thousand-units") String kind,
            @Schema(description = "kgCO2e, or kgCO2e per thousand functional units") BigDecimal limitKgCo2e,
            @Schema(description = "First month, YYYY-MM") String from,
            @Schema(description = "Last month, YYYY-MM, inclusive") String to,
            @Schema(description = "Share of the limit at which the status turns warning; default 0.8")
            BigDecimal warningShare,
            @Schema(description = "URL told by HTTP POST when the status changes") String webhookUrl) {
    }

    /** A budget with its status now. */
    @Schema(description = "usedKgCo2e is location-based; for per-thousand-units budgets it is kgCO2e per "
            + "thousand units over the range")
    public record BudgetView(long id, String project, String stage, String kind, BigDecimal limitKgCo2e,
            String from, String to, BigDecimal warningShare, String webhookUrl, BigDecimal usedKgCo2e,
            String basis, String status) {
    }

    @Transactional
    public BudgetView create(String project, BudgetRequest request) {
        Validated budget = validate(request);
        long id = NativeSql.nextval("budget_seq");
        NativeSql.update("""
                insert into budget (id, project, stage, kind, limit_kgco2e, from_month, to_month,
                    warning_share, webhook_url, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""",
                id, project, budget.stage(), budget.kind(), request.limitKgCo2e(), budget.from().toString(),
                budget.to().toString(), budget.warningShare(), request.webhookUrl(),
                Timestamp.from(Instant.now()));
        BudgetView created = query("where id = ?1", id).get(0);
        // The creator reads the status in the answer; the webhook hears only of changes.
        NativeSql.update("update budget set last_status = ?1 where id = ?2", created.status(), id);
        return created;
    }

    @Transactional
    public List<BudgetView> list(String project) {
        return project == null ? query("order by id") : query("where project = ?1 order by id", project);
    }

    /**
     * Re-evaluates every budget and sends a notification for each whose status changed since
     * it was last told. Called after anything that changes emissions.
     */
    @Transactional
    public void evaluateAll() {
        for (BudgetView budget : query("order by id")) {
            String last = (String) NativeSql.single("select last_status from budget where id = ?1", budget.id());
            if (budget.status().equals(last)) {
                continue;
            }
            NativeSql.update("update budget set last_status = ?1 where id = ?2", budget.status(), budget.id());
            LOG.infof("Budget %d of %s: %s -> %s", budget.id(), budget.project(), last, budget.status());
            if (budget.webhookUrl() != null) {
                webhooks.send(URI.create(budget.webhookUrl()), Map.of(
                        "event", "budget-status-changed",
                        "budgetId", budget.id(),
                        "project", budget.project(),
                        "previousStatus", last == null ? "none" : last,
                        "status", budget.status(),
                        "usedKgCo2e", budget.usedKgCo2e(),
                        "limitKgCo2e", budget.limitKgCo2e()));
            }
        }
    }

    /**
     * {@link #evaluateAll()} after a change of emissions has been committed; a failure here
     * must not undo that change, so it is logged, and the next change evaluates again.
     */
    public void evaluateAfterChange() {
        try {
            evaluateAll();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Budgets could not be evaluated; they will be at the next change");
        }
    }

    private List<BudgetView> query(String clause, Object... parameters) {
        List<Object[]> rows = NativeSql.rows("select id, project, stage, kind, limit_kgco2e,"
                + " from_month, to_month, warning_share, webhook_url from budget " + clause, parameters);
        List<BudgetView> budgets = new ArrayList<>();
        for (Object[] row : rows) {
            budgets.add(view(row));
        }
        return budgets;
    }

    private BudgetView view(Object[] row) {
        String project = (String) row[1];
        String stage = (String) row[2];
        String kind = (String) row[3];
        BigDecimal limit = (BigDecimal) row[4];
        YearMonth from = YearMonth.parse((String) row[5]);
        YearMonth to = YearMonth.parse((String) row[6]);
        BigDecimal warningShare = (BigDecimal) row[7];
        Used used = used(project, stage, from, to);
        BigDecimal measure = used.kgCo2e();
        if (kind.equals("per-thousand-units")) {
            BigDecimal units = SciService.counts(project, from, to).values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            measure = units.signum() == 0 ? BigDecimal.ZERO
                    : measure.multiply(THOUSAND).divide(units, 12, RoundingMode.HALF_EVEN);
        }
        BudgetStatus status = BudgetStatus.of(limit, measure, warningShare);
        return new BudgetView(((Number) row[0]).longValue(), project, stage, kind, plain(limit),
                from.toString(), to.toString(), plain(warningShare), (String) row[8], plain(measure),
                used.basis(), status.label());
    }

    private record Used(BigDecimal kgCo2e, String basis) {
    }

    private Used used(String project, String stage, YearMonth from, YearMonth to) {
        EmissionsReport report = emissions.report(project, from, to, List.of(GroupKey.STAGE));
        BigDecimal reported = BigDecimal.ZERO;
        BigDecimal modelled = BigDecimal.ZERO;
        boolean anyReported = false;
        for (EmissionsRowView row : report.rows()) {
            if (stage != null && !stage.equals(row.keys().get("stage"))) {
                continue;
            }
            BigDecimal total = row.emissions().totalLocationKgCo2e();
            if (EmissionsQuery.PROVIDER_REPORTED.equals(row.keys().get("basis"))) {
                reported = reported.add(total);
                anyReported = true;
            } else {
                modelled = modelled.add(total);
            }
        }
        return anyReported ? new Used(reported, EmissionsQuery.PROVIDER_REPORTED)
                : new Used(modelled, EmissionsQuery.MODELLED);
    }

    private record Validated(String stage, String kind, YearMonth from, YearMonth to, BigDecimal warningShare) {
    }

    private Validated validate(BudgetRequest request) {
        if (request == null) {
            throw new BadParameterException("limitKgCo2e", "a JSON body is required");
        }
        String stage = request.stage() == null ? null : Stage.fromTag(request.stage()).map(Stage::label)
                .orElseThrow(() -> new BadParameterException("stage", "unknown stage '" + request.stage() + "'"));
        String kind = request.kind() == null ? "total" : request.kind();
        if (!kind.equals("total") && !kind.equals("per-thousand-units")) {
            throw new BadParameterException("kind", "kind must be total or per-thousand-units");
        }
        if (request.limitKgCo2e() == null || request.limitKgCo2e().signum() <= 0) {
            throw new BadParameterException("limitKgCo2e", "limitKgCo2e must be above zero");
        }
        YearMonth from = Months.required("from", request.from());
        YearMonth to = Months.required("to", request.to());
        if (to.isBefore(from)) {
            throw new BadParameterException("to", "to is before from");
        }
        BigDecimal share = request.warningShare() == null ? config.budgets().warningShare() : request.warningShare();
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new BadParameterException("warningShare", "warningShare must be in (0, 1]");
        }
        if (request.webhookUrl() != null && !request.webhookUrl().matches("https?://.+")) {
            throw new BadParameterException("webhookUrl", "webhookUrl must be an http(s) URL");
        }
        return new Validated(stage, kind, from, to, share);
    }
}
