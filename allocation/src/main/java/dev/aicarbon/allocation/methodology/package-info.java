/**
 * The seven-step methodology: a month's modelled datacenter emissions attributed to the
 * consumers of each region by normalised usage, after the method Azure publishes for its
 * customers' emissions.
 *
 * <ol>
 *   <li>Hardware models' embodied emissions: bills of materials × component factors, per
 *       life-cycle stage, exact.</li>
 *   <li>Each datacenter's month: scope 3 amortised from its assets over the policy's lifetime
 *       (72 months by default), scope 2 as IT energy × PUE × grid factor (location- and
 *       market-based), scope 1 as reported.</li>
 *   <li>Each region: the sum of its datacenters.</li>
 *   <li>Each consumer's normalised usage, weighed by service model.</li>
 *   <li>Each region's emissions per unit of weighted usage (display factors).</li>
 *   <li>Each consumer's emissions: the region's, split exactly over weighted usage.</li>
 *   <li>Conservation: consumers + {@code unused-capacity} = region, per component, exactly.</li>
 * </ol>
 *
 * <p>Units are in the names: {@code KgCo2e}, {@code Kwh}, {@code PerUnit}. Nothing is
 * assumed: a reference to an unknown component, model, datacenter or region fails the
 * computation with {@link dev.aicarbon.allocation.methodology.UnresolvedReferenceException};
 * a datacenter without a report for the month is computed without scope 1 and 2 and marked.
 * Entry point: {@link dev.aicarbon.allocation.methodology.SevenStepModel}.
 */
package dev.aicarbon.allocation.methodology;
