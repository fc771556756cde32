package dev.aicarbon.allocation.methodology;

import java.util.List;

/**
 * The inputs name something they do not define, define something twice, or contradict
 * themselves, so that some emissions could only be computed by assuming a value. Lists every
 * problem found, not only the first.
 */
public final class UnresolvedReferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public UnresolvedReferenceException(List<String> problems) {
        super(problems.size() + " unresolved reference(s) in methodology inputs: "
                + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per problem, in a stable order; never empty. */
    public List<String> problems() {
        return problems;
    }
}
