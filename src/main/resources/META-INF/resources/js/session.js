// The bearer token of this browser tab. Session storage rather than local storage: the token
// is gone when the tab closes, and no other tab of the same origin reads it by accident.

const STORAGE_KEY = 'carbon.bearerToken';

export function token() {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function store(value) {
  sessionStorage.setItem(STORAGE_KEY, value.trim().replace(/^Bearer\s+/i, ''));
}

export function forget() {
  sessionStorage.removeItem(STORAGE_KEY);
}

/**
 * The token's claims, read for display only (who is signed in, which projects). The service
 * checks the signature and the role on every request; nothing here grants anything.
 */
export function claims() {
  const value = token();
  if (!value) {
    return null;
  }
  try {
    const payload = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')));
  } catch {
    return null;
  }
}

/** "test-admin (admin)" or "viewer (project-viewer: beta)", or the raw subject if unsure. */
export function describe() {
  const c = claims();
  if (!c) {
    return 'signed in';
  }
  const role = Array.isArray(c.groups) ? c.groups.join(', ') : 'no role';
  const projects = Array.isArray(c.projects) && c.projects.length ? `: ${c.projects.join(', ')}` : '';
  return `${c.upn ?? c.sub ?? 'signed in'} (${role}${projects})`;
}
