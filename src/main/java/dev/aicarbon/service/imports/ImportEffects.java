package dev.aicarbon.service.imports;

import java.util.List;

/** What an import changed beyond its own rows: data it replaced, runs it made stale. */
record ImportEffects(List<RestatedKey> restated, List<String> staleMonths) {

    static final ImportEffects NONE = new ImportEffects(List.of(), List.of());
}
