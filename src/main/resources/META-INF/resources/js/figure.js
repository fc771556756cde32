// One figure of the dashboard: caption, chart, totals, the table it draws, and its CSV.
//
// A figure is described once ({id, caption, description, columns, rows, chart, totals}); the
// chart, the table and the CSV are all made from the same rows, so the download holds
// exactly the figures drawn. Amount columns carry their unit in the CSV header
// (scope1_kgco2e) and the exact value in the table's data-value.
import { group } from './decimal.js';
import { drawBars } from './svg-bars.js';
import { formatKg, formatPercent, formatPlain, formatTonnesConversion, keyLabel } from './format.js';

const liveDownloads = new Set();

/** Frees the CSV blobs of figures about to be replaced. */
export function releaseDownloads() {
  liveDownloads.forEach((url) => URL.revokeObjectURL(url));
  liveDownloads.clear();
}

export function renderFigure(model) {
  const figure = document.createElement('figure');
  figure.dataset.chart = model.id;
  const caption = document.createElement('figcaption');
  caption.textContent = model.caption;
  figure.append(caption);
  figure.append(drawBars(model.chart, model.rows, {
    id: model.id, title: model.caption, description: `${model.description} The table below lists every figure drawn.`,
  }));
  (model.totals ?? []).forEach((total) => figure.append(totalLine(total)));
  figure.append(tools(model));
  figure.append(table(model));
  return figure;
}

function totalLine(total) {
  const line = document.createElement('p');
  line.className = 'totals';
  line.dataset.total = total.key;
  line.dataset.value = total.kg;
  line.textContent = `${total.label}: ${formatKg(total.kg)} ${formatTonnesConversion(total.kg)}`;
  return line;
}

function tools(model) {
  const bar = document.createElement('div');
  bar.className = 'figure-tools';
  const link = document.createElement('a');
  const url = URL.createObjectURL(new Blob([toCsv(model)], { type: 'text/csv;charset=utf-8' }));
  liveDownloads.add(url);
  link.href = url;
  link.download = `${model.id}.csv`;
  link.className = 'download-csv';
  link.textContent = 'Download CSV';
  link.setAttribute('aria-label', `Download CSV of ${model.caption}`);
  bar.append(link);
  return bar;
}

function table(model) {
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = `Table of the figures (${model.rows.length} rows)`;
  details.append(summary);
  const tableElement = document.createElement('table');
  tableElement.dataset.table = model.id;
  const caption = document.createElement('caption');
  caption.textContent = model.caption;
  caption.className = 'visually-hidden';
  tableElement.append(caption, header(model.columns), body(model));
  details.append(tableElement);
  return details;
}

function header(columns) {
  const head = document.createElement('thead');
  const row = document.createElement('tr');
  for (const column of columns) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = column.heading;
    row.append(cell);
  }
  head.append(row);
  return head;
}

function body(model) {
  const tbody = document.createElement('tbody');
  for (const row of model.rows) {
    const tr = document.createElement('tr');
    for (const column of model.columns) {
      tr.append(cell(column, row[column.key]));
    }
    tbody.append(tr);
  }
  return tbody;
}

function cell(column, value) {
  const td = document.createElement('td');
  td.dataset.column = column.csv;
  td.dataset.value = value ?? '';
  td.textContent = shown(column.kind, value);
  if (column.kind !== 'text') {
    td.className = 'number';
    td.title = value ?? '';
  }
  return td;
}

function shown(kind, value) {
  switch (kind) {
    case 'kg': return formatKg(value);
    case 'count': return formatPlain(value);
    case 'decimal': return value === null || value === undefined ? '–' : group(value);
    case 'percent': return formatPercent(value);
    default: return keyLabel(value);
  }
}

/** RFC 4180 CSV of the figure's rows, with exact values. */
export function toCsv(model) {
  const lines = [model.columns.map((column) => csvField(column.csv, 'text'))];
  for (const row of model.rows) {
    lines.push(model.columns.map((column) => csvField(row[column.key], column.kind)));
  }
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

function csvField(value, kind) {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  // A name starting with = + - @ would run as a formula in a spreadsheet; numbers are safe.
  if (kind === 'text' && /^[=+\-@]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
