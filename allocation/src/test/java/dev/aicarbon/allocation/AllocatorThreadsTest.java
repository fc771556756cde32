package dev.aicarbon.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocatorThreadsTest {

    /** Enough lines to go past {@link Allocator#MIN_LINES_FOR_THREADS}, over 15 accounts. */
    private static final int LINES_OVER_THE_THRESHOLD = 3 * Allocator.MIN_LINES_FOR_THREADS;

    @Test
    void allocatesAWholeMonthOnSeveralThreadsExactlyAsOnOne() {
        List<UsageLine> lines = AllocatorThroughputBenchmark.lines(LINES_OVER_THE_THRESHOLD, 7);
        List<EmissionsCell> cells = AllocatorThroughputBenchmark.cells(8);

        AllocationResult single = Allocator.singleThreaded(AllocationPolicy.DEFAULT)
                .allocate(cells, lines);
        AllocationResult threaded = new Allocator(AllocationPolicy.DEFAULT, 3)
                .allocate(cells, lines);

        assertThat(threaded.allocations()).containsExactlyElementsOf(single.allocations());
        assertThat(threaded).isEqualTo(single);
    }

    @Test
    void refusesFewerThanOneThread() {
        assertThatThrownBy(() -> new Allocator(AllocationPolicy.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
