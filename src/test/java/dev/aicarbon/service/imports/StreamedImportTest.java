package dev.aicarbon.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicarbon.service.ApiTest;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.model.UsageLineRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * FOCUS lines streamed into the database with COPY arrive exactly as read: awkward text, JSON
 * tags, decimals with their scale, instants; quarantined rows between them are kept, and the
 * import is reported only once it is committed.
 */
@QuarkusTest
class StreamedImportTest extends ApiTest {

    private static final String HEADER = "ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,"
            + "ChargePeriodEnd,ChargeCategory,RegionId,ServiceName,ServiceCategory,ResourceId,SkuId,"
            + "ConsumedQuantity,ConsumedUnit,ListCost,EffectiveCost,BilledCost,BillingCurrency,Tags\n";

    /** Tags with a backslash, a tab, a newline, a quote, a carriage return and non-ASCII text. */
    private static final Map<String, String> AWKWARD_TAGS = Map.of(
            "ml-project", "a\\b\tc",
            "ml-workload", "line1\nline2\r",
            "note", "say \"hi\" – ünï \\N \\.");

    @Inject
    ImportService imports;

    @Test
    void storesTextTagsDecimalsAndInstantsExactlyAsRead() {
        String csv = HEADER
                + "AWS,billing-1,111122223333,2030-01-01T00:00:00Z,2030-01-31T12:30:00Z,Usage,us-east-1,"
                + "\"Amazon\tSageMaker \\N\",AI and Machine Learning,,sku-1,0.000000000001,Hours,"
                + "123456789012345678901234.5678900,0.10,-0.5,USD," + csvCell(AWKWARD_TAGS) + "\n";

        ImportSummary summary = imports.importFocus(body(csv), "awkward.csv");

        assertThat(summary.rowsAccepted()).isEqualTo(1);
        UsageLineRecord line = storedLines(summary.importId()).get(0);
        assertThat(line.serviceName).isEqualTo("Amazon\tSageMaker \\N");
        assertThat(line.resourceId).isNull();
        assertThat(line.consumedQuantity.toPlainString()).isEqualTo("0.000000000001");
        assertThat(line.listCost.toPlainString()).isEqualTo("123456789012345678901234.5678900");
        assertThat(line.effectiveCost.scale()).isEqualTo(2);
        assertThat(line.billedCost).isEqualByComparingTo(new BigDecimal("-0.5"));
        assertThat(line.chargePeriodEnd).isEqualTo(Instant.parse("2030-01-31T12:30:00Z"));
        assertThat(line.billingMonth).isEqualTo("2030-01");
        assertThat(line.tags).isEqualTo(AWKWARD_TAGS);
    }

    @Test
    void keepsTheGoodRowsBetweenQuarantinedOnes() {
        StringBuilder csv = new StringBuilder(HEADER);
        List<Integer> goodRows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            boolean bad = i % 7 == 3;
            csv.append("AWS,").append(bad ? "" : "billing-1").append(",111122223333,2030-01-01T00:00:00Z,"
                    + "2030-02-01T00:00:00Z,Usage,us-east-1,Compute,Compute,r-").append(i)
                    .append(",sku,1,Hours,1.5,1.5,1.5,USD,\n");
            if (!bad) {
                goodRows.add(i + 2);
            }
        }

        ImportSummary summary = imports.importFocus(body(csv.toString()), "gappy.csv");

        assertThat(summary.rowsRead()).isEqualTo(2_500);
        assertThat(summary.rowsQuarantined()).isEqualTo(2_500 - goodRows.size()).isEqualTo(357);
        assertThat(storedLines(summary.importId())).extracting(line -> line.rowNumber)
                .containsExactlyElementsOf(goodRows);
        assertThat(quarantinedWithRawValues(summary.importId())).isEqualTo(357);
    }

    @Test
    void reportsAnImportOnlyOnceItsTransactionCommitted() {
        List<String> lines = new ArrayList<>();
        Handler capture = capturing(lines);
        Logger logger = Logger.getLogger(ImportService.class.getName());
        logger.addHandler(capture);
        try {
            QuarkusTransaction.begin();
            long rolledBack = imports.importFocus(body(HEADER + row("r-1")), "rolled-back.csv").importId();
            assertThat(lines).as("lines logged before the commit").isEmpty();
            QuarkusTransaction.rollback();

            QuarkusTransaction.begin();
            long committed = imports.importFocus(body(HEADER + row("r-2")), "committed.csv").importId();
            assertThat(lines).as("lines logged before the commit").isEmpty();
            QuarkusTransaction.commit();

            assertThat(lines).containsExactly("Import " + committed
                    + " (focus, committed.csv): 1 rows read, 1 accepted, 0 quarantined, 0 keys restated");
            assertThat(lines).noneMatch(line -> line.startsWith("Import " + rolledBack + " "));
        } finally {
            logger.removeHandler(capture);
        }
    }

    /** A JSON object as one quoted CSV cell. */
    private static String csvCell(Map<String, String> tags) {
        try {
            return "\"" + new ObjectMapper().writeValueAsString(tags).replace("\"", "\"\"") + "\"";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String row(String resourceId) {
        return "AWS,billing-1,111122223333,2030-01-01T00:00:00Z,2030-02-01T00:00:00Z,Usage,us-east-1,"
                + "Compute,Compute," + resourceId + ",sku,1,Hours,1.5,1.5,1.5,USD,\n";
    }

    private static Handler capturing(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                if (message.startsWith("Import ")) {
                    lines.add(message);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Transactional
    List<UsageLineRecord> storedLines(long importId) {
        return UsageLineRecord.list("importId = ?1 order by rowNumber", importId);
    }

    @Transactional
    long quarantinedWithRawValues(long importId) {
        return NativeSql.rows("select id, raw_values from quarantined_row where import_id = ?1"
                + " and raw_values ->> 'ResourceId' is not null", importId).size();
    }

    private static ByteArrayInputStream body(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
