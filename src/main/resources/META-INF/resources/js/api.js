// Requests to the service's /api/v1 with the tab's bearer token.
import { token } from './session.js';

/** An answer other than 2xx, with the status and the service's message. */
export class ApiError extends Error {
  constructor(status, message, path) {
    super(message);
    this.status = status;
    this.path = path;
  }
}

const unauthorisedListeners = [];

/** Called on any 401: the token expired or was refused, so the sign-in comes back. */
export function onUnauthorised(listener) {
  unauthorisedListeners.push(listener);
}

/**
 * GETs `path` with `params` (arrays become repeated parameters) and returns the parsed JSON,
 * every number as its exact source text (see parseExact).
 */
export async function getJson(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    for (const one of [].concat(value)) {
      if (one !== null && one !== undefined && one !== '') {
        url.searchParams.append(name, one);
      }
    }
  }
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json' },
  });
  if (response.status === 401) {
    unauthorisedListeners.forEach((listener) => listener());
    throw new ApiError(401, 'The token was refused or has expired; sign in again.', path);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await errorMessage(response), path);
  }
  return parseExact(await response.text());
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    return body.message ?? `${response.status} ${response.statusText}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

let exactnessWarned = false;

/**
 * JSON.parse would turn 1234.567890123456 into the nearest double; the reviver's source text
 * (JSON.parse source text access, in Chromium since 114) keeps the digits as sent. Counts
 * and ids arrive as strings too, which the views expect.
 */
export function parseExact(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value !== 'number') {
      return value;
    }
    if (context && typeof context.source === 'string') {
      return context.source;
    }
    warnInexact();
    return String(value);
  });
}

function warnInexact() {
  // Not silent: the page says its figures may be rounded by the browser.
  if (!exactnessWarned) {
    exactnessWarned = true;
    document.documentElement.dataset.exactDecimals = 'false';
    console.warn('This browser cannot read JSON numbers exactly; figures past 15 digits may be rounded.');
  }
}
