/**
 * The incident on a time axis, as a scene of SVG shapes: the phases started → detected →
 * mitigated → resolved, the entries as marks, time to detect / mitigate / resolve, and long gaps
 * between entries. The webview draws the scene with DOM calls (text as textContent); the export
 * serialises it with every string escaped. Pure: no DOM, no `vscode`.
 */
import type { Milestone } from '../model';
import type { TimelineView } from './view';
import { formatDuration } from '../time/duration';

export type ShapeTag = 'rect' | 'line' | 'circle' | 'text' | 'path';

export interface Shape {
  tag: ShapeTag;
  /** geometry only: numbers, plus `text-anchor` */
  attrs: Record<string, number | string>;
  /** CSS class(es) from a fixed set (see PICTURE_CLASSES) */
  cls: string;
  /** text content (text shapes) */
  text?: string;
  /** tooltip (a <title> child) */
  title?: string;
}

export interface Scene { width: number; height: number; shapes: Shape[]; /** one-line text alternative */ summary: string }

/** Long gap: at least this long, and at least GAP_FACTOR times the median gap between entries. */
export const GAP_MIN_MS = 30 * 60_000;
export const GAP_FACTOR = 3;

export const PICTURE_CLASSES = [
  'bg', 'axis', 'tick', 'tick-label', 'phase', 'phase-detect', 'phase-mitigate', 'phase-resolve', 'phase-label',
  'mark', 'mark-milestone', 'milestone-line', 'milestone-label', 'gap', 'gap-label', 'summary', 'title',
  'm-started', 'm-detected', 'm-mitigated', 'm-resolved',
] as const;

/** A duration with its sign: a negative one (times out of order) shows as such. */
function signedDuration(ms: number): string {
  return (ms < 0 ? '−' : '') + formatDuration(ms);
}

const two = (n: number) => String(n).padStart(2, '0');
export function utcClock(ms: number, withDate = false): string {
  const d = new Date(ms);
  const t = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return withDate ? `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${t}` : t;
}

const TICKS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map(m => m * 60_000);

export interface Gap { from: number; to: number; ms: number }

export function longGaps(times: number[]): Gap[] {
  const t = [...times].sort((a, b) => a - b);
  const gaps: Gap[] = [];
  for (let i = 1; i < t.length; i++) gaps.push({ from: t[i - 1], to: t[i], ms: t[i] - t[i - 1] });
  if (gaps.length < 2) return gaps.filter(g => g.ms >= GAP_MIN_MS * 2);
  const sorted = gaps.map(g => g.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return gaps.filter(g => g.ms >= GAP_MIN_MS && g.ms >= GAP_FACTOR * median);
}

export function milestoneDurations(view: TimelineView): { key: string; label: string; ms: number }[] {
  const s = view.milestones.started?.utc;
  const out: { key: string; label: string; ms: number }[] = [];
  if (s === undefined) return out;
  for (const [m, label] of [['detected', 'Time to detect'], ['mitigated', 'Time to mitigate'], ['resolved', 'Time to resolve']] as const) {
    const t = view.milestones[m]?.utc;
    if (t !== undefined && t >= s) out.push({ key: m, label, ms: t - s });
  }
  return out;
}

export function layoutPicture(view: TimelineView, width = 900): Scene {
  width = Math.max(360, Math.min(4000, Math.round(width)));
  const shapes: Shape[] = [];
  const times = view.rows.map(r => r.utc).filter((t): t is number => t !== undefined);
  const ms = (Object.entries(view.milestones) as [Milestone, { utc: number }][]).map(([, v]) => v.utc);
  const all = [...times, ...ms];
  const durations = milestoneDurations(view);
  const summary = durations.length ? durations.map(d => `${d.label} ${signedDuration(d.ms)}`).join(' · ') : 'No milestones: add started, detected, mitigated and resolved to the front matter or tag entries.';
  if (!all.length) {
    return { width, height: 70, summary, shapes: [
      { tag: 'rect', attrs: { x: 0, y: 0, width, height: 70 }, cls: 'bg' },
      { tag: 'text', attrs: { x: 16, y: 40 }, cls: 'summary', text: 'No timeline entries with a known UTC time yet.' },
    ] };
  }
  // milestone labels first: close milestones take more rows above the band, and the band moves down for them
  const left = 20, right = width - 20;
  const span0 = (() => { let a = Math.min(...all), b = Math.max(...all); if (b - a < 10 * 60_000) { const mid = (a + b) / 2; a = mid - 5 * 60_000; b = mid + 5 * 60_000; } const p = (b - a) * 0.04; return [a - p, b + p] as const; })();
  const xOf = (t: number) => left + ((t - span0[0]) / (span0[1] - span0[0])) * (right - left);
  const labels = placeMilestoneLabels(view, xOf, left, right);
  const rows = Math.max(1, ...labels.map(l => l.level + 1));
  const extra = Math.max(0, rows - 3) * LABEL_ROW;
  const height = 190 + extra;
  shapes.push({ tag: 'rect', attrs: { x: 0, y: 0, width, height }, cls: 'bg' });
  const [t0, t1] = span0;
  const x = xOf;
  const multiDay = new Date(t0).getUTCDate() !== new Date(t1).getUTCDate() || t1 - t0 > 86_400_000;

  // phases
  const bandY = 44 + extra, bandH = 26;
  const phases: [Milestone, Milestone, string, string][] = [
    ['started', 'detected', 'phase-detect', 'detect'],
    ['detected', 'mitigated', 'phase-mitigate', 'mitigate'],
    ['mitigated', 'resolved', 'phase-resolve', 'resolve'],
  ];
  for (const [a, b, cls, label] of phases) {
    const ta = view.milestones[a]?.utc, tb = view.milestones[b]?.utc;
    if (ta === undefined || tb === undefined || tb < ta) continue;
    const xa = x(ta), w = Math.max(2, x(tb) - xa);
    shapes.push({ tag: 'rect', attrs: { x: xa, y: bandY, width: w, height: bandH, rx: 3 }, cls: `phase ${cls}`, title: `${label}: ${utcClock(ta)} → ${utcClock(tb)} UTC (${signedDuration(tb - ta)})` });
    const text = `${label} ${signedDuration(tb - ta)}`;
    if (w > text.length * 6.5 + 8) shapes.push({ tag: 'text', attrs: { x: xa + w / 2, y: bandY + 17, 'text-anchor': 'middle' }, cls: 'phase-label', text });
  }

  // axis and ticks
  const axisY = 110 + extra;
  shapes.push({ tag: 'line', attrs: { x1: left, y1: axisY, x2: right, y2: axisY }, cls: 'axis' });
  const span = t1 - t0;
  const step = TICKS.find(s => span / s <= Math.max(3, Math.floor((right - left) / 90))) ?? TICKS[TICKS.length - 1];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    const xt = x(t);
    shapes.push({ tag: 'line', attrs: { x1: xt, y1: axisY - 4, x2: xt, y2: axisY + 4 }, cls: 'tick' });
    const d = new Date(t);
    const label = multiDay && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 ? `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}` : utcClock(t);
    shapes.push({ tag: 'text', attrs: { x: xt, y: axisY + 18, 'text-anchor': 'middle' }, cls: 'tick-label', text: label });
  }

  // long gaps
  for (const g of longGaps(times)) {
    const xa = x(g.from), xb = x(g.to);
    shapes.push({ tag: 'rect', attrs: { x: xa, y: axisY - 10, width: Math.max(2, xb - xa), height: 20 }, cls: 'gap', title: `No entries for ${formatDuration(g.ms)} (${utcClock(g.from)} → ${utcClock(g.to)} UTC)` });
    shapes.push({ tag: 'text', attrs: { x: (xa + xb) / 2, y: axisY + 34, 'text-anchor': 'middle' }, cls: 'gap-label', text: `gap ${formatDuration(g.ms)}` });
  }

  // milestone lines and labels: each label on the lowest row where it overlaps no other
  for (const l of labels) {
    const y = bandY - 8 - l.level * LABEL_ROW;
    shapes.push({ tag: 'line', attrs: { x1: l.x, y1: y + 4, x2: l.x, y2: axisY }, cls: `milestone-line m-${l.milestone}` });
    shapes.push({ tag: 'text', attrs: { x: l.x, y, 'text-anchor': l.anchor }, cls: `milestone-label m-${l.milestone}`, text: l.text, title: l.title });
  }

  // entries
  for (const r of view.rows) {
    if (r.utc === undefined) continue;
    const big = !!r.milestone;
    shapes.push({ tag: 'circle', attrs: { cx: x(r.utc), cy: axisY, r: big ? 6 : 4 }, cls: big ? `mark mark-milestone m-${r.milestone}` : 'mark', title: `${utcClock(r.utc, true)} UTC — ${r.description}` });
  }

  shapes.push({ tag: 'text', attrs: { x: left, y: height - 14 }, cls: 'summary', text: summary });
  return { width, height, shapes, summary };
}

/** Vertical distance between two rows of milestone labels (px). */
export const LABEL_ROW = 14;

/** Width of a milestone label (11 px sans-serif), generous so that estimates never touch. */
export function labelWidth(text: string): number {
  return text.length * 6.6 + 4;
}

/** A milestone label's place: its x, anchor, row above the band (0 nearest) and extent [x0, x1]. */
export interface LabelPlace { milestone: Milestone; x: number; anchor: 'start' | 'middle' | 'end'; level: number; x0: number; x1: number; text: string; title: string }

/**
 * Where the milestone labels go: each at its milestone's x (kept inside [left, right] by its
 * anchor), on the lowest row where its extent, with a 6 px margin, overlaps no label already
 * placed; so close milestones ("mitigated 02:03", "resolved 02:05") stack instead of overprinting.
 */
export function placeMilestoneLabels(view: TimelineView, x: (t: number) => number, left: number, right: number): LabelPlace[] {
  const placed: LabelPlace[] = [];
  for (const m of ['started', 'detected', 'mitigated', 'resolved'] as Milestone[]) {
    const v = view.milestones[m];
    if (!v) continue;
    const xm = x(v.utc);
    const text = `${m} ${utcClock(v.utc)}`;
    const w = labelWidth(text);
    const anchor = xm - w / 2 < left - 10 ? 'start' : xm + w / 2 > right + 10 ? 'end' : 'middle';
    const x0 = anchor === 'start' ? xm : anchor === 'end' ? xm - w : xm - w / 2;
    const x1 = x0 + w;
    let level = 0;
    while (placed.some(p => p.level === level && x0 < p.x1 + 6 && p.x0 < x1 + 6)) level++;
    placed.push({ milestone: m, x: xm, anchor, level, x0, x1, text, title: `${m} ${utcClock(v.utc, true)} UTC (${v.source === 'front-matter' ? 'front matter' : 'tagged entry'})` });
  }
  return placed;
}

// ------------------------------------------------------------------ export

const ATTR_RE = /^(x|y|x1|x2|y1|y2|cx|cy|r|rx|width|height|d|text-anchor)$/;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }[c]!))
    // characters XML 1.0 does not allow
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Colours of the exported picture (a light theme: the file is viewed outside VS Code). */
export const EXPORT_STYLE = `
.bg{fill:#ffffff}.axis{stroke:#57606a;stroke-width:1.5}.tick{stroke:#57606a}.tick-label,.gap-label{fill:#57606a;font-size:11px}
.phase-detect{fill:#f6c343}.phase-mitigate{fill:#f08c3c}.phase-resolve{fill:#8fc18f}.phase-label{fill:#1f2328;font-size:12px}
.mark{fill:#0969da}.mark-milestone{stroke:#1f2328;stroke-width:1.5}.m-started{fill:#cf222e;stroke:#cf222e}.m-detected{fill:#bf8700;stroke:#bf8700}
.m-mitigated{fill:#bc4c00;stroke:#bc4c00}.m-resolved{fill:#1a7f37;stroke:#1a7f37}.milestone-line{stroke-dasharray:3 3}
.milestone-label{font-size:11px;stroke:none}.gap{fill:#cf222e;fill-opacity:.12;stroke:#cf222e;stroke-dasharray:4 3}
.summary{fill:#1f2328;font-size:13px}text{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif}`;

export function sceneToSvg(scene: Scene, title: string): string {
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" role="img" aria-labelledby="t d">`);
  out.push(`<title id="t">${escapeXml(title)}</title><desc id="d">${escapeXml(scene.summary)}</desc>`);
  out.push(`<style>${EXPORT_STYLE}</style>`);
  for (const s of scene.shapes) {
    const attrs = Object.entries(s.attrs).filter(([k]) => ATTR_RE.test(k))
      .map(([k, v]) => `${k}="${typeof v === 'number' ? round(v) : escapeXml(String(v))}"`).join(' ');
    const cls = s.cls.split(/\s+/).filter(c => (PICTURE_CLASSES as readonly string[]).includes(c)).join(' ');
    const inner = (s.title ? `<title>${escapeXml(s.title)}</title>` : '') + (s.text !== undefined ? escapeXml(s.text) : '');
    out.push(`<${s.tag} class="${cls}" ${attrs}${inner ? `>${inner}</${s.tag}>` : '/>'}`);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function round(v: number): string { return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0'; }
