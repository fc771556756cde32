package dev.aicarbon.service.imports;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Plain SQL for the reference tables, whose natural keys make upserts the honest write. */
final class NativeSql {

    private NativeSql() {
    }

    /** Runs an update with positional parameters {@code ?1, ?2, ...}; answers the row count. */
    static int update(String sql, Object... parameters) {
        return bind(sql, parameters).executeUpdate();
    }

    /** The first column of every row, as text. */
    @SuppressWarnings("unchecked")
    static Set<String> column(String sql, Object... parameters) {
        Set<String> values = new HashSet<>();
        for (Object value : (List<Object>) bind(sql, parameters).getResultList()) {
            values.add(value.toString());
        }
        return values;
    }

    private static Query bind(String sql, Object... parameters) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
