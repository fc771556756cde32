package dev.aicarbon.allocation.estimate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Everything one job estimate reads. Units are in the names; counts and ratios are plain.
 *
 * <ul>
 *   <li>{@code count}: devices (GPUs, accelerators, servers) the job ran on.</li>
 *   <li>{@code hours}: wall-clock hours each device ran; derived, so absent, for a priori.</li>
 *   <li>{@code powerWatts}: per device; a catalogue TDP, or an average draw when its source is
 *       {@value Factor#REQUEST}. {@code idleWatts}: per device, from the catalogue.</li>
 *   <li>{@code utilisation}: in (0, 1]; average utilisation a posteriori, expected hardware
 *       FLOP utilisation a priori.</li>
 *   <li>{@code pue}: ratio, at least 1. Grid factors in kgCO2e per kWh of facility energy.</li>
 *   <li>{@code embodiedKgCo2ePerUnit}, {@code adpKgSbEqPerUnit},
 *       {@code primaryEnergyMjPerUnit}: per device over its whole life.</li>
 *   <li>{@code lifetimeHours}, {@code reservedShare}: the device's life and the job's share
 *       of each device, in (0, 1]; defaults applied by the calculator when null.</li>
 *   <li>{@code flops}, {@code parameters}, {@code tokens}, {@code peakFlopsPerSecond}: a
 *       priori only. {@code measuredEnergyKwh}: measured only, IT energy at the device.</li>
 *   <li>{@code wueLitresPerKwh}: water per kWh.</li>
 * </ul>
 *
 * <p>Only {@code method} is required here; any other component may be null where the method
 * does not need it. What each method needs, and the ranges, are checked by
 * {@link EstimateCalculator#estimate}. Immutable and thread-safe.
 */
public record EstimateInputs(
        EstimateMethod method,
        BigDecimal count,
        BigDecimal hours,
        Factor powerWatts,
        Factor idleWatts,
        BigDecimal utilisation,
        Factor pue,
        Factor gridLocationKgCo2ePerKwh,
        Factor gridMarketKgCo2ePerKwh,
        boolean includeEmbodied,
        Factor embodiedKgCo2ePerUnit,
        BigDecimal lifetimeHours,
        BigDecimal reservedShare,
        BigDecimal flops,
        BigDecimal parameters,
        BigDecimal tokens,
        Factor peakFlopsPerSecond,
        BigDecimal measuredEnergyKwh,
        Factor wueLitresPerKwh,
        Factor adpKgSbEqPerUnit,
        Factor primaryEnergyMjPerUnit) {

    public EstimateInputs {
        Objects.requireNonNull(method, "method");
    }

    /** A builder with every input null and embodied emissions excluded. */
    public static Builder builder(EstimateMethod method) {
        return new Builder(method);
    }

    /** A builder holding these inputs, to change some of them. */
    public Builder toBuilder() {
        return new Builder(method)
                .count(count)
                .hours(hours)
                .powerWatts(powerWatts)
                .idleWatts(idleWatts)
                .utilisation(utilisation)
                .pue(pue)
                .gridLocationKgCo2ePerKwh(gridLocationKgCo2ePerKwh)
                .gridMarketKgCo2ePerKwh(gridMarketKgCo2ePerKwh)
                .includeEmbodied(includeEmbodied)
                .embodiedKgCo2ePerUnit(embodiedKgCo2ePerUnit)
                .lifetimeHours(lifetimeHours)
                .reservedShare(reservedShare)
                .flops(flops)
                .parameters(parameters)
                .tokens(tokens)
                .peakFlopsPerSecond(peakFlopsPerSecond)
                .measuredEnergyKwh(measuredEnergyKwh)
                .wueLitresPerKwh(wueLitresPerKwh)
                .adpKgSbEqPerUnit(adpKgSbEqPerUnit)
                .primaryEnergyMjPerUnit(primaryEnergyMjPerUnit);
    }

    /** Sets inputs one by one; each setter takes null to clear. Not thread-safe. */
    public static final class Builder {

        private final EstimateMethod method;
        private BigDecimal count;
        private BigDecimal hours;
        private Factor powerWatts;
        private Factor idleWatts;
        private BigDecimal utilisation;
        private Factor pue;
        private Factor gridLocationKgCo2ePerKwh;
        private Factor gridMarketKgCo2ePerKwh;
        private boolean includeEmbodied;
        private Factor embodiedKgCo2ePerUnit;
        private BigDecimal lifetimeHours;
        private BigDecimal reservedShare;
        private BigDecimal flops;
        private BigDecimal parameters;
        private BigDecimal tokens;
        private Factor peakFlopsPerSecond;
        private BigDecimal measuredEnergyKwh;
        private Factor wueLitresPerKwh;
        private Factor adpKgSbEqPerUnit;
        private Factor primaryEnergyMjPerUnit;

        private Builder(EstimateMethod method) {
            this.method = Objects.requireNonNull(method, "method");
        }

        public Builder count(BigDecimal value) {
            count = value;
            return this;
        }

        public Builder hours(BigDecimal value) {
            hours = value;
            return this;
        }

        public Builder powerWatts(Factor value) {
            powerWatts = value;
            return this;
        }

        public Builder idleWatts(Factor value) {
            idleWatts = value;
            return this;
        }

        public Builder utilisation(BigDecimal value) {
            utilisation = value;
            return this;
        }

        public Builder pue(Factor value) {
            pue = value;
            return this;
        }

        public Builder gridLocationKgCo2ePerKwh(Factor value) {
            gridLocationKgCo2ePerKwh = value;
            return this;
        }

        public Builder gridMarketKgCo2ePerKwh(Factor value) {
            gridMarketKgCo2ePerKwh = value;
            return this;
        }

        public Builder includeEmbodied(boolean value) {
            includeEmbodied = value;
            return this;
        }

        public Builder embodiedKgCo2ePerUnit(Factor value) {
            embodiedKgCo2ePerUnit = value;
            return this;
        }

        public Builder lifetimeHours(BigDecimal value) {
            lifetimeHours = value;
            return this;
        }

        public Builder reservedShare(BigDecimal value) {
            reservedShare = value;
            return this;
        }

        public Builder flops(BigDecimal value) {
            flops = value;
            return this;
        }

        public Builder parameters(BigDecimal value) {
            parameters = value;
            return this;
        }

        public Builder tokens(BigDecimal value) {
            tokens = value;
            return this;
        }

        public Builder peakFlopsPerSecond(Factor value) {
            peakFlopsPerSecond = value;
            return this;
        }

        public Builder measuredEnergyKwh(BigDecimal value) {
            measuredEnergyKwh = value;
            return this;
        }

        public Builder wueLitresPerKwh(Factor value) {
            wueLitresPerKwh = value;
            return this;
        }

        public Builder adpKgSbEqPerUnit(Factor value) {
            adpKgSbEqPerUnit = value;
            return this;
        }

        public Builder primaryEnergyMjPerUnit(Factor value) {
            primaryEnergyMjPerUnit = value;
            return this;
        }

        public EstimateInputs build() {
            return new EstimateInputs(method, count, hours, powerWatts, idleWatts, utilisation,
                    pue, gridLocationKgCo2ePerKwh, gridMarketKgCo2ePerKwh, includeEmbodied,
                    embodiedKgCo2ePerUnit, lifetimeHours, reservedShare, flops, parameters,
                    tokens, peakFlopsPerSecond, measuredEnergyKwh, wueLitresPerKwh,
                    adpKgSbEqPerUnit, primaryEnergyMjPerUnit);
        }
    }
}
