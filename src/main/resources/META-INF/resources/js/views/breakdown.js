// Breakdown of the months in range by one dimension, stacked by scope, one figure per basis.
import { sum } from '../decimal.js';
import { formatKg, keyLabel } from '../format.js';
import { renderFigure } from '../figure.js';
import { fill, note } from '../panel.js';
import { BASES, amountColumns, amountsOf, basisLabel, methodLabel, scopeSeries } from '../emissions-columns.js';

const PANEL = 'panel-breakdown';

/** @param rows API rows grouped by `dimension` (and provider under a provider filter) */
export function renderBreakdown(rows, filters, dimension) {
  const figures = BASES
    .map((basis) => rows.filter((row) => row.basis === basis))
    .filter((basisRows) => basisRows.length > 0)
    .map((basisRows) => renderFigure(model(basisRows, filters, dimension)));
  fill(PANEL, figures.length ? figures : [note(`No published emissions from ${filters.from} to ${filters.to}.`)]);
}

function model(apiRows, filters, dimension) {
  const basis = apiRows[0].basis;
  const showProvider = filters.provider && dimension !== 'provider';
  const rows = apiRows.map((row) => ({
    [dimension]: row[dimension], provider: row.provider, basis: row.basis,
    ...amountsOf(row, filters.method), flags: (row.flags ?? []).join(' '),
  }));
  const keyColumns = [
    { key: dimension, csv: dimension, heading: dimension[0].toUpperCase() + dimension.slice(1), kind: 'text' },
    ...(showProvider ? [{ key: 'provider', csv: 'provider', heading: 'Provider', kind: 'text' }] : []),
    { key: 'basis', csv: 'basis', heading: 'Basis', kind: 'text' },
  ];
  return {
    id: `breakdown-${dimension}-${basis}`,
    caption: `By ${dimension}: ${basisLabel(basis)}, ${methodLabel(filters.method)}, ${filters.from} to ${filters.to}`,
    description: `kgCO2e per ${dimension} over the months in range, stacked by scope; `
      + `(none) is emissions the source gave no ${dimension} for.`,
    columns: [...keyColumns, ...amountColumns(filters.method),
      { key: 'flags', csv: 'flags', heading: 'Flags', kind: 'text' }],
    rows,
    chart: {
      series: scopeSeries(filters.method), unit: 'kgCO2e',
      barLabel: (row) => keyLabel(row[dimension]),
      valueLabel: (row) => formatKg(row.total), tooltip: formatKg,
    },
    totals: [{ key: basis, label: `Total drawn (${basis}, ${methodLabel(filters.method)})`,
      kg: sum(rows.map((row) => row.total)) }],
  };
}
