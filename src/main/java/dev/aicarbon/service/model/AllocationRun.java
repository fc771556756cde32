package dev.aicarbon.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One allocation of a month. At most one run per month is published ({@code current}, or
 * {@code stale} once an input was restated); earlier runs are kept as {@code superseded}.
 */
@Entity
@Table(name = "allocation_run")
public class AllocationRun extends PanacheEntityBase {

    public static final String CURRENT = "current";
    public static final String STALE = "stale";
    public static final String SUPERSEDED = "superseded";

    /** Keys of {@link #totals} besides the bucket labels. */
    public static final String INPUT = "input";
    public static final String PROJECTS = "projects";

    @Id
    @SequenceGenerator(name = "allocation_run_seq", sequenceName = "allocation_run_seq", allocationSize = 1)
    @GeneratedValue(generator = "allocation_run_seq")
    public Long id;

    @Column(nullable = false)
    public String month;

    @Column(nullable = false)
    public String status;

    @Column(name = "usage_metric", nullable = false)
    public String usageMetric;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(name = "superseded_by")
    public Long supersededBy;

    @Column(name = "cells_read", nullable = false)
    public int cellsRead;

    @Column(name = "lines_read", nullable = false)
    public int linesRead;

    @Column(name = "cells_matched", nullable = false)
    public int cellsMatched;

    @Column(name = "cells_unmatched", nullable = false)
    public int cellsUnmatched;

    @Column(name = "lines_used", nullable = false)
    public int linesUsed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "allocation_run_total", joinColumns = @JoinColumn(name = "run_id"))
    @MapKeyColumn(name = "part")
    public Map<String, KgCo2eAmounts> totals = new LinkedHashMap<>();

    public static Optional<AllocationRun> findPublished(String month) {
        return find("month = ?1 and status in (?2, ?3)", month, CURRENT, STALE).firstResultOptional();
    }
}
