package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.RowProblem;

/** A well-formed row a loader cannot store, such as an asset of an unknown hardware model. */
final class RowRefused extends RuntimeException {

    private final transient RowProblem problem;

    RowRefused(RowProblem problem) {
        super(problem.reason(), null, false, false);
        this.problem = problem;
    }

    RowProblem problem() {
        return problem;
    }
}
