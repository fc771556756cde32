package dev.aicarbon.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of an import that could not be used, kept with the reason. */
@Entity
@Table(name = "quarantined_row")
public class QuarantinedRow extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "quarantined_row_seq", sequenceName = "quarantined_row_seq", allocationSize = 50)
    @GeneratedValue(generator = "quarantined_row_seq")
    public Long id;

    @Column(name = "import_id", nullable = false)
    public Long importId;

    @Column(name = "row_number", nullable = false)
    public int rowNumber;

    @Column(name = "column_name")
    public String columnName;

    @Column(nullable = false)
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw_values", nullable = false)
    public Map<String, String> rawValues;

    public static List<QuarantinedRow> listForImport(long importId, int limit) {
        return find("importId = ?1 order by rowNumber", importId).page(0, limit).list();
    }
}
