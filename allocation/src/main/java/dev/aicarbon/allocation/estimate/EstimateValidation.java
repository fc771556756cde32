package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateMethod.A_PRIORI;
import static dev.aicarbon.allocation.estimate.EstimateMethod.A_POSTERIORI;
import static dev.aicarbon.allocation.estimate.EstimateMethod.MEASURED;

import java.math.BigDecimal;

/**
 * Step 0 of {@link EstimateCalculator}: refuses inputs that could only be estimated by assuming
 * a value. Checks run in a fixed order and the first failure is thrown, named by its REST API
 * field. Inputs a method does not read are ignored, except two that contradict what it
 * computes: hours given to an a-priori estimate (which derives them) and a measured energy given
 * to a modelled one.
 *
 * <p>Catalogue values are blamed on what selected them: a bad TDP, idle draw, ADP or primary
 * energy on {@code hardware}, a bad water factor on {@code region}.
 */
final class EstimateValidation {

    private EstimateValidation() {
    }

    static void check(EstimateInputs in) {
        checkCount(in);
        checkHours(in);
        checkUtilisation(in);
        checkPue(in);
        if (in.method() != MEASURED) {
            checkPower(in);
        }
        if (in.method() == A_PRIORI) {
            checkWork(in);
        }
        checkGrid(in);
        checkEmbodied(in);
        checkMeasured(in);
        checkOtherImpacts(in);
    }

    /** Measured estimates need a count only to take an embodied share. */
    private static void checkCount(EstimateInputs in) {
        boolean takesEmbodiedShare = in.includeEmbodied() || (in.hours() != null
                && (in.adpKgSbEqPerUnit() != null || in.primaryEnergyMjPerUnit() != null));
        if (in.count() == null && (in.method() != MEASURED || takesEmbodiedShare)) {
            throw invalid("count", "required for " + in.method().label() + " estimates"
                    + (in.method() == MEASURED ? " taking an embodied share" : ""));
        }
        if (in.count() != null && in.count().signum() <= 0) {
            throw invalid("count", "must be positive, was " + in.count());
        }
    }

    private static void checkHours(EstimateInputs in) {
        if (in.method() == A_PRIORI && in.hours() != null) {
            throw invalid("hours", "an a-priori estimate derives hours from FLOPs; give none");
        }
        if (in.method() == A_POSTERIORI && in.hours() == null) {
            throw invalid("hours", "required for a-posteriori estimates");
        }
        if (in.hours() != null && in.hours().signum() <= 0) {
            throw invalid("hours", "must be positive, was " + in.hours());
        }
    }

    private static void checkUtilisation(EstimateInputs in) {
        if (in.method() == A_PRIORI && in.utilisation() == null) {
            throw invalid("utilisation", "an a-priori estimate needs the expected FLOP"
                    + " utilisation");
        }
        if (in.utilisation() != null && !isShare(in.utilisation())) {
            throw invalid("utilisation", "must be in (0, 1], was " + in.utilisation());
        }
    }

    private static void checkPue(EstimateInputs in) {
        if (in.pue() == null) {
            throw invalid("pue", "no PUE factor");
        }
        if (in.pue().value().compareTo(BigDecimal.ONE) < 0) {
            throw invalid("pue", "must be at least 1, was " + in.pue().value());
        }
    }

    private static void checkPower(EstimateInputs in) {
        Factor power = in.powerWatts();
        if (power == null) {
            throw invalid("powerWatts", "no power figure: give an average draw or a hardware"
                    + " model with a TDP");
        }
        if (power.value().signum() <= 0) {
            throw invalid(power.isFromRequest() ? "powerWatts" : "hardware",
                    "power must be positive, was " + power.value() + " (" + power.source() + ")");
        }
        Factor idle = in.idleWatts();
        boolean idleAboveTdp = idle != null && !power.isFromRequest()
                && idle.value().compareTo(power.value()) > 0;
        if (idle != null && (idle.value().signum() < 0 || idleAboveTdp)) {
            throw invalid("hardware", "idle draw must be in [0, TDP], was " + idle.value());
        }
    }

    private static void checkWork(EstimateInputs in) {
        if (in.flops() != null) {
            requirePositive(in.flops(), "flops");
        } else if (in.parameters() == null && in.tokens() == null) {
            throw invalid("flops", "an a-priori estimate needs FLOPs, or parameters and tokens");
        } else {
            requirePositive(in.parameters(), "parameters");
            requirePositive(in.tokens(), "tokens");
        }
        Factor peak = in.peakFlopsPerSecond();
        if (peak == null || peak.value().signum() <= 0) {
            throw invalid("peakFlopsPerSecond", "an a-priori estimate needs a positive peak"
                    + " FLOP rate, was " + (peak == null ? "none" : peak.value()));
        }
    }

    private static void checkGrid(EstimateInputs in) {
        Factor location = in.gridLocationKgCo2ePerKwh();
        if (location == null) {
            throw invalid("region", "no grid factor for the region and no override given");
        }
        Factor market = in.gridMarketKgCo2ePerKwh();
        if (location.value().signum() < 0 || (market != null && market.value().signum() < 0)) {
            throw invalid("gridKgCo2ePerKwh", "a grid factor must not be negative");
        }
    }

    private static void checkEmbodied(EstimateInputs in) {
        if (in.reservedShare() != null && !isShare(in.reservedShare())) {
            throw invalid("reservedShare", "must be in (0, 1], was " + in.reservedShare());
        }
        if (in.lifetimeHours() != null && in.lifetimeHours().signum() <= 0) {
            throw invalid("lifetimeHours", "must be positive, was " + in.lifetimeHours());
        }
        Factor embodied = in.embodiedKgCo2ePerUnit();
        if (in.includeEmbodied() && embodied == null) {
            throw invalid("embodiedKgCo2e", "embodied emissions requested, but no embodied"
                    + " factor for the hardware and no override given");
        }
        if (embodied != null && embodied.value().signum() < 0) {
            throw invalid("embodiedKgCo2e", "must not be negative, was " + embodied.value());
        }
        if (in.includeEmbodied() && in.method() == MEASURED && in.hours() == null) {
            throw invalid("hours", "an embodied share needs the hours the devices were held");
        }
    }

    private static void checkMeasured(EstimateInputs in) {
        BigDecimal measured = in.measuredEnergyKwh();
        if (in.method() != MEASURED && measured != null) {
            throw invalid("measuredEnergyKwh", "given to a " + in.method().label()
                    + " estimate; use the measured method");
        }
        if (in.method() == MEASURED && (measured == null || measured.signum() < 0)) {
            throw invalid("measuredEnergyKwh", "a measured estimate needs a non-negative"
                    + " measured energy, was " + (measured == null ? "none" : measured));
        }
    }

    private static void checkOtherImpacts(EstimateInputs in) {
        requireNonNegative(in.wueLitresPerKwh(), "region");
        requireNonNegative(in.adpKgSbEqPerUnit(), "hardware");
        requireNonNegative(in.primaryEnergyMjPerUnit(), "hardware");
    }

    private static boolean isShare(BigDecimal value) {
        return value.signum() > 0 && value.compareTo(BigDecimal.ONE) <= 0;
    }

    private static void requirePositive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0) {
            throw invalid(field, "must be positive, was " + (value == null ? "none" : value));
        }
    }

    private static void requireNonNegative(Factor factor, String field) {
        if (factor != null && factor.value().signum() < 0) {
            throw invalid(field, factor.name() + " must not be negative, was " + factor.value());
        }
    }

    private static InvalidEstimateException invalid(String field, String problem) {
        return new InvalidEstimateException(field, problem);
    }
}
