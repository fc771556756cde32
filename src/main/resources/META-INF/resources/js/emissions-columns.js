// The emissions columns every emissions figure shares, for the chosen scope 2 method.
//
// Location-based and market-based are two readings of the same emissions: the switch picks
// which scope 2, scope-combined and total columns are drawn and exported; the other set is
// not shown at all, so the two are never mixed in one figure.

export const BASES = ['provider-reported', 'modelled'];
export const BUCKETS = new Set(['unallocated', 'unmatched', 'unused-capacity']);

const API_FIELDS = {
  location: { scope2: 'scope2LocationKgCo2e', combined: 'scopeCombinedLocationKgCo2e', total: 'totalLocationKgCo2e' },
  market: { scope2: 'scope2MarketKgCo2e', combined: 'scopeCombinedMarketKgCo2e', total: 'totalMarketKgCo2e' },
};

/** The amounts of one API row under `method`, keyed as the columns below. */
export function amountsOf(apiRow, method) {
  const fields = API_FIELDS[method];
  return {
    scope1: apiRow.scope1KgCo2e,
    scope2: apiRow[fields.scope2],
    scope3: apiRow.scope3KgCo2e,
    combined: apiRow[fields.combined],
    total: apiRow[fields.total],
  };
}

/** The API field a column reads; the E2E test and docs/dashboard.md use the same mapping. */
export function apiFieldOf(columnKey, method) {
  return { scope1: 'scope1KgCo2e', scope3: 'scope3KgCo2e' }[columnKey] ?? API_FIELDS[method][columnKey];
}

export function amountColumns(method) {
  const m = method;
  return [
    { key: 'scope1', csv: 'scope1_kgco2e', heading: 'Scope 1 (kgCO2e)', kind: 'kg' },
    { key: 'scope2', csv: `scope2_${m}_kgco2e`, heading: `Scope 2, ${m}-based (kgCO2e)`, kind: 'kg' },
    { key: 'scope3', csv: 'scope3_kgco2e', heading: 'Scope 3 (kgCO2e)', kind: 'kg' },
    { key: 'combined', csv: `scope_combined_${m}_kgco2e`, heading: `Scope-combined, ${m}-based (kgCO2e)`, kind: 'kg' },
    { key: 'total', csv: `total_${m}_kgco2e`, heading: `Total, ${m}-based (kgCO2e)`, kind: 'kg' },
  ];
}

export function scopeSeries(method) {
  return [
    { key: 'scope1', label: 'Scope 1', className: 'series-scope1' },
    { key: 'scope2', label: `Scope 2 (${method})`, className: 'series-scope2' },
    { key: 'scope3', label: 'Scope 3', className: 'series-scope3' },
    { key: 'combined', label: `Scope-combined (${method})`, className: 'series-combined' },
  ];
}

export function basisLabel(basis) {
  return basis === 'modelled' ? 'Modelled (seven-step methodology)' : 'Provider-reported (allocated)';
}

export function methodLabel(method) {
  return method === 'market' ? 'market-based' : 'location-based';
}
