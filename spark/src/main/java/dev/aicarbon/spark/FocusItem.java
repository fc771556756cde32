package dev.aicarbon.spark;

import java.io.Serializable;

/**
 * What became of one FOCUS row: a usage line of the month, a row skipped for a stated reason,
 * or a quarantined row. Every row read yields one item, so the counts add up to the rows read.
 *
 * @param line    set for {@link Kind#USAGE} only
 * @param problem set for {@link Kind#QUARANTINED} only
 */
record FocusItem(Kind kind, LineRow line, LineProblem problem) implements Serializable {

    enum Kind {
        /** ChargeCategory Usage, charge period starting in the job's month: allocated. */
        USAGE,
        /** Another ChargeCategory (Purchase, Tax, Credit, Adjustment): not allocated. */
        NOT_USAGE,
        /** A usage row whose charge period starts in another month: not allocated. */
        OTHER_MONTH,
        /** Unreadable: listed in quarantine.csv. */
        QUARANTINED
    }

    static FocusItem usage(LineRow line) {
        return new FocusItem(Kind.USAGE, line, null);
    }

    static FocusItem skipped(Kind kind) {
        return new FocusItem(kind, null, null);
    }

    static FocusItem quarantined(LineProblem problem) {
        return new FocusItem(Kind.QUARANTINED, null, problem);
    }
}
