// The strict-CSP demo page's own script (a file: the policy allows no inline script).
// It shows the policy the page was served with, counts Content-Security-Policy
// violations as they happen, and lists the events the elements send.

const report = document.getElementById('csp-report');
let violations = 0;
document.addEventListener('securitypolicyviolation', (e) => {
  violations += 1;
  report.dataset.violations = String(violations);
  report.textContent = `Content-Security-Policy violations on this page: ${violations} (last: ${e.violatedDirective} ${e.blockedURI || ''})`;
});

// The header as served, so the page documents itself.
fetch(location.href, { method: 'HEAD', cache: 'no-store' }).then((res) => {
  const header = res.headers.get('Content-Security-Policy');
  if (header) document.getElementById('csp-header').textContent = `Content-Security-Policy: ${header}`;
});

const log = document.getElementById('events');
for (const type of ['sharek-error', 'sharek-comment-submitted', 'sharek-vote', 'sharek-sign-in-required', 'sharek-status-change', 'sharek-comment-reported']) {
  document.addEventListener(type, (e) => {
    const item = document.createElement('li');
    const source = e.composedPath()[0];
    const detail = e.error?.message ?? e.status ?? (e.optionIds ? e.optionIds.join(', ') : '');
    item.textContent = `${type} from <${source.localName}${source.id ? `#${source.id}` : ''}>${detail ? `: ${detail}` : ''}`;
    log.append(item);
  });
}
