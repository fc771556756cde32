package dev.aicarbon.providers.methodology;

import static dev.aicarbon.providers.methodology.Refusals.refusal;
import static dev.aicarbon.providers.methodology.Refusals.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatacenterMonthCsvReaderTest {

    private static final String REQUIRED_HEADER = "datacenter,month,it_energy_kwh,pue,"
            + "location_kgco2e_per_kwh,market_kgco2e_per_kwh,scope1_kgco2e";

    private final DatacenterMonthCsvReader reader = new DatacenterMonthCsvReader();
    private final CollectingSink<DatacenterMonthRow> sink = new CollectingSink<>();

    @Test
    void readsEnergyFactorsAndScope1AsReported() {
        ReadSummary summary = read("datacenter-months-good.csv");

        assertThat(summary).isEqualTo(new ReadSummary(3, 3, 0));
        DatacenterMonthRow report = sink.accepted().get(0);
        assertThat(report.datacenter()).isEqualTo("eu-gpu-1a");
        assertThat(report.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(report.itEnergyKwh()).isEqualByComparingTo("10842.6");
        assertThat(report.pue()).isEqualByComparingTo("1.18");
        assertThat(report.locationKgCo2ePerKwh()).isEqualByComparingTo("0.3284");
        assertThat(report.marketKgCo2ePerKwh()).isEqualByComparingTo("0");
        assertThat(report.scope1KgCo2e()).isEqualByComparingTo("412.6");
    }

    /* 150 l × 2.7 kgCO2e/l + 0.4 kg × 1430 = 405 + 572 = 977 kgCO2e, exactly. */
    @Test
    void worksOutScope1FromDieselAndRefrigerantWhenNotGiven() {
        read("datacenter-months-good.csv");

        assertThat(sink.accepted().get(1).scope1KgCo2e()).isEqualByComparingTo("977");
    }

    @Test
    void acceptsAPueOfExactlyOneAndAMonthWithoutEnergy() {
        read("datacenter-months-good.csv");

        DatacenterMonthRow idle = sink.accepted().get(2);
        assertThat(idle.pue()).isEqualByComparingTo("1");
        assertThat(idle.itEnergyKwh()).isZero();
    }

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3  | datacenter              | datacenter is empty
            4  | month                   | "November 2026" is not a month in the form YYYY-MM
            5  | it_energy_kwh           | "-12" is negative
            6  | pue                     | "0.95" is below 1; a PUE below 1 is physically impossible
            7  | pue                     | pue is empty
            8  | location_kgco2e_per_kwh | location_kgco2e_per_kwh is empty
            9  | market_kgco2e_per_kwh   | "n/a" is not a number
            10 | scope1_kgco2e           | ambiguous scope 1: scope1_kgco2e "12.5" is filled as well
            11 | scope1_kgco2e           | scope1_kgco2e is empty and so are the fuel
            12 | refrigerant_kg          | refrigerant_kg is empty
            13 | refrigerant_kg          | "-0.4" is negative
            14 | -                       | repeats the datacenter and month of row 2, which is kept
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        read("datacenter-months-bad-rows.csv");

        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void countsEveryRowAsAcceptedOrQuarantined() {
        ReadSummary summary = read("datacenter-months-bad-rows.csv");

        assertThat(summary).isEqualTo(new ReadSummary(14, 2, 12));
        assertThat(sink.accepted()).extracting(DatacenterMonthRow::row).containsExactly(2, 15);
    }

    @Test
    void readsAFileWithoutFuelColumns() {
        String csv = REQUIRED_HEADER + "\neu-gpu-1a,2026-11,10842.6,1.18,0.3284,0,412.6\n";

        ReadSummary summary = reader.read(text(csv), "no-fuel.csv", sink);

        assertThat(summary).isEqualTo(new ReadSummary(1, 1, 0));
    }

    @Test
    void refusesHeaderNamingEveryMissingColumn() {
        CsvFormatException refusal = refusal(
                () -> read("datacenter-months-missing-columns.csv"), sink);

        assertThat(refusal).hasMessageContaining("missing columns it_energy_kwh,"
                + " location_kgco2e_per_kwh, market_kgco2e_per_kwh");
    }

    @Test
    void refusesHalfTheFuelAndRefrigerantColumns() {
        String csv = REQUIRED_HEADER + ",diesel_litres,diesel_kgco2e_per_litre\n";

        CsvFormatException refusal = refusal(
                () -> reader.read(text(csv), "half-fuel.csv", sink), sink);

        assertThat(refusal).hasMessageContaining("missing columns refrigerant_kg, refrigerant_gwp");
    }

    private ReadSummary read(String file) {
        return reader.read(Fixtures.open("methodology/" + file), file, sink);
    }
}
