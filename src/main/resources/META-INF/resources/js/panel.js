// Filling a panel, and what a panel shows when the service refuses its data.

function bodyOf(panelId) {
  return document.querySelector(`#${panelId} .panel-body`);
}

/** Replaces the panel's content with `nodes` and marks it shown. */
export function fill(panelId, nodes) {
  const panel = document.getElementById(panelId);
  panel.dataset.state = 'shown';
  bodyOf(panelId).replaceChildren(...nodes);
}

/** A short paragraph for notes under a heading. */
export function note(text, className = 'note') {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/**
 * Shows why the panel has no figures. A 403 means this role may not see the data at all
 * (viewers and runs), so the panel's content is hidden and only the reason stays.
 */
export function refuse(panelId, error) {
  const panel = document.getElementById(panelId);
  if (error.status === 403) {
    panel.dataset.state = 'forbidden';
    bodyOf(panelId).replaceChildren(note(
      'Hidden: your role may not see this panel (the service answered 403).', 'note refused'));
    return;
  }
  panel.dataset.state = 'error';
  bodyOf(panelId).replaceChildren(note(`Could not load: ${error.message}`, 'note refused'));
}
