package dev.aicarbon.service.close;

/** How a month close ended, and the exit code a scheduler acts on. */
public enum CloseOutcome {
    DONE("done", 0),
    FAILED("failed", 1),
    /** Providers have not published the month yet: try again later. */
    NOTHING_TO_DO("nothing-to-do", 3),
    /** Too large a share of the month's rows was quarantined: someone must look first. */
    QUALITY_THRESHOLD_EXCEEDED("quality-threshold-exceeded", 4),
    /** Another close of the same month holds the lock: this one refused, changing nothing. */
    ALREADY_RUNNING("already-running", 5);

    private final String label;
    private final int exitCode;

    CloseOutcome(String label, int exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    public String label() {
        return label;
    }

    public int exitCode() {
        return exitCode;
    }
}
