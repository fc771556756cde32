// Budget status per project: used kgCO2e against the limit, as the service evaluates them.
import { getJson } from '../api.js';
import { formatKg, formatPlain } from '../format.js';
import { renderFigure } from '../figure.js';
import { fill, note, refuse } from '../panel.js';

const PANEL = 'panel-budgets';

/**
 * Fetches the budgets and returns the step that draws them (or the refusal).
 *
 * @param projects the project names to show (the filter's, or every visible project)
 */
export async function loadBudgets(projects) {
  let budgets;
  try {
    const lists = await Promise.all(projects.map((project) =>
      getJson(`/api/v1/projects/${encodeURIComponent(project)}/budgets`)));
    budgets = lists.flat();
  } catch (error) {
    return () => refuse(PANEL, error);
  }
  return () => fill(PANEL, budgets.length
    ? [note('Budgets keep their own months and are measured on location-based totals (the service\'s rule); '
        + 'the month filter and the scope 2 switch do not change them.'), renderFigure(model(budgets))]
    : [note('No budgets are set for these projects.')]);
}

function model(budgets) {
  const rows = budgets.map((budget) => ({
    project: budget.project, stage: budget.stage ?? 'all stages', kind: budget.kind,
    from: budget.from, to: budget.to, limit: budget.limitKgCo2e, used: budget.usedKgCo2e,
    warningShare: budget.warningShare, basis: budget.basis, status: budget.status,
  }));
  return {
    id: 'budgets',
    caption: 'Budgets: used against limit',
    description: 'Used kgCO2e per budget, coloured and named by status; the dashed line is the limit. '
      + 'A per-thousand-units budget reads in kgCO2e per 1,000 functional units.',
    columns: [
      { key: 'project', csv: 'project', heading: 'Project', kind: 'text' },
      { key: 'stage', csv: 'stage', heading: 'Stage', kind: 'text' },
      { key: 'kind', csv: 'kind', heading: 'Kind', kind: 'text' },
      { key: 'from', csv: 'from', heading: 'From', kind: 'text' },
      { key: 'to', csv: 'to', heading: 'To', kind: 'text' },
      { key: 'limit', csv: 'limit_kgco2e', heading: 'Limit (kgCO2e)', kind: 'kg' },
      { key: 'used', csv: 'used_kgco2e', heading: 'Used (kgCO2e)', kind: 'kg' },
      { key: 'warningShare', csv: 'warning_share', heading: 'Warning at share', kind: 'count' },
      { key: 'basis', csv: 'basis', heading: 'Basis', kind: 'text' },
      { key: 'status', csv: 'status', heading: 'Status', kind: 'text' },
    ],
    rows,
    chart: {
      series: [{ key: 'used', label: 'Used (green ok, amber warning, red exceeded)', className: 'series-ok' }],
      unit: 'kgCO2e', barLabel: (row) => `${row.project} · ${row.stage}`,
      segmentClass: (row) => `series-${row.status}`,
      marker: (row) => ({ value: row.limit, label: `Limit ${formatKg(row.limit)}` }),
      valueLabel: (row) => `${row.status} · ${formatPlain(row.used)} / ${formatPlain(row.limit)}`,
      tooltip: formatKg,
    },
  };
}
