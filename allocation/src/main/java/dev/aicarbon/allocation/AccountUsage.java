package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The usage lines of one provider, account and month, with what the shared split needs.
 *
 * <p>Lines are kept in lineId order, the order that breaks ties for the remainder of a split.
 * Line ids are assumed unique; lines sharing an id keep their input order, so only with
 * unique ids is the result independent of the input order.
 */
final class AccountUsage {

    private static final Comparator<WeighedLine> BY_LINE_ID =
            Comparator.comparing(weighed -> weighed.line().lineId());

    /** The usage of an account, provider and month with no lines. */
    static final AccountUsage NONE = new AccountUsage(List.of());

    private final List<WeighedLine> lines;
    private final SortedMap<String, BigDecimal> directWeightByProject;

    AccountUsage(List<WeighedLine> lines) {
        this.lines = lines.stream().sorted(BY_LINE_ID).toList();
        this.directWeightByProject = directWeights(this.lines);
    }

    /**
     * The lines a cell covers: all of them, narrowed to the cell's region and service when the
     * cell names them (exact string equality; a line without a region never matches a cell
     * that names one), and to its resource when it names one (ignoring case, since providers
     * write resource ids in differing case).
     */
    List<WeighedLine> coveredBy(EmissionsCell cell) {
        return lines.stream()
                .filter(weighed -> covers(cell.region(), weighed.line().region()))
                .filter(weighed -> covers(cell.service(), weighed.line().service()))
                .filter(weighed -> coversResource(cell.resourceId(), weighed.line().resourceId()))
                .toList();
    }

    private static boolean coversResource(String cellResource, String lineResource) {
        return cellResource == null || cellResource.equalsIgnoreCase(lineResource);
    }

    /**
     * Each project's total weight over its directly tagged (not shared) lines, across all
     * regions and services; only projects with a positive total, in project name order.
     */
    SortedMap<String, BigDecimal> directWeightByProject() {
        return directWeightByProject;
    }

    private static boolean covers(String cellValue, String lineValue) {
        return cellValue == null || cellValue.equals(lineValue);
    }

    private static SortedMap<String, BigDecimal> directWeights(List<WeighedLine> lines) {
        SortedMap<String, BigDecimal> byProject = new TreeMap<>();
        lines.stream()
                .filter(weighed -> weighed.directProject() != null)
                .forEach(weighed -> byProject.merge(
                        weighed.directProject(), weighed.weight(), BigDecimal::add));
        byProject.values().removeIf(total -> total.signum() == 0);
        return Collections.unmodifiableSortedMap(byProject);
    }
}
