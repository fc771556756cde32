package dev.aicarbon.allocation.methodology;

import static dev.aicarbon.allocation.methodology.MethodologyFixtures.APRIL_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.CPU;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.DEFAULT_MODEL;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.DRAM;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.JUNE_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.MAY_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.SERVER_A;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.SSD;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.assertStages;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.datacenterOf;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.inputs;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Step 2, scope 3: server-a (embodied 226 / 7.16 / 1.512 kg) amortised over 72 months.
 *
 * <pre>
 *  | stage         | embodied | ÷ 72, HALF_EVEN at 12 places | month 72: embodied − 71 × share |
 *  |---------------|----------|------------------------------|---------------------------------|
 *  | manufacturing | 226      | 3.138888888889               | 226 − 222.861111111119          |
 *  |               |          |                              |   = 3.138888888881              |
 *  | transport     | 7.16     | 0.099444444444               | 7.16 − 7.060555555524           |
 *  |               |          |                              |   = 0.099444444476              |
 *  | end of life   | 1.512    | 0.021                        | 1.512 − 1.491 = 0.021           |
 * </pre>
 */
class AmortisationTest {

    private static final StageAmounts MONTHLY_SHARE =
            stages("3.138888888889", "0.099444444444", "0.021");
    private static final StageAmounts LAST_MONTH_SHARE =
            stages("3.138888888881", "0.099444444476", "0.021");

    /** In service on 15 June 2019: June 2019 is month 1, May 2025 month 72, June 2025 73. */
    private static final String JUNE_15_2019 = "2019-06-15";

    @Test
    void contributesTheRegularShareBeforeTheLastMonth() {
        DatacenterResult ams = amsWithOneServer(JUNE_15_2019, null, APRIL_2025);

        assertStages(ams.emissions().scope3(), MONTHLY_SHARE);
        assertThat(ams.assetsAmortising()).isEqualTo(1);
    }

    @Test
    void contributesTheRemainderShareInTheSeventySecondMonth() {
        DatacenterResult ams = amsWithOneServer(JUNE_15_2019, null, MAY_2025);

        assertStages(ams.emissions().scope3(), LAST_MONTH_SHARE);
        assertThat(ams.assetsAmortising()).isEqualTo(1);
    }

    @Test
    void contributesNothingFromTheSeventyThirdMonth() {
        DatacenterResult ams = amsWithOneServer(JUNE_15_2019, null, JUNE_2025);

        assertStages(ams.emissions().scope3(), StageAmounts.ZERO);
        assertThat(ams.assetsAmortising()).isZero();
    }

    /*
     *  | month      | in service 31 May 2025 |
     *  |------------|------------------------|
     *  | April 2025 | 0 (before service)     |
     *  | May 2025   | the whole month's share|
     */
    @Test
    void countsTheWholeMonthOfAnAssetEnteringServiceOnItsLastDay() {
        DatacenterResult april = amsWithOneServer("2025-05-31", null, APRIL_2025);
        DatacenterResult may = amsWithOneServer("2025-05-31", null, MAY_2025);

        assertStages(april.emissions().scope3(), StageAmounts.ZERO);
        assertThat(april.assetsAmortising()).isZero();
        assertStages(may.emissions().scope3(), MONTHLY_SHARE);
        assertThat(may.assetsAmortising()).isEqualTo(1);
    }

    /*  In service January 2024, retired November 2024: May 2025 is still month 17 of 72. */
    @Test
    void keepsAmortisingAnAssetRetiredEarly() {
        DatacenterResult ams = amsWithOneServer("2024-01-10", "2024-11-30", MAY_2025);

        assertStages(ams.emissions().scope3(), MONTHLY_SHARE);
        assertThat(ams.assetsAmortising()).isEqualTo(1);
    }

    /*  71 × 3.138888888889 + 3.138888888881 = 226, and so on for each stage. */
    @Test
    void addsTheSeventyTwoMonthlySharesUpToTheEmbodiedEmissionsExactly() {
        StageAmounts sum = StageAmounts.ZERO;
        for (int month = 0; month < 72; month++) {
            YearMonth asked = YearMonth.of(2019, 6).plusMonths(month);
            sum = sum.plus(amsWithOneServer(JUNE_15_2019, null, asked).emissions().scope3());
        }

        assertStages(sum, stages("226", "7.16", "1.512"));
    }

    /*
     *  Lifetime 12: 226 ÷ 12 = 18.833333333333, month 12 takes 226 − 11 × that = 18.833333333337;
     *  7.16 ÷ 12 = 0.596666666667, month 12 takes 0.596666666663; 1.512 ÷ 12 = 0.126.
     */
    @Test
    void amortisesOverTheLifetimeThePolicySets() {
        SevenStepModel twelveMonths =
                new SevenStepModel(MethodologyPolicy.DEFAULT.withLifetimeMonths(12));
        MethodologyInputs inputs = oneServer("2024-06-01", null);

        StageAmounts april = datacenterOf(twelveMonths.compute(APRIL_2025, inputs), "ams-1")
                .emissions().scope3();
        StageAmounts may = datacenterOf(twelveMonths.compute(MAY_2025, inputs), "ams-1")
                .emissions().scope3();
        StageAmounts june = datacenterOf(twelveMonths.compute(JUNE_2025, inputs), "ams-1")
                .emissions().scope3();

        assertStages(april, stages("18.833333333333", "0.596666666667", "0.126"));
        assertStages(may, stages("18.833333333337", "0.596666666663", "0.126"));
        assertStages(june, StageAmounts.ZERO);
    }

    private static DatacenterResult amsWithOneServer(String inService, String retired,
            YearMonth month) {
        MethodologyResult result = DEFAULT_MODEL.compute(month, oneServer(inService, retired));
        return datacenterOf(result, "ams-1");
    }

    private static MethodologyInputs oneServer(String inService, String retired) {
        return inputs()
                .factors(CPU, DRAM, SSD)
                .models(SERVER_A)
                .datacenter("ams-1", "westeurope")
                .asset("srv-1", SERVER_A.model(), "ams-1", inService, retired)
                .build();
    }
}
