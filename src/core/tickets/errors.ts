/** One-line messages for failed tracker calls. Built from status codes and the tracker's own words, never from a request (which carries the token). */
import { TrackerError } from './model';

/** A tracker's error text, cut to one short line. */
export function brief(s: unknown): string {
  return String(s ?? '').replace(/\s+/g, ' ').trim().slice(0, 200).replace(/[.\s]+$/, '');
}

/** The error for an HTTP status; `what` names the ticket or the tracker ("acme/actions#12", "Jira OPS"). */
export function httpFailure(status: number, what: string, detail: string, resetAt?: Date): TrackerError {
  const why = detail ? `: ${detail}` : '';
  if (status === 429 || (status === 403 && resetAt)) {
    const when = resetAt ? ` until ${resetAt.toISOString().slice(11, 16)} UTC` : '';
    return new TrackerError('rate-limited', `${what}: the tracker is rate-limiting requests${when}; try again later.`);
  }
  if (status === 401) return new TrackerError('unauthorized', `${what}: the tracker refused the token (401)${why}. Set a valid token (docs/tickets.md).`);
  if (status === 403) return new TrackerError('forbidden', `${what}: the token may not do this (403)${why}.`);
  if (status === 404 || status === 410) return new TrackerError('not-found', `${what} was not found (${status})${why}: check the repository or project in .pir.yaml and that the token can see it.`);
  if (status === 400 || status === 422) return new TrackerError('invalid', `${what}: the tracker rejected the request (${status})${why}.`);
  return new TrackerError('server', `${what}: the tracker answered ${status}${why}; try again later.`);
}

export function offline(what: string, host: string, code?: string): TrackerError {
  return new TrackerError('offline', `${what}: could not reach ${host}${code ? ` (${code})` : ''}; check the connection and try again.`);
}
