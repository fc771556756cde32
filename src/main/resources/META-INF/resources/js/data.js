// The emissions requests behind the figures, one per view, with the filters applied.
import { getJson } from './api.js';

/**
 * Rows of GET /api/v1/emissions (or, with a project filter, of that project's emissions)
 * grouped by `keys`, over the filter's months. The API has no provider parameter, so a
 * provider filter adds `provider` to the grouping and keeps that provider's rows: each row
 * drawn is still one row of the API, unchanged.
 */
export async function emissionsRows(filters, keys) {
  const groupBy = [...keys];
  if (filters.provider && !groupBy.includes('provider')) {
    groupBy.push('provider');
  }
  const report = filters.project
    ? await projectReport(filters, groupBy.filter((key) => key !== 'project'))
    : await getJson('/api/v1/emissions', { from: filters.from, to: filters.to, groupBy: groupBy.join(',') });
  return report.rows.filter((row) => !filters.provider || row.provider === filters.provider);
}

async function projectReport(filters, groupBy) {
  const path = `/api/v1/projects/${encodeURIComponent(filters.project)}/emissions`;
  const report = await getJson(path, { from: filters.from, to: filters.to, groupBy: groupBy.join(',') });
  // A project's own view has no project column; put it back so rows read alike everywhere.
  report.rows.forEach((row) => { row.project = filters.project; });
  return report;
}

/** Providers with rows in the filter's months (the options of the provider filter). */
export async function providersInRange(filters) {
  const report = await getJson('/api/v1/emissions', { from: filters.from, to: filters.to, groupBy: 'provider' });
  return [...new Set(report.rows.map((row) => row.provider).filter(Boolean))].sort();
}

/** The latest month with published rows, as the API's default range says. */
export async function latestMonth() {
  const report = await getJson('/api/v1/emissions', { groupBy: 'provider' });
  return report.to;
}

export async function projectNames() {
  const projects = await getJson('/api/v1/projects');
  return projects.map((project) => project.name).sort();
}
