/**
 * Job estimates: the energy, emissions, water and resource use of one compute job, before it
 * runs (a priori, from its FLOPs), after it ran (a posteriori, from hours and power) or from
 * measured energy; and the measures read off an estimate, the Software Carbon Intensity
 * ({@link dev.aicarbon.allocation.estimate.Sci}) and a budget's status
 * ({@link dev.aicarbon.allocation.estimate.BudgetStatus}).
 *
 * <p>Entry point: {@link dev.aicarbon.allocation.estimate.EstimateCalculator}, whose Javadoc
 * states the formulas as a numbered plan. Nothing is assumed silently: every factor used comes
 * back on the result with its unit and source, every assumption as a flag, and a missing input
 * the method needs fails the estimate with
 * {@link dev.aicarbon.allocation.estimate.InvalidEstimateException} naming the field.
 */
package dev.aicarbon.allocation.estimate;
