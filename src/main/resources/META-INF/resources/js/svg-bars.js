// A small horizontal stacked-bar chart in SVG, enough for every view of the dashboard.
//
// Each bar is one row of a figure's table; each segment one of its amount columns. The chart
// reads the same row objects the table and the CSV are made of, so it cannot show a figure
// the table does not list. Lengths use floats; the labels come from the exact strings.
import { toNumber } from './decimal.js';
import { formatPlain } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 860;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 170;
/** Longer labels are cut with an ellipsis; the full label stays in the bar's tooltip. */
const LABEL_CHARACTERS = 36;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const LEGEND_HEIGHT = 26;
const ROW_HEIGHT = 20;
const BAR_HEIGHT = 14;
const GROUP_HEIGHT = 20;
const AXIS_HEIGHT = 26;

function element(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/**
 * Draws `rows` as bars.
 *
 * @param chart {series: [{key, label, className}], unit, barLabel(row), valueLabel(row),
 *              tooltip(value), and optionally group(row), bucket(row), marker(row) ->
 *              {value, label}, segmentClass(row, series), sideBySide (compare, do not stack)}
 * @param ids   {id, title, description}: the figure's id and its accessible name
 */
export function drawBars(chart, rows, ids) {
  const lines = layout(chart, rows);
  const height = LEGEND_HEIGHT + lines.height + AXIS_HEIGHT;
  const svg = element('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, role: 'img',
    'aria-labelledby': `${ids.id}-title ${ids.id}-desc`, 'data-chart-svg': ids.id,
  });
  svg.append(element('title', { id: `${ids.id}-title` }, ids.title));
  svg.append(element('desc', { id: `${ids.id}-desc` }, ids.description));
  svg.append(hatchPattern(ids.id));
  svg.append(legend(chart.series));

  const max = niceMax(largest(chart, rows));
  const scale = (value) => (Math.max(0, value) / max) * PLOT_WIDTH;
  svg.append(axis(max, scale, LEGEND_HEIGHT + lines.height, chart.unit));
  for (const line of lines.items) {
    svg.append(line.kind === 'group'
      ? element('text', { x: 4, y: line.y + 14, class: 'group-label' }, line.text)
      : bar(chart, line.row, line.y, scale, ids.id));
  }
  return svg;
}

/** Rows in order, with a header line each time the group changes. */
function layout(chart, rows) {
  const items = [];
  let y = LEGEND_HEIGHT;
  let currentGroup;
  for (const row of rows) {
    const group = chart.group ? chart.group(row) : undefined;
    if (group !== undefined && group !== currentGroup) {
      items.push({ kind: 'group', text: group, y });
      y += GROUP_HEIGHT;
      currentGroup = group;
    }
    items.push({ kind: 'bar', row, y });
    y += ROW_HEIGHT;
  }
  return { items, height: y - LEGEND_HEIGHT };
}

function largest(chart, rows) {
  let max = 0;
  for (const row of rows) {
    const values = chart.series.map((s) => Math.max(0, toNumber(row[s.key])));
    const length = chart.sideBySide ? Math.max(...values) : values.reduce((a, b) => a + b, 0);
    const marker = chart.marker ? chart.marker(row) : null;
    max = Math.max(max, length, marker ? toNumber(marker.value) : 0);
  }
  return max;
}

/** The smallest 1, 2 or 5 times a power of ten that holds `max` in at most five ticks. */
function niceMax(max) {
  if (max <= 0) {
    return 1;
  }
  const step = niceStep(max / 5);
  return Math.ceil(max / step) * step;
}

function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= rough);
  return multiple * power;
}

function axis(max, scale, y, unit) {
  const group = element('g', { class: 'x-axis' });
  const step = niceStep(max / 5);
  group.append(element('line', { x1: LABEL_WIDTH, x2: LABEL_WIDTH + PLOT_WIDTH, y1: y + 2, y2: y + 2, class: 'axis' }));
  for (let tick = 0; tick <= max + step / 2; tick += step) {
    const x = LABEL_WIDTH + scale(tick);
    group.append(element('line', { x1: x, x2: x, y1: LEGEND_HEIGHT, y2: y + 4, class: 'axis' }));
    // Ticks are axis labels, not figures: a float is fine here.
    group.append(element('text', { x, y: y + 16, 'text-anchor': 'middle', class: 'tick' },
      formatPlain(String(Number(tick.toPrecision(12))))));
  }
  // The unit sits left of the axis, where no tick label can run into it.
  group.append(element('text', { x: LABEL_WIDTH - 6, y: y + 16, 'text-anchor': 'end', class: 'tick' }, unit));
  return group;
}

function legend(series) {
  const group = element('g', { class: 'legend' });
  let x = LABEL_WIDTH;
  for (const s of series) {
    group.append(element('rect', { x, y: 6, width: 12, height: 12, class: s.className }));
    const text = element('text', { x: x + 16, y: 16 }, s.label);
    group.append(text);
    x += 24 + s.label.length * 6.2;
  }
  return group;
}

function hatchPattern(id) {
  const defs = element('defs');
  const pattern = element('pattern', {
    id: `${id}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  });
  pattern.append(element('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#fff', 'stroke-width': 2.5 }));
  defs.append(pattern);
  return defs;
}

function bar(chart, row, y, scale, id) {
  const group = element('g', { class: 'bar' });
  const bucket = chart.bucket ? chart.bucket(row) : false;
  const label = chart.barLabel(row);
  const fullLabel = bucket ? `${label} (bucket)` : label;
  const text = element('text', {
    x: LABEL_WIDTH - 6, y: y + 12, 'text-anchor': 'end', class: bucket ? 'bar-label bucket' : 'bar-label',
  }, shortened(fullLabel));
  text.append(element('title', {}, fullLabel));
  group.append(text);
  const x = chart.sideBySide
    ? sideBySide(chart, row, y, scale, label, group)
    : stacked(chart, row, y, scale, label, group);
  if (bucket && x > LABEL_WIDTH) {
    // Hatching keeps buckets apart from projects without relying on colour.
    group.append(element('rect', {
      x: LABEL_WIDTH, y: y + 3, width: x - LABEL_WIDTH, height: BAR_HEIGHT,
      fill: `url(#${id}-hatch)`, 'pointer-events': 'none',
    }));
  }
  group.append(markerLine(chart, row, y, scale));
  group.append(element('text', { x: x + 6, y: y + 13, class: 'value-label' }, chart.valueLabel(row)));
  return group;
}

/** Segments end to end: parts of one whole (the scopes of a total). */
function stacked(chart, row, y, scale, label, group) {
  let x = LABEL_WIDTH;
  for (const s of chart.series) {
    const width = scale(toNumber(row[s.key]));
    group.append(segment(chart, row, s, { x, y: y + 3, width, height: BAR_HEIGHT }, label));
    x += width;
  }
  return x;
}

/** Thin bars one above the other: figures to compare, which must not be added up. */
function sideBySide(chart, row, y, scale, label, group) {
  const height = BAR_HEIGHT / chart.series.length;
  let end = LABEL_WIDTH;
  chart.series.forEach((s, index) => {
    const width = scale(toNumber(row[s.key]));
    group.append(segment(chart, row, s, { x: LABEL_WIDTH, y: y + 3 + index * height, width, height }, label));
    end = Math.max(end, LABEL_WIDTH + width);
  });
  return end;
}

function segment(chart, row, s, box, label) {
  const className = chart.segmentClass ? chart.segmentClass(row, s) : s.className;
  const rect = element('rect', { ...box, class: className, 'data-series': s.key, 'data-value': row[s.key] ?? '' });
  rect.append(element('title', {}, `${label}, ${s.label}: ${chart.tooltip(row[s.key])}`));
  return rect;
}

function shortened(label) {
  return label.length <= LABEL_CHARACTERS ? label : `${label.slice(0, LABEL_CHARACTERS - 1)}…`;
}

function markerLine(chart, row, y, scale) {
  const marker = chart.marker ? chart.marker(row) : null;
  if (!marker) {
    return element('g');
  }
  const x = LABEL_WIDTH + scale(toNumber(marker.value));
  const line = element('line', { x1: x, x2: x, y1: y, y2: y + ROW_HEIGHT, class: 'limit-marker' });
  line.append(element('title', {}, marker.label));
  return line;
}
