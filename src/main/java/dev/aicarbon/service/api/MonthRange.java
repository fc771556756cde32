package dev.aicarbon.service.api;

import java.time.YearMonth;
import java.util.function.Supplier;

/** An inclusive range of months taken from {@code from} and {@code to} parameters. */
public record MonthRange(YearMonth from, YearMonth to) {

    public static MonthRange single(YearMonth month) {
        return new MonthRange(month, month);
    }

    /**
     * Without {@code from} the range starts at {@code latest} (the latest allocated month, or
     * the current month when nothing is allocated); without {@code to} it ends where it starts.
     */
    public static MonthRange of(String from, String to, Supplier<YearMonth> latest) {
        YearMonth first = Months.optional("from", from);
        YearMonth last = Months.optional("to", to);
        if (first == null) {
            YearMonth fallback = latest.get();
            first = last != null ? last : fallback != null ? fallback : YearMonth.now();
        }
        if (last == null) {
            last = first;
        }
        if (last.isBefore(first)) {
            throw new BadParameterException("to", "to (" + last + ") is before from (" + first + ")");
        }
        return new MonthRange(first, last);
    }
}
