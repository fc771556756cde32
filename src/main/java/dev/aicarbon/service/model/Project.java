package dev.aicarbon.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An ML project of the registry. Projects are registered through the API or discovered from
 * the {@code ml-project} tag of imported usage; {@code discovered} tells which.
 */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "project_seq", sequenceName = "project_seq", allocationSize = 1)
    @GeneratedValue(generator = "project_seq")
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "display_name")
    public String displayName;

    public String owner;

    public String description;

    @Column(nullable = false)
    public boolean discovered;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Project> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
