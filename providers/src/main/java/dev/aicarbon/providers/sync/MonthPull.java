package dev.aicarbon.providers.sync;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What one pull of one month brought.
 *
 * @param status         whether the month was there to pull
 * @param availableAbout for {@link PullStatus#NOT_YET_AVAILABLE}, the day the provider's data
 *                       for the month is expected (its publication lag), else null
 * @param files          the files written, in import order (emissions before usage)
 * @param failures       accounts refused or unreadable; the others were pulled
 * @param modelVersion   the provider's carbon model version, where it states one, else null
 */
public record MonthPull(
        String provider,
        String name,
        YearMonth month,
        PullStatus status,
        LocalDate availableAbout,
        List<PulledFile> files,
        List<AccountFailure> failures,
        String modelVersion) {

    public MonthPull {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(status, "status");
        files = List.copyOf(files);
        failures = List.copyOf(failures);
    }

    /** A month the provider has not published yet. */
    public static MonthPull notYetAvailable(String provider, String name, YearMonth month,
            LocalDate availableAbout) {
        return new MonthPull(provider, name, month, PullStatus.NOT_YET_AVAILABLE, availableAbout,
                List.of(), List.of(), null);
    }
}
