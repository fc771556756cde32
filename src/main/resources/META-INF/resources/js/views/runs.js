// The latest month closes and their data quality: rows read, accepted and quarantined.
import { getJson } from '../api.js';
import { formatPlain } from '../format.js';
import { renderFigure } from '../figure.js';
import { fill, note, refuse } from '../panel.js';

const PANEL = 'panel-runs';
const SHOWN = 12;

/** Fetches the closes and returns the step that draws them (or the refusal: 403 for viewers). */
export async function loadRuns(filters) {
  let runs;
  try {
    runs = await getJson('/api/v1/runs');
  } catch (error) {
    return () => refuse(PANEL, error);
  }
  const inRange = runs
    .filter((run) => run.month >= filters.from && run.month <= filters.to)
    .slice(0, SHOWN);
  return () => fill(PANEL, inRange.length
    ? [note('A close covers every provider and project: only the month filter applies.'), renderFigure(model(inRange))]
    : [note(`No month close of ${filters.from} to ${filters.to} is recorded.`)]);
}

function counts(run, stageName) {
  return (run.stages ?? []).find((stage) => stage.name === stageName)?.counts ?? {};
}

function model(runs) {
  const rows = runs.map((run) => {
    const imported = counts(run, 'import');
    const validated = counts(run, 'validate');
    return {
      runId: run.runId, month: run.month, status: run.status, exitCode: run.exitCode,
      triggeredBy: run.triggeredBy, files: imported.files, read: imported.rowsRead,
      accepted: imported.rowsAccepted, quarantined: imported.rowsQuarantined,
      share: validated.quarantinedShare, threshold: validated.threshold, startedAt: run.startedAt,
    };
  });
  return {
    id: 'runs',
    caption: 'Month closes, newest first: rows imported',
    description: 'Rows each close imported, accepted and quarantined (quarantined rows are kept, '
      + 'with the reason, and count against the close\'s threshold).',
    columns: [
      { key: 'runId', csv: 'run_id', heading: 'Close', kind: 'text' },
      { key: 'month', csv: 'month', heading: 'Month', kind: 'text' },
      { key: 'status', csv: 'status', heading: 'Status', kind: 'text' },
      { key: 'exitCode', csv: 'exit_code', heading: 'Exit code', kind: 'text' },
      { key: 'triggeredBy', csv: 'triggered_by', heading: 'Triggered by', kind: 'text' },
      { key: 'files', csv: 'files', heading: 'Files', kind: 'count' },
      { key: 'read', csv: 'rows_read', heading: 'Rows read', kind: 'count' },
      { key: 'accepted', csv: 'rows_accepted', heading: 'Rows accepted', kind: 'count' },
      { key: 'quarantined', csv: 'rows_quarantined', heading: 'Rows quarantined', kind: 'count' },
      { key: 'share', csv: 'quarantined_share', heading: 'Quarantined share (0–1)', kind: 'decimal' },
      { key: 'threshold', csv: 'quarantined_share_threshold', heading: 'Threshold (0–1)', kind: 'decimal' },
      { key: 'startedAt', csv: 'started_at', heading: 'Started', kind: 'text' },
    ],
    rows,
    chart: {
      series: [
        { key: 'accepted', label: 'Rows accepted', className: 'series-accepted' },
        { key: 'quarantined', label: 'Rows quarantined', className: 'series-quarantined' },
      ],
      unit: 'rows', barLabel: (row) => `#${row.runId} ${row.month} · ${row.status}`,
      valueLabel: (row) => `${formatPlain(row.quarantined)} quarantined`, tooltip: formatPlain,
    },
  };
}
