package dev.aicarbon.providers.focus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamps of FOCUS charge period columns. FOCUS asks for ISO 8601 in UTC, but the
 * clouds differ in the details, so all of these are accepted:
 * <ul>
 *   <li>{@code 2026-11-01T00:00:00Z}, with a fraction of a second, or with an offset such as
 *       {@code +00:00}, which is applied;</li>
 *   <li>{@code 2026-11-01T00:00Z}, without seconds (Azure's first FOCUS 1.0 exports);</li>
 *   <li>{@code 2026-11-01T00:00:00} and {@code 2026-11-01 00:00:00}, without an offset, taken
 *       as UTC;</li>
 *   <li>{@code 2026-11-01 00:00:00 UTC}, as BigQuery writes timestamps to CSV (a Google Cloud
 *       FOCUS export saved from BigQuery);</li>
 *   <li>{@code 2026-11-01}, a date, taken as midnight UTC.</li>
 * </ul>
 */
final class ChargePeriodTimes {

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final int DATE_LENGTH = "2026-11-01".length();
    private static final String UTC_SUFFIX = " UTC";

    private ChargePeriodTimes() {
    }

    /**
     * The instant a timestamp names.
     *
     * @throws DateTimeParseException when the text is in none of the accepted forms
     */
    static Instant parse(String text) {
        String iso = isoForm(text);
        if (iso.length() == DATE_LENGTH) {
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        TemporalAccessor parsed = DATE_TIME.parseBest(
                iso, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime.toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /** The text without a trailing " UTC", and with a 'T' for a blank between date and time. */
    private static String isoForm(String text) {
        String local = text.endsWith(UTC_SUFFIX)
                ? text.substring(0, text.length() - UTC_SUFFIX.length())
                : text;
        if (local.length() > DATE_LENGTH && local.charAt(DATE_LENGTH) == ' ') {
            return local.substring(0, DATE_LENGTH) + 'T' + local.substring(DATE_LENGTH + 1);
        }
        return local;
    }
}
