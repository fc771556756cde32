package dev.aicarbon.service.imports;

import dev.aicarbon.service.model.AllocationRun;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.Collection;
import java.util.List;

/**
 * Marks published runs stale when an import changes their inputs: the run stays the
 * month's published result, flagged, until the month is run again.
 */
final class StaleRuns {

    private StaleRuns() {
    }

    /** Marks the current allocation runs of {@code months}; answers the months marked. */
    static List<String> markAllocations(Collection<String> months) {
        if (months.isEmpty()) {
            return List.of();
        }
        List<String> marked = AllocationRun.<AllocationRun>list(
                        "status = ?1 and month in ?2 order by month", AllocationRun.CURRENT, months)
                .stream()
                .map(run -> run.month)
                .toList();
        AllocationRun.update("status = ?1 where status = ?2 and month in ?3",
                AllocationRun.STALE, AllocationRun.CURRENT, months);
        return marked;
    }

    /** Marks the current methodology runs of {@code months}; answers the months marked. */
    static List<String> markMethodology(Collection<String> months) {
        if (months.isEmpty()) {
            return List.of();
        }
        return markMethodologyWhere("month in (:months)", months);
    }

    /** Marks every current methodology run: reference data feeds every month. */
    static List<String> markAllMethodology() {
        return markMethodologyWhere("true", null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> markMethodologyWhere(String condition, Collection<String> months) {
        var query = Panache.getEntityManager().createNativeQuery(
                "update methodology_run set status = 'stale' where status = 'current' and "
                        + condition + " returning month");
        if (months != null) {
            query.setParameter("months", months);
        }
        return ((List<Object>) query.getResultList()).stream()
                .map(Object::toString)
                .sorted()
                .toList();
    }
}
