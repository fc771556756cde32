package dev.aicarbon.service.methodology;

import java.util.List;

/** The stored methodology inputs do not resolve; every problem is named. Answered with 422. */
public class MethodologyInputException extends RuntimeException {

    private final List<String> problems;

    public MethodologyInputException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
