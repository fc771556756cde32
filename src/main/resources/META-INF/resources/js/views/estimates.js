// Job estimates against the allocated provider-reported figure of the same project and month.
import { getJson } from '../api.js';
import { subtract, sum } from '../decimal.js';
import { formatKg } from '../format.js';
import { renderFigure } from '../figure.js';
import { fill, note, refuse } from '../panel.js';
import { amountsOf, methodLabel } from '../emissions-columns.js';

const PANEL = 'panel-estimates';
const ESTIMATE_TOTAL = { location: 'totalLocationKgCo2e', market: 'totalMarketKgCo2e' };

/**
 * Fetches the estimates and returns the step that draws the comparison (or the refusal).
 *
 * @param projects the project names to show
 * @param timeRows rows of the time view (month and project), where the allocated figure is
 */
export async function loadEstimates(projects, timeRows, filters) {
  let estimates;
  try {
    const lists = await Promise.all(projects.map((project) =>
      getJson(`/api/v1/projects/${encodeURIComponent(project)}/estimates`)));
    estimates = lists.flat().filter((estimate) => inFilter(estimate, filters));
  } catch (error) {
    return () => refuse(PANEL, error);
  }
  return () => draw(estimates, timeRows, filters);
}

function draw(estimates, timeRows, filters) {
  const { compared, standingIn } = pair(estimates, timeRows, filters);
  const nodes = [];
  if (compared.length) {
    nodes.push(renderFigure(model(compared, filters)));
  }
  if (standingIn.length) {
    nodes.push(note(`Not compared, as no allocation has replaced the estimates yet: ${standingIn.join(', ')}.`));
  }
  fill(PANEL, nodes.length ? nodes : [note('No estimates in range for these projects.')]);
}

function inFilter(estimate, filters) {
  return estimate.month >= filters.from && estimate.month <= filters.to
    && (!filters.provider || estimate.provider === filters.provider);
}

/**
 * Groups estimates by project and month and finds the allocated row of each. A row flagged
 * `estimated` still contains estimates standing in for a provider, so it is no allocated
 * figure to compare against.
 */
function pair(estimates, timeRows, filters) {
  const groups = new Map();
  for (const estimate of estimates) {
    const key = `${estimate.project} ${estimate.month}`;
    groups.set(key, [...(groups.get(key) ?? []), estimate]);
  }
  const compared = [];
  const standingIn = [];
  for (const [key, group] of [...groups].sort()) {
    const [project, month] = key.split(' ');
    const allocated = timeRows.find((row) => row.project === project && row.month === month
      && row.basis === 'provider-reported' && !(row.flags ?? []).includes('estimated'));
    if (!allocated) {
      standingIn.push(`${project} ${month}`);
      continue;
    }
    const estimateKg = sum(group.map((estimate) => estimate[ESTIMATE_TOTAL[filters.method]]));
    const allocatedKg = amountsOf(allocated, filters.method).total;
    compared.push({
      project, month, count: String(group.length), estimate: estimateKg, allocated: allocatedKg,
      difference: subtract(allocatedKg, estimateKg),
    });
  }
  return { compared, standingIn };
}

function model(rows, filters) {
  const m = filters.method;
  return {
    id: 'estimates',
    caption: `Estimates against allocated, ${methodLabel(m)}`,
    description: 'Per project and month, the sum of the job estimates (upper bar) and the allocated '
      + 'provider-reported total (lower bar); the difference is allocated minus estimated.',
    columns: [
      { key: 'project', csv: 'project', heading: 'Project', kind: 'text' },
      { key: 'month', csv: 'month', heading: 'Month', kind: 'text' },
      { key: 'count', csv: 'estimates', heading: 'Estimates', kind: 'count' },
      { key: 'estimate', csv: `estimated_total_${m}_kgco2e`, heading: `Estimated, ${m}-based (kgCO2e)`, kind: 'kg' },
      { key: 'allocated', csv: `allocated_total_${m}_kgco2e`, heading: `Allocated, ${m}-based (kgCO2e)`, kind: 'kg' },
      { key: 'difference', csv: `difference_${m}_kgco2e`, heading: 'Allocated minus estimated (kgCO2e)', kind: 'kg' },
    ],
    rows,
    chart: {
      series: [
        { key: 'estimate', label: 'Estimated', className: 'series-estimate' },
        { key: 'allocated', label: 'Allocated', className: 'series-allocated' },
      ],
      sideBySide: true, unit: 'kgCO2e', barLabel: (row) => `${row.project} · ${row.month}`,
      valueLabel: (row) => `difference ${formatKg(row.difference)}`, tooltip: formatKg,
    },
  };
}
