/**
 * "Now" for every check of the extension that depends on today's date: overdue actions, the
 * review-meeting deadline, due-date groups in the tree, hovers, exports and the audit report.
 *
 * The real time, unless the environment of the extension host sets `PIR_NOW` (a `YYYY-MM-DD` date,
 * read as noon UTC, or an ISO instant): the integration suites set it, so that no test expires as
 * the calendar moves on, as `pir lint --now` does for the CLI. Read on every call (cheap), so a test
 * harness may set it before activation. An unreadable value is ignored.
 */
export function now(): Date {
  const fixed = fixedNow();
  return fixed ? new Date(fixed) : new Date();
}

function fixedNow(): number | undefined {
  // the web worker extension host has no process
  const value = typeof process !== 'undefined' ? process.env?.PIR_NOW : undefined;
  if (!value) return undefined;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(t) ? undefined : t;
}
