/**
 * The incident's milestones as instants: the front matter key when it holds a UTC date-time, else
 * the timeline entry tagged with it; `started` falls back to the first timed entry. Pure.
 */
import type { Milestone, Review } from '../model';
import { MILESTONES } from '../model';
import { formatOffset, resolveZone, wallTimeIn } from '../time/zones';
import { formatDuration } from '../time/duration';
import { formatUtcMinute, formatYmd, parseInstant } from '../time/calendar';

export { formatDuration };

export interface MilestoneTime { utc: number; source: 'front-matter' | 'tag' | 'first-entry'; line?: number }

/**
 * A front matter key's instant (epoch ms, UTC): an ISO 8601 date-time with `Z` or an offset
 * (`2026-11-20T14:00:00+01:00`), read as the milestone-order rule reads it (time/calendar).
 */
export function frontMatterInstant(review: Review, key: string): number | undefined {
  return parseInstant(review.frontMatter?.data[key]);
}

export function milestoneTimes(review: Review): Partial<Record<Milestone, MilestoneTime>> {
  const out: Partial<Record<Milestone, MilestoneTime>> = {};
  for (const m of MILESTONES) {
    const fm = frontMatterInstant(review, m);
    if (fm !== undefined) { out[m] = { utc: fm, source: 'front-matter' }; continue; }
    const tagged = review.timeline.find(e => e.utc !== undefined && e.tags.some(t => t.milestone === m));
    if (tagged) { out[m] = { utc: tagged.utc!, source: 'tag', line: tagged.line }; continue; }
    if (m === 'started') {
      const first = review.timeline.find(e => e.utc !== undefined);
      if (first) out[m] = { utc: first.utc!, source: 'first-entry', line: first.line };
    }
  }
  return out;
}

export const TIME_TO: Record<Exclude<Milestone, 'started'>, string> = {
  detected: 'Time to detect', mitigated: 'Time to mitigate', resolved: 'Time to resolve',
};

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-11-20 13:55 UTC" */
export const formatUtc = formatUtcMinute;

/** The same instant on the author's clock: "2026-11-20 14:55 (Europe/Berlin, UTC+01:00)"; undefined for a zone the platform doesn't know. */
export function formatInZone(ms: number, zone: string): string | undefined {
  const z = resolveZone(zone);
  // a fixed offset or abbreviation ("UTC+2", "PDT") is as good a setting as an IANA name
  if (z.kind === 'utc' || z.kind === 'offset') {
    const minutes = z.kind === 'offset' ? z.minutes : 0;
    return `${formatUtc(ms + minutes * 60_000).slice(0, 16)} (${zone}, ${formatOffset(minutes)})`;
  }
  const w = z.kind === 'iana' ? wallTimeIn(ms, z.name) : undefined;
  if (!w) return undefined;
  return `${formatYmd(w)} ${two(w.hour)}:${two(w.minute)} (${zone}, ${formatOffset(w.offsetMinutes)})`;
}

/** "1 h 5 min after the start", "at the start", "10 min before the start": the words give the sign (as the hovers' "Time to …" rows), no "+" */
export function sinceStart(ms: number, start: number): string {
  const d = ms - start;
  if (Math.abs(d) < 30_000) return 'at the start';
  return d > 0 ? `${formatDuration(d)} after the start` : `${formatDuration(d)} before the start`;
}
