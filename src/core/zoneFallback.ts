/**
 * The zone assumed for timeline stamps that neither carry a zone nor have one declared in the
 * review: the team's `defaultTimezone` in `.pir.yaml`, else the author's `pir.defaultTimezone`
 * setting. The parser reads only the document; the engine (and the editor's review accessor)
 * resolve the fallback here and apply it to the parsed review, so rules, hovers and the timeline
 * editor see the same zone, labelled with where it came from. Pure.
 */
import type { Config } from './config';
import type { Review, ZoneDeclaration } from './model';
import { extractTimeline } from './parse/timeline';
import { resolveZone } from './time/zones';

export interface FallbackZone {
  /** a zone name as written (IANA name, UTC, an offset) */
  zone: string;
  source: 'team-config' | 'user-setting';
}

/** The fallback for a document: the team configuration's zone, else the user's setting; undefined when neither is set. */
export function fallbackZoneOf(config: Pick<Config, 'defaultTimezone'> | undefined, userZone?: string): FallbackZone | undefined {
  const team = config?.defaultTimezone?.trim();
  if (team) return { zone: team, source: 'team-config' };
  const user = userZone?.trim();
  return user ? { zone: user, source: 'user-setting' } : undefined;
}

/** A key for caches of reviews analysed with a fallback zone. */
export function fallbackKey(f: FallbackZone | undefined): string {
  return f ? `${f.source}:${f.zone}` : '';
}

/**
 * Applies the fallback to a parsed review, in place, when the review declares no zone of its own
 * and has a stamp without one: `declaredZone` becomes the fallback and the timeline is read again
 * with it. Returns the review.
 */
export function applyFallbackZone(review: Review, fallback: FallbackZone | undefined): Review {
  if (!fallback || review.declaredZone || !review.timeline.some(e => !e.stamp.zone)) return review;
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const declared: ZoneDeclaration = { zone: resolveZone(fallback.zone), range: zero, source: fallback.source };
  review.declaredZone = declared;
  review.timeline = extractTimeline(review, review.sections.filter(s => s.kind === 'timeline'), declared);
  return review;
}

/** Where a zone came from, for messages: "declared in the text", "the timezone key", "the team's .pir.yaml"… */
export function zoneSourceLabel(source: ZoneDeclaration['source'] | 'stamp' | 'none', short = false): string {
  switch (source) {
    case 'prose': return 'declared in the text';
    case 'front-matter': return short ? 'timezone key' : 'the timezone key';
    case 'team-config': return short ? 'team .pir.yaml' : "the team's defaultTimezone in .pir.yaml";
    case 'user-setting': return short ? 'your setting' : 'your pir.defaultTimezone setting';
    case 'stamp': return 'the stamp';
    default: return 'no zone';
  }
}
