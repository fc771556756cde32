package dev.aicarbon.service.imports;

/** The unit a newer export replaces: one provider account's data for one month. */
public record RestatedKey(String provider, String accountId, String month) {
}
