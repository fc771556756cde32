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

/** One imported file. Its content hash makes a second import of the same bytes a no-op. */
@Entity
@Table(name = "import_batch")
public class ImportBatch extends PanacheEntityBase {

    public static final String FOCUS = "focus";
    public static final String EMISSIONS = "emissions";

    @Id
    @SequenceGenerator(name = "import_batch_seq", sequenceName = "import_batch_seq", allocationSize = 1)
    @GeneratedValue(generator = "import_batch_seq")
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String source;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "rows_read", nullable = false)
    public int rowsRead;

    @Column(name = "rows_accepted", nullable = false)
    public int rowsAccepted;

    @Column(name = "rows_quarantined", nullable = false)
    public int rowsQuarantined;

    public static Optional<ImportBatch> findByContent(String kind, String contentSha256) {
        return find("kind = ?1 and contentSha256 = ?2", kind, contentSha256).firstResultOptional();
    }
}
