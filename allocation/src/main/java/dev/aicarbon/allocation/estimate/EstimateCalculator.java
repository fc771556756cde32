package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateMethod.A_PRIORI;
import static dev.aicarbon.allocation.estimate.EstimateMethod.MEASURED;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Estimates the energy, emissions, water and resource use of one compute job.
 *
 * <p><b>Plan.</b> Step 0 checks the inputs and throws {@link InvalidEstimateException}, naming
 * the field, for anything that could only be estimated by assuming a value. Then:
 * <ol>
 *   <li><b>Hours.</b> A priori: FLOPs = the given FLOPs, or 6 × parameters × tokens (the dense
 *       transformer training rule; flagged {@code flops-from-parameters-and-tokens}), and
 *       hours = FLOPs ÷ (count × peakFlopsPerSecond × utilisation × 3600), where utilisation
 *       is the expected hardware FLOP utilisation. The estimate goes on as a posteriori with
 *       these hours, except that power is the full TDP unless the request gave an average
 *       draw (flagged {@code power-from-tdp}). A posteriori and measured estimates take the
 *       hours given (a measured one may have none).</li>
 *   <li><b>Energy, modelled.</b> Average power per device: the {@code powerWatts} value itself
 *       when its {@link Factor#source()} is {@value Factor#REQUEST}, an explicit average
 *       draw; otherwise {@code powerWatts} is the catalogue TDP and the average is
 *       idle + utilisation × (TDP − idle) when the idle draw is known, TDP × utilisation when
 *       not, and the TDP when no utilisation was given (flagged {@code power-from-tdp}).
 *       energyKwh = count × averageWatts × hours × pue ÷ 1000.</li>
 *   <li><b>Energy, measured.</b> energyKwh = measuredEnergyKwh (IT energy measured at the
 *       device) × pue.</li>
 *   <li><b>Scope 2.</b> Location-based = energyKwh × location factor. Market-based =
 *       energyKwh × market factor or, without one, the location-based figure (flagged
 *       {@code market-equals-location}).</li>
 *   <li><b>Scope 3</b>, the job's share of the devices' embodied emissions, when the request
 *       includes it: embodiedKgCo2ePerUnit × count × hours × reservedShare ÷ lifetimeHours.
 *       Otherwise zero, flagged {@code embodied-excluded}. A null lifetime is taken as
 *       6 × 365.25 × 24 = 52,596 hours (flagged
 *       {@code default-lifetime}), a null reserved share as 1; both are recorded as factors.
 *       </li>
 *   <li><b>Totals and other impacts.</b> Total = scope 2 + scope 3, location- and
 *       market-based. Water = energyKwh × WUE. ADP and primary energy = per-unit factor ×
 *       count × hours × reservedShare ÷ lifetimeHours, the same share as scope 3. Each of the
 *       three is computed only when its factor is given, and is null otherwise.</li>
 * </ol>
 *
 * <p><b>Rounding.</b> Products are exact, and ÷ 1000 is exact. The other divisions, hours in
 * step 1 and each embodied share in steps 5 and 6, are rounded once, HALF_EVEN to
 * {@value #SCALE} decimal places.
 *
 * <p>Known shortcoming: WUE as The Green Grid defines it is litres per kWh of IT energy, but
 * step 6 multiplies the facility energy (IT × PUE), as the service's methodology states. For a
 * WUE so defined this overstates water by the factor PUE; multiplying IT energy instead would
 * lift it, once the basis of the factors the service passes is confirmed.
 *
 * <p>Stateless and thread-safe.
 */
public final class EstimateCalculator {

    /** Decimal places of every rounded quotient: hours and embodied shares. */
    public static final int SCALE = 12;

    /** The lifetime assumed when none is given: 6 years of 365.25 days. */
    public static final BigDecimal DEFAULT_LIFETIME_HOURS = new BigDecimal("52596");

    private static final BigDecimal SIX = BigDecimal.valueOf(6);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final String INPUT = "input";

    private record Scope2(BigDecimal locationKgCo2e, BigDecimal marketKgCo2e) {
    }

    /**
     * Estimates one job.
     *
     * @param inputs not null
     * @return the estimate, with every factor used and every assumption flagged
     * @throws InvalidEstimateException if an input the method needs is missing, out of range
     *                                  or contradicts another
     */
    public EstimateResult estimate(EstimateInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        EstimateValidation.check(inputs);

        EstimateTrace trace = new EstimateTrace();
        BigDecimal hours = hours(inputs, trace);
        BigDecimal energyKwh = inputs.method() == MEASURED
                ? measuredEnergyKwh(inputs, trace)
                : modelledEnergyKwh(inputs, hours, trace);
        Scope2 scope2 = scope2(inputs, energyKwh, trace);
        EmbodiedShare share = EmbodiedShare.resolve(inputs, hours, trace);
        BigDecimal scope3KgCo2e = scope3KgCo2e(inputs, share, trace);

        return totalsAndOtherImpacts(inputs, hours, energyKwh, scope2, scope3KgCo2e, share,
                trace);
    }

    // ---- step 1: hours ------------------------------------------------------------------

    private static BigDecimal hours(EstimateInputs in, EstimateTrace trace) {
        if (in.method() != A_PRIORI) {
            if (in.hours() != null) {
                trace.use(new Factor("hours", in.hours(), "h", INPUT));
            }
            return in.hours();
        }

        BigDecimal flops = flops(in, trace);
        BigDecimal peak = trace.use(in.peakFlopsPerSecond()).value();
        trace.use(new Factor("utilisation", in.utilisation(), "ratio",
                INPUT + ": expected hardware FLOP utilisation"));
        BigDecimal flopsPerHour = in.count().multiply(peak).multiply(in.utilisation())
                .multiply(SECONDS_PER_HOUR);
        BigDecimal hours = flops.divide(flopsPerHour, SCALE, RoundingMode.HALF_EVEN);

        return trace.use(new Factor("hours", hours, "h",
                "FLOPs / (count x peakFlopsPerSecond x utilisation x 3600 s/h)")).value();
    }

    private static BigDecimal flops(EstimateInputs in, EstimateTrace trace) {
        if (in.flops() != null) {
            return trace.use(new Factor("flops", in.flops(), "FLOP", INPUT)).value();
        }

        trace.flag(EstimateFlag.FLOPS_FROM_PARAMETERS_AND_TOKENS);
        BigDecimal flops = SIX.multiply(in.parameters()).multiply(in.tokens());
        return trace.use(new Factor("flops", flops, "FLOP", "6 x parameters x tokens")).value();
    }

    // ---- steps 2 and 3: energy ----------------------------------------------------------

    private static BigDecimal modelledEnergyKwh(EstimateInputs in, BigDecimal hours,
            EstimateTrace trace) {
        BigDecimal averageWatts = averageWatts(in, trace);
        BigDecimal pue = trace.use(in.pue()).value();

        return in.count().multiply(averageWatts).multiply(hours).multiply(pue).movePointLeft(3);
    }

    private static BigDecimal averageWatts(EstimateInputs in, EstimateTrace trace) {
        Factor power = trace.use(in.powerWatts());
        if (power.isFromRequest()) {
            return averagePower(trace, power.value(), "request: average draw");
        }
        if (in.method() == A_PRIORI || in.utilisation() == null) {
            trace.flag(EstimateFlag.POWER_FROM_TDP);
            return averagePower(trace, power.value(), "TDP: full power, no average draw given");
        }

        BigDecimal utilisation = trace.use(new Factor("utilisation", in.utilisation(), "ratio",
                INPUT + ": average utilisation")).value();
        if (in.idleWatts() == null) {
            return averagePower(trace, power.value().multiply(utilisation), "TDP x utilisation");
        }
        BigDecimal idle = trace.use(in.idleWatts()).value();
        BigDecimal dynamic = utilisation.multiply(power.value().subtract(idle));
        return averagePower(trace, idle.add(dynamic), "idle + utilisation x (TDP - idle)");
    }

    private static BigDecimal averagePower(EstimateTrace trace, BigDecimal watts, String source) {
        return trace.use(new Factor("averagePowerWatts", watts, "W", source)).value();
    }

    private static BigDecimal measuredEnergyKwh(EstimateInputs in, EstimateTrace trace) {
        BigDecimal itKwh = trace.use(new Factor("measuredEnergyKwh", in.measuredEnergyKwh(),
                "kWh", INPUT + ": IT energy measured at the device")).value();
        BigDecimal pue = trace.use(in.pue()).value();

        return itKwh.multiply(pue);
    }

    // ---- steps 4 and 5: scope 2 and scope 3 ---------------------------------------------

    private static Scope2 scope2(EstimateInputs in, BigDecimal energyKwh, EstimateTrace trace) {
        Factor location = trace.use(in.gridLocationKgCo2ePerKwh());
        Factor market = in.gridMarketKgCo2ePerKwh();
        if (market == null) {
            trace.flag(EstimateFlag.MARKET_EQUALS_LOCATION);
            market = new Factor("gridMarketKgCo2ePerKwh", location.value(), location.unit(),
                    "location-based factor: no market-based factor given");
        }
        trace.use(market);

        return new Scope2(energyKwh.multiply(location.value()),
                energyKwh.multiply(market.value()));
    }

    private static BigDecimal scope3KgCo2e(EstimateInputs in, EmbodiedShare share,
            EstimateTrace trace) {
        if (!in.includeEmbodied()) {
            trace.flag(EstimateFlag.EMBODIED_EXCLUDED);
            return BigDecimal.ZERO;
        }
        // Validation guarantees hours, hence a share, whenever embodied emissions are included.
        return share.of(in.embodiedKgCo2ePerUnit(), trace);
    }

    // ---- step 6: totals, water, ADP, primary energy -------------------------------------

    private static EstimateResult totalsAndOtherImpacts(EstimateInputs in, BigDecimal hours,
            BigDecimal energyKwh, Scope2 scope2, BigDecimal scope3KgCo2e, EmbodiedShare share,
            EstimateTrace trace) {
        BigDecimal waterLitres = in.wueLitresPerKwh() == null
                ? null
                : energyKwh.multiply(trace.use(in.wueLitresPerKwh()).value());
        BigDecimal adpKgSbEq = share == null ? null : share.of(in.adpKgSbEqPerUnit(), trace);
        BigDecimal primaryEnergyMj =
                share == null ? null : share.of(in.primaryEnergyMjPerUnit(), trace);

        return new EstimateResult(in.method(), hours, energyKwh,
                scope2.locationKgCo2e(), scope2.marketKgCo2e(), scope3KgCo2e,
                scope2.locationKgCo2e().add(scope3KgCo2e),
                scope2.marketKgCo2e().add(scope3KgCo2e),
                waterLitres, adpKgSbEq, primaryEnergyMj, trace.factors(), trace.flags());
    }

    /**
     * The device-hours a job holds, reserved share applied, over the devices' lifetime: what
     * every embodied impact is multiplied by (steps 5 and 6).
     */
    private record EmbodiedShare(BigDecimal reservedUnitHours, BigDecimal lifetimeHours) {

        /**
         * The share, or null when no embodied impact is asked for or, in a measured estimate,
         * there are no hours to take it over (flagged).
         */
        static EmbodiedShare resolve(EstimateInputs in, BigDecimal hours, EstimateTrace trace) {
            boolean wanted = in.includeEmbodied() || in.adpKgSbEqPerUnit() != null
                    || in.primaryEnergyMjPerUnit() != null;
            if (!wanted) {
                return null;
            }
            if (hours == null) {
                trace.flag(EstimateFlag.EMBODIED_IMPACTS_WITHOUT_HOURS);
                return null;
            }

            BigDecimal lifetimeHours = lifetimeHours(in, trace);
            BigDecimal reservedShare = reservedShare(in, trace);
            return new EmbodiedShare(in.count().multiply(hours).multiply(reservedShare),
                    lifetimeHours);
        }

        /** perUnit × count × hours × reservedShare ÷ lifetimeHours, or null without a factor. */
        BigDecimal of(Factor perUnit, EstimateTrace trace) {
            if (perUnit == null) {
                return null;
            }
            return trace.use(perUnit).value().multiply(reservedUnitHours)
                    .divide(lifetimeHours, SCALE, RoundingMode.HALF_EVEN);
        }

        private static BigDecimal lifetimeHours(EstimateInputs in, EstimateTrace trace) {
            if (in.lifetimeHours() != null) {
                return trace.use(new Factor("lifetimeHours", in.lifetimeHours(), "h", INPUT))
                        .value();
            }
            trace.flag(EstimateFlag.DEFAULT_LIFETIME);
            return trace.use(new Factor("lifetimeHours", DEFAULT_LIFETIME_HOURS, "h",
                    "default: 6 years x 365.25 days x 24 h")).value();
        }

        private static BigDecimal reservedShare(EstimateInputs in, EstimateTrace trace) {
            if (in.reservedShare() != null) {
                return trace.use(new Factor("reservedShare", in.reservedShare(), "ratio", INPUT))
                        .value();
            }
            return trace.use(new Factor("reservedShare", BigDecimal.ONE, "ratio",
                    "default: devices wholly reserved")).value();
        }
    }
}
