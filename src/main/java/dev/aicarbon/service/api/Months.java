package dev.aicarbon.service.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Parses {@code YYYY-MM} request parameters. */
public final class Months {

    private Months() {
    }

    /** The month in {@code value}; a 400 naming {@code parameter} when it is absent or malformed. */
    public static YearMonth required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(parameter, parameter + " is required, as YYYY-MM");
        }
        return parse(parameter, value);
    }

    /** The month in {@code value}, or null when absent. */
    public static YearMonth optional(String parameter, String value) {
        return value == null || value.isBlank() ? null : parse(parameter, value);
    }

    private static YearMonth parse(String parameter, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter,
                    parameter + " must be a month as YYYY-MM, got '" + value + "'");
        }
    }
}
