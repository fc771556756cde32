package dev.aicarbon.providers.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A sink that keeps what it is handed, in order, for tests to inspect. */
public final class CollectingSink<T> implements RowSink<T> {

    private final List<T> accepted = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();

    @Override
    public void accept(T record) {
        accepted.add(record);
    }

    @Override
    public void quarantine(RowProblem problem) {
        problems.add(problem);
    }

    public List<T> accepted() {
        return accepted;
    }

    public List<RowProblem> problems() {
        return problems;
    }

    public Optional<RowProblem> problemAtRow(int row) {
        return problems.stream().filter(problem -> problem.row() == row).findFirst();
    }

    public boolean isEmpty() {
        return accepted.isEmpty() && problems.isEmpty();
    }
}
