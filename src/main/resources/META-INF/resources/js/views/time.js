// Emissions over time: one bar per month and project (buckets included), stacked by scope,
// one figure per basis.
import { sum } from '../decimal.js';
import { formatKg } from '../format.js';
import { renderFigure } from '../figure.js';
import { fill, note } from '../panel.js';
import {
  BASES, BUCKETS, amountColumns, amountsOf, basisLabel, methodLabel, scopeSeries,
} from '../emissions-columns.js';

const PANEL = 'panel-time';

/** @param rows API rows grouped by month and project (and provider under a provider filter) */
export function renderTime(rows, filters) {
  const figures = BASES
    .map((basis) => rows.filter((row) => row.basis === basis))
    .filter((basisRows) => basisRows.length > 0)
    .map((basisRows) => renderFigure(model(basisRows, filters)));
  fill(PANEL, figures.length ? figures : [note(`No published emissions from ${filters.from} to ${filters.to}.`)]);
}

function model(apiRows, filters) {
  const basis = apiRows[0].basis;
  const rows = apiRows.map((row) => ({
    month: row.month, project: row.project, provider: row.provider, basis: row.basis,
    ...amountsOf(row, filters.method), flags: (row.flags ?? []).join(' '),
  }));
  const keyColumns = [
    { key: 'month', csv: 'month', heading: 'Month', kind: 'text' },
    { key: 'project', csv: 'project', heading: 'Project or bucket', kind: 'text' },
    ...(filters.provider ? [{ key: 'provider', csv: 'provider', heading: 'Provider', kind: 'text' }] : []),
    { key: 'basis', csv: 'basis', heading: 'Basis', kind: 'text' },
  ];
  return {
    id: `time-${basis}`,
    caption: `${basisLabel(basis)}, ${methodLabel(filters.method)}, ${filters.from} to ${filters.to}`,
    description: `kgCO2e per month and project, stacked by scope; buckets are hatched.`,
    columns: [...keyColumns, ...amountColumns(filters.method),
      { key: 'flags', csv: 'flags', heading: 'Flags', kind: 'text' }],
    rows,
    chart: {
      series: scopeSeries(filters.method), unit: 'kgCO2e',
      group: (row) => row.month, barLabel: (row) => row.project,
      bucket: (row) => BUCKETS.has(row.project),
      valueLabel: (row) => formatKg(row.total), tooltip: formatKg,
    },
    // Summed exactly over the rows drawn; without filters it equals the API's totals.
    totals: [{ key: basis, label: `Total drawn (${basis}, ${methodLabel(filters.method)})`,
      kg: sum(rows.map((row) => row.total)) }],
  };
}
