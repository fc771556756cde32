// The buckets: provider-reported emissions no project carries (unallocated: usage without a
// project tag; unmatched: emissions no usage line matched) and modelled capacity nobody
// used (unused-capacity). Each is set against its month's total so that a gap stays visible.
import { percent, sum } from '../decimal.js';
import { formatKg, formatPercent } from '../format.js';
import { renderFigure } from '../figure.js';
import { fill, note } from '../panel.js';
import { BASES, BUCKETS, amountsOf, basisLabel, methodLabel } from '../emissions-columns.js';

const PANEL = 'panel-buckets';

/** @param rows the rows of the time view: grouped by month and project */
export function renderBuckets(rows, filters) {
  if (filters.project) {
    fill(PANEL, [note('Buckets belong to no project: clear the project filter to see them.')]);
    return;
  }
  const figures = BASES
    .map((basis) => rows.filter((row) => row.basis === basis))
    .filter((basisRows) => basisRows.some((row) => BUCKETS.has(row.project)))
    .map((basisRows) => renderFigure(model(basisRows, filters)));
  fill(PANEL, figures.length ? figures : [note(
    'No bucket rows in range: either everything was attributed to projects, or your token covers projects only.')]);
}

function model(basisRows, filters) {
  const basis = basisRows[0].basis;
  const monthTotals = totalsByMonth(basisRows, filters.method);
  const rows = basisRows
    .filter((row) => BUCKETS.has(row.project))
    .map((row) => {
      const total = amountsOf(row, filters.method).total;
      const monthTotal = monthTotals.get(row.month);
      return {
        month: row.month, bucket: row.project, basis, total, monthTotal,
        share: percent(total, monthTotal, 1),
      };
    });
  const m = filters.method;
  return {
    id: `buckets-${basis}`,
    caption: `Buckets: ${basisLabel(basis)}, ${methodLabel(m)}`,
    description: 'kgCO2e per month left in a bucket, with its share of that month\'s total of the same basis.',
    columns: [
      { key: 'month', csv: 'month', heading: 'Month', kind: 'text' },
      { key: 'bucket', csv: 'bucket', heading: 'Bucket', kind: 'text' },
      { key: 'basis', csv: 'basis', heading: 'Basis', kind: 'text' },
      { key: 'total', csv: `total_${m}_kgco2e`, heading: `In the bucket, ${m}-based (kgCO2e)`, kind: 'kg' },
      { key: 'monthTotal', csv: `month_total_${m}_kgco2e`, heading: `Month total, ${m}-based (kgCO2e)`, kind: 'kg' },
      { key: 'share', csv: 'share_of_month_percent', heading: 'Share of the month', kind: 'percent' },
    ],
    rows,
    chart: {
      series: [{ key: 'total', label: `In the bucket (${m})`, className: 'series-quarantined' }],
      unit: 'kgCO2e', group: (row) => row.month, barLabel: (row) => row.bucket, bucket: () => true,
      valueLabel: (row) => `${formatKg(row.total)} (${formatPercent(row.share)})`, tooltip: formatKg,
    },
  };
}

/** Exact month totals of one basis: every project and bucket row of the month. */
function totalsByMonth(basisRows, method) {
  const byMonth = new Map();
  for (const row of basisRows) {
    byMonth.set(row.month, [...(byMonth.get(row.month) ?? []), amountsOf(row, method).total]);
  }
  return new Map([...byMonth].map(([month, totals]) => [month, sum(totals)]));
}
