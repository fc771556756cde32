package dev.aicarbon.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Empties every table, so that no test depends on another's data or order. */
@ApplicationScoped
public class Database {

    @Transactional
    public void reset() {
        Panache.getEntityManager()
                .createNativeQuery("truncate import_batch, quarantined_row, usage_line, emissions_cell,"
                        + " project, workload, allocation_run, allocation_run_total, allocation_row,"
                        + " component_factor, hardware_model_component, datacenter, asset,"
                        + " datacenter_month, consumer_usage, methodology_run,"
                        + " methodology_datacenter_result, methodology_region_result,"
                        + " methodology_consumer_result, estimate, functional_unit, functional_unit_count,"
                        + " budget, offset_record, close_run, sync_run")
                .executeUpdate();
        // Truncation fires no row triggers; move the counter so cached answers are dropped.
        Panache.getEntityManager()
                .createNativeQuery("update data_generation set value = value + 1")
                .executeUpdate();
    }

    @Transactional
    public long count(String table) {
        Object count = Panache.getEntityManager()
                .createNativeQuery("select count(*) from " + table)
                .getSingleResult();
        return ((Number) count).longValue();
    }
}
