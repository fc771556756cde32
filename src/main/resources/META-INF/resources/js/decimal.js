// Exact decimal arithmetic on the API's amounts.
//
// The API sends kgCO2e as exact decimals (up to 12 places). api.js keeps each JSON number
// as the text it was written with; the sums here use BigInt so that a total on the page
// equals, digit for digit, the total the API computes. Floating point is used only for
// geometry (bar lengths), never for a figure that is shown or exported.

const PATTERN = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Parses a decimal string into {digits: BigInt, scale}; throws on anything else. */
export function parse(text) {
  const match = PATTERN.exec(String(text).trim());
  if (!match) {
    throw new Error(`not a decimal number: '${text}'`);
  }
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let digits = BigInt(sign + whole + fraction);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

function rescale(value, scale) {
  return value.digits * 10n ** BigInt(scale - value.scale);
}

/** The exact sum of decimal strings, as a plain decimal string without trailing zeros. */
export function sum(values) {
  const parsed = values.filter((value) => value !== null && value !== undefined).map(parse);
  const scale = Math.max(0, ...parsed.map((value) => value.scale));
  const total = parsed.reduce((acc, value) => acc + rescale(value, scale), 0n);
  return toText(total, scale);
}

/** a - b, exactly. */
export function subtract(a, b) {
  const negated = parse(b);
  return sum([a, toText(-negated.digits, negated.scale)]);
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a, b) {
  const difference = parse(subtract(a, b)).digits;
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

function toText(digits, scale) {
  const negative = digits < 0n;
  let text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  let whole = text.slice(0, text.length - scale);
  let fraction = text.slice(text.length - scale).replace(/0+$/, '');
  const plain = fraction ? `${whole}.${fraction}` : whole;
  return negative && plain !== '0' ? `-${plain}` : plain;
}

/** Rounds half away from zero to `places` decimals, exactly. */
export function round(text, places) {
  const value = parse(text);
  if (value.scale <= places) {
    return toText(value.digits * 10n ** BigInt(places - value.scale), places);
  }
  const divisor = 10n ** BigInt(value.scale - places);
  const magnitude = value.digits < 0n ? -value.digits : value.digits;
  let rounded = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) {
    rounded += 1n;
  }
  return toText(value.digits < 0n ? -rounded : rounded, places);
}

/** 100 x part / whole, to `places` decimals; null when whole is zero (no share to show). */
export function percent(part, whole, places = 1) {
  const p = parse(part);
  const w = parse(whole);
  const scale = Math.max(p.scale, w.scale);
  const numerator = rescale(p, scale) * 100n * 10n ** BigInt(places + 1);
  const denominator = rescale(w, scale);
  if (denominator === 0n) {
    return null;
  }
  // One extra digit, then round() settles it half away from zero.
  return round(toText(numerator / denominator, places + 1), places);
}

/** Kilograms to tonnes: a shift of the decimal point, so exact. */
export function kgToTonnes(text) {
  const value = parse(text);
  return toText(value.digits, value.scale + 3);
}

/** Groups the integer part in thousands with commas: 12345.6 -> 12,345.6. */
export function group(text) {
  const [whole, fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction !== undefined ? `.${fraction}` : '');
}

/** A float for drawing only: bar lengths and axis scales, never a shown figure. */
export function toNumber(text) {
  return text === null || text === undefined ? 0 : Number(text);
}
