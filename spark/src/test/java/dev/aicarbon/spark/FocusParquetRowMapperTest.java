package dev.aicarbon.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** Parquet typings the parity test's files do not have: map tags, doubles, text periods. */
class FocusParquetRowMapperTest {

    private static final Set<String> COLUMNS = Set.of("ProviderName", "BillingAccountId",
            "SubAccountId", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory",
            "ServiceName", "ListCost", "Tags");

    private final FocusParquetRowMapper mapper = new FocusParquetRowMapper(
            new FocusLineMapper(YearMonth.of(2026, 3)), COLUMNS);

    @Test
    void readsMapTagsWithNullValuesAsEmptyAndDoublesByTheirShortestDecimal() {
        Map<String, String> tags = new HashMap<>();
        tags.put("user:ml-project", "vision");
        tags.put("owner", null);
        Row row = row(Timestamp.from(Instant.parse("2026-03-04T00:00:00Z")), 0.1,
                CollectionConverters.asScala(tags), DataTypes.createMapType(
                        DataTypes.StringType, DataTypes.StringType));

        FocusItem item = mapper.map(row);

        assertThat(item.kind()).isEqualTo(FocusItem.Kind.USAGE);
        assertThat(item.line().tags()).containsEntry("user:ml-project", "vision")
                .containsEntry("owner", "");
        assertThat(item.line().listCost()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(item.line().lineId()).isEqualTo("part-0.parquet#0000000012");
        assertThat(item.line().accountId()).isEqualTo("0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");
    }

    @Test
    void quarantinesATextPeriodWithoutAnOffsetNamingTheColumn() {
        Row row = row("2026-03-04 00:00:00", 1.0, "{\"cost-center\":42}", DataTypes.StringType);

        FocusItem item = mapper.map(row);

        assertThat(item.kind()).isEqualTo(FocusItem.Kind.QUARANTINED);
        assertThat(item.problem().column()).isEqualTo("ChargePeriodStart");
        assertThat(item.problem().row()).isEqualTo(12);
        assertThat(item.problem().source()).isEqualTo("part-0.parquet");
    }

    @Test
    void readsJsonTagsLikeTheCsvImportNumbersAsTheirText() {
        Row row = row("2026-03-04T00:00:00Z", 1.0, "{\"cost-center\":42,\"team\":null}",
                DataTypes.StringType);

        FocusItem item = mapper.map(row);

        assertThat(item.line().tags()).containsEntry("cost-center", "42")
                .containsEntry("team", "");
    }

    private static Row row(Object start, double listCost, Object tags,
            org.apache.spark.sql.types.DataType tagsType) {
        boolean typed = start instanceof Timestamp;
        StructType schema = new StructType()
                .add("ProviderName", DataTypes.StringType)
                .add("BillingAccountId", DataTypes.StringType)
                .add("SubAccountId", DataTypes.StringType)
                .add("ChargePeriodStart", typed ? DataTypes.TimestampType : DataTypes.StringType)
                .add("ChargePeriodEnd", DataTypes.TimestampType)
                .add("ChargeCategory", DataTypes.StringType)
                .add("ServiceName", DataTypes.StringType)
                .add("ListCost", DataTypes.DoubleType)
                .add("Tags", tagsType)
                .add(FocusParquetRowMapper.FILE_NAME, DataTypes.StringType)
                .add(FocusParquetRowMapper.ROW_INDEX, DataTypes.LongType);
        Object[] values = {"Microsoft", "billing-1",
                "/subscriptions/0F1E2D3C-4B5A-6978-8A9B-0C1D2E3F4A5B", start,
                Timestamp.from(Instant.parse("2026-03-05T00:00:00Z")), " usage ",
                "Virtual Machines", listCost, tags, "part-0.parquet", 12L};
        return new GenericRowWithSchema(values, schema);
    }
}
