package dev.aicarbon.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A workload of a project (a training run family, an inference API, a data pipeline). */
@Entity
@Table(name = "workload")
public class Workload extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "workload_seq", sequenceName = "workload_seq", allocationSize = 1)
    @GeneratedValue(generator = "workload_seq")
    public Long id;

    @Column(name = "project_id", nullable = false)
    public Long projectId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
