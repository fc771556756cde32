// How figures read on screen. The exact value always stays in the table's data-value and in
// the CSV; the screen rounds to two decimals so that 16.666666666667 reads as 16.67.
import { group, kgToTonnes, round } from './decimal.js';

const SHOWN_PLACES = 2;

/** "12,345.68 kgCO2e"; an absent figure reads as a dash, never as zero. */
export function formatKg(text) {
  if (text === null || text === undefined) {
    return '–';
  }
  return `${group(round(text, SHOWN_PLACES))} kgCO2e`;
}

/** A number without unit, grouped: axis ticks and counts. */
export function formatPlain(text) {
  return text === null || text === undefined ? '–' : group(round(text, SHOWN_PLACES));
}

/** The labelled conversion shown beside totals: "= 12.35 tCO2e (1 t = 1,000 kg)". */
export function formatTonnesConversion(kgText) {
  return `= ${group(round(kgToTonnes(kgText), SHOWN_PLACES))} tCO2e (1 t = 1,000 kg)`;
}

export function formatPercent(text) {
  return text === null || text === undefined ? '–' : `${text} %`;
}

/** A key the API left empty (an account-wide cell has no region) is named, not hidden. */
export function keyLabel(value) {
  return value === null || value === undefined || value === '' ? '(none)' : value;
}
