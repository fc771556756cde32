// The dashboard's start: sign-in, filters, and one refresh of every panel per change.
import { onUnauthorised } from './api.js';
import { emissionsRows, latestMonth, projectNames, providersInRange } from './data.js';
import { releaseDownloads } from './figure.js';
import * as session from './session.js';
import { renderBreakdown } from './views/breakdown.js';
import { loadBudgets } from './views/budgets.js';
import { renderBuckets } from './views/buckets.js';
import { loadEstimates } from './views/estimates.js';
import { loadRuns } from './views/runs.js';
import { renderTime } from './views/time.js';

/** Months shown by default: the latest allocated month and the two before it. */
const DEFAULT_MONTHS = 3;

const byId = (id) => document.getElementById(id);
let visibleProjects = [];
let generation = 0;

function showSignIn(message) {
  byId('dashboard').hidden = true;
  byId('who').hidden = true;
  byId('sign-out').hidden = true;
  byId('sign-in').hidden = false;
  byId('sign-in-message').textContent = message ?? '';
  document.body.dataset.state = 'signed-out';
}

async function signIn(event) {
  event.preventDefault();
  session.store(byId('token').value);
  byId('token').value = '';
  await start();
}

/** Loads what the filters offer, then draws every panel. */
async function start() {
  try {
    visibleProjects = await projectNames();
    await setUpFilters();
  } catch (error) {
    if (error.status !== 401) {
      showSignIn(`The service could not be read: ${error.message}`);
    }
    return;
  }
  byId('sign-in').hidden = true;
  byId('dashboard').hidden = false;
  byId('who').textContent = `Signed in: ${session.describe()}`;
  byId('who').hidden = false;
  byId('sign-out').hidden = false;
  await refresh();
}

async function setUpFilters() {
  const to = await latestMonth();
  byId('filter-to').value = to;
  byId('filter-from').value = addMonths(to, 1 - DEFAULT_MONTHS);
  fillSelect(byId('filter-project'), visibleProjects);
}

function addMonths(month, count) {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Keeps the first ("all") option and the current choice if it is still offered. */
function fillSelect(select, values) {
  const chosen = select.value;
  const all = select.options[0];
  select.replaceChildren(all, ...values.map((value) => new Option(value, value)));
  select.value = values.includes(chosen) ? chosen : '';
}

function filters() {
  return {
    from: byId('filter-from').value,
    to: byId('filter-to').value,
    provider: byId('filter-provider').value,
    project: byId('filter-project').value,
    method: document.querySelector('input[name="scope2"]:checked').value,
  };
}

/**
 * Redraws every panel for the current filters. A refresh overtaken by a newer one drops its
 * results, so a slow answer never overwrites the figures of a later filter.
 * body[data-requested] and body[data-rendered] say which refresh is on screen.
 */
async function refresh() {
  const mine = ++generation;
  document.body.dataset.requested = String(mine);
  document.body.dataset.state = 'loading';
  byId('status').textContent = 'Loading…';
  const current = filters();
  if (!current.from || !current.to || current.to < current.from) {
    byId('status').textContent = 'Choose a first month no later than the last.';
    return;
  }
  try {
    const drawn = await loadAll(current);
    if (mine !== generation) {
      return;
    }
    releaseDownloads();
    drawn.forEach((draw) => draw());
    byId('status').textContent = `Showing ${current.from} to ${current.to}.`;
    document.body.dataset.rendered = String(mine);
    document.body.dataset.state = 'ready';
  } catch (error) {
    if (error.status !== 401 && mine === generation) {
      byId('status').textContent = `Could not load: ${error.message}`;
      document.body.dataset.state = 'error';
    }
  }
}

/**
 * Fetches everything first and returns the drawing steps, so the page changes in one go.
 * Panels whose data the role may not read draw a refusal, not an error of the page.
 */
async function loadAll(current) {
  const dimension = byId('breakdown-dimension').value;
  const projects = current.project ? [current.project] : visibleProjects;
  const [providers, timeRows, breakdownRows] = await Promise.all([
    providersInRange(current),
    emissionsRows(current, ['month', 'project']),
    emissionsRows(current, [dimension]),
  ]);
  const panelDraws = await Promise.all([
    loadBudgets(projects),
    loadEstimates(projects, timeRows, current),
    loadRuns(current),
  ]);
  return [
    () => fillSelect(byId('filter-provider'), providers),
    () => renderTime(timeRows, current),
    () => renderBreakdown(breakdownRows, current, dimension),
    () => renderBuckets(timeRows, current),
    ...panelDraws,
  ];
}

function wire() {
  byId('sign-in-form').addEventListener('submit', signIn);
  byId('sign-out').addEventListener('click', () => {
    session.forget();
    showSignIn('Signed out.');
  });
  byId('filters').addEventListener('change', () => refresh());
  byId('breakdown-dimension').addEventListener('change', () => refresh());
  onUnauthorised(() => {
    session.forget();
    showSignIn('The service refused the token (401): it is wrong or has expired. Sign in again.');
  });
}

wire();
if (session.token()) {
  start();
} else {
  showSignIn();
}
