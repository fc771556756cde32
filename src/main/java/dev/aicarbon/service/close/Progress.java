package dev.aicarbon.service.close;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Times the stages of a close and reports each as one line with its counts. */
final class Progress {

    private final Consumer<String> out;
    private final List<CloseReport.Stage> stages = new ArrayList<>();

    Progress(Consumer<String> out) {
        this.out = out;
    }

    Map<String, Object> stage(String name, Supplier<Map<String, Object>> work) {
        long start = System.nanoTime();
        out.accept(String.format("[%-8s] started", name));
        Map<String, Object> counts = work.get();
        record(name, start, counts);
        return counts;
    }

    <T> Optional<T> stageResult(String name, Supplier<Optional<T>> work) {
        long start = System.nanoTime();
        out.accept(String.format("[%-8s] started", name));
        Optional<T> result = work.get();
        record(name, start, Map.of("published", result.isPresent()));
        return result;
    }

    List<CloseReport.Stage> stages() {
        return List.copyOf(stages);
    }

    private void record(String name, long start, Map<String, Object> counts) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        stages.add(new CloseReport.Stage(name, millis, counts));
        out.accept(String.format("[%-8s] done in %d ms %s", name, millis, counts));
    }
}
