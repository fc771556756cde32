package dev.aicarbon.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small fixtures named by value, and assertions on amounts. */
final class TestData {

    static final String AWS = "aws";
    static final String ACCOUNT_A = "111111111111";
    static final String ACCOUNT_B = "222222222222";
    static final YearMonth MAY_2025 = YearMonth.of(2025, 5);
    static final String EU_WEST_1 = "eu-west-1";
    static final String US_EAST_1 = "us-east-1";
    static final String EC2 = "AmazonEC2";
    static final String S3 = "AmazonS3";

    static final Allocator DEFAULT_ALLOCATOR = new Allocator(AllocationPolicy.DEFAULT);

    private TestData() {
    }

    /** Tags of a generated line: each key with its value, absent where the value is null. */
    static Map<String, String> tagsOf(String... keysAndValues) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                tags.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return tags;
    }

    /** The cells with ids {@code cell-0, cell-1...} in their order, as an import would give. */
    static List<EmissionsCell> numbered(List<EmissionsCell> cells) {
        return java.util.stream.IntStream.range(0, cells.size())
                .mapToObj(i -> {
                    EmissionsCell cell = cells.get(i);
                    return new EmissionsCell("cell-" + i, cell.provider(), cell.accountId(),
                            cell.month(), cell.region(), cell.service(), cell.resourceId(),
                            cell.emissions(), cell.scope2LocationFromMarket());
                })
                .toList();
    }

    static BigDecimal kg(String value) {
        return new BigDecimal(value);
    }

    /** Emissions with only scope 1 set. */
    static Emissions scope1(String kg) {
        return Emissions.ofScopes(kg(kg), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static Emissions scopes(String scope1, String scope2Location, String scope2Market,
            String scope3) {
        return Emissions.ofScopes(kg(scope1), kg(scope2Location), kg(scope2Market), kg(scope3));
    }

    static Emissions combined(String location, String market) {
        return Emissions.ofCombinedTotals(kg(location), kg(market));
    }

    /** A cell of account A, May 2025, all regions and services. */
    static CellBuilder cell(String cellId, Emissions emissions) {
        return new CellBuilder(cellId, emissions);
    }

    /** A line of account A, May 2025, without region, service, metrics or tags. */
    static LineBuilder line(String lineId) {
        return new LineBuilder(lineId);
    }

    /** The only row of {@code consumer}; fails when there are none or several. */
    static Allocation onlyRowOf(AllocationResult result, String consumer) {
        List<Allocation> rows = rowsOf(result, consumer);
        assertThat(rows).as("rows of %s", consumer).hasSize(1);
        return rows.get(0);
    }

    static List<Allocation> rowsOf(AllocationResult result, String consumer) {
        return result.allocations().stream()
                .filter(row -> row.consumer().equals(consumer))
                .toList();
    }

    /** Component by component, by value. */
    static void assertEmissions(Emissions actual, Emissions expected) {
        for (EmissionsComponent component : EmissionsComponent.values()) {
            assertThat(component.of(actual))
                    .as(component.fieldName())
                    .isEqualByComparingTo(component.of(expected));
        }
    }

    static final class CellBuilder {
        private final String cellId;
        private final Emissions emissions;
        private String accountId = ACCOUNT_A;
        private String region;
        private String service;
        private String resourceId;
        private boolean scope2LocationFromMarket;

        private CellBuilder(String cellId, Emissions emissions) {
            this.cellId = cellId;
            this.emissions = emissions;
        }

        CellBuilder account(String value) {
            accountId = value;
            return this;
        }

        CellBuilder region(String value) {
            region = value;
            return this;
        }

        CellBuilder service(String value) {
            service = value;
            return this;
        }

        CellBuilder resource(String value) {
            resourceId = value;
            return this;
        }

        CellBuilder scope2LocationFromMarket() {
            scope2LocationFromMarket = true;
            return this;
        }

        EmissionsCell build() {
            return new EmissionsCell(cellId, AWS, accountId, MAY_2025, region, service,
                    resourceId, emissions, scope2LocationFromMarket);
        }
    }

    static final class LineBuilder {
        private final String lineId;
        private final Map<String, String> tags = new HashMap<>();
        private String accountId = ACCOUNT_A;
        private String region;
        private String service;
        private BigDecimal listCost;
        private BigDecimal effectiveCost;
        private BigDecimal consumedQuantity;
        private String resourceId;

        private LineBuilder(String lineId) {
            this.lineId = lineId;
        }

        LineBuilder account(String value) {
            accountId = value;
            return this;
        }

        LineBuilder region(String value) {
            region = value;
            return this;
        }

        LineBuilder service(String value) {
            service = value;
            return this;
        }

        LineBuilder resource(String value) {
            resourceId = value;
            return this;
        }

        LineBuilder listCost(String value) {
            listCost = new BigDecimal(value);
            return this;
        }

        LineBuilder effectiveCost(String value) {
            effectiveCost = new BigDecimal(value);
            return this;
        }

        LineBuilder consumedQuantity(String value) {
            consumedQuantity = new BigDecimal(value);
            return this;
        }

        LineBuilder project(String value) {
            return tag("ml-project", value);
        }

        LineBuilder workload(String value) {
            return tag("ml-workload", value);
        }

        LineBuilder stage(String value) {
            return tag("ml-stage", value);
        }

        LineBuilder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        UsageLine build() {
            return new UsageLine(lineId, AWS, accountId, MAY_2025, region, service,
                    listCost, effectiveCost, consumedQuantity, tags, resourceId);
        }
    }
}
