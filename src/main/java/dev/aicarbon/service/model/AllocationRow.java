package dev.aicarbon.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One stored result row of an allocation run: a project or a bucket, with its dimensions. */
@Entity
@Table(name = "allocation_row")
public class AllocationRow extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "allocation_row_seq", sequenceName = "allocation_row_seq", allocationSize = 50)
    @GeneratedValue(generator = "allocation_row_seq")
    public Long id;

    @Column(name = "run_id", nullable = false)
    public Long runId;

    @Column(nullable = false)
    public String month;

    public String project;

    public String bucket;

    public String workload;

    public String stage;

    @Column(nullable = false)
    public String provider;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    public String region;

    public String service;

    /** Sorted, comma-separated flag labels; empty when none. */
    @Column(nullable = false)
    public String flags;

    @Embedded
    public KgCo2eAmounts amounts;
}
