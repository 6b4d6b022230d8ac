/**
 * The messages between the timeline editor's host (extension) and its webview. Shared by both
 * sides; no `vscode` and no DOM here. The host runs validateWebviewMessage() on every message it
 * receives before using it: the webview is treated as untrusted input (it renders document text).
 * Part of the command-only core (src/core/commands.ts), loaded once a timeline editor is open.
 */
import type { EntryDraft, EntryRef, TimelineIntent } from './edit';
import type { TimelineView } from './view';
import type { Scene } from './picture';

export type { EntryDraft, EntryRef, TimelineIntent, TimelineView, Scene };

export const LIMITS = {
  description: 2000,
  link: 2048,
  time: 40,
  zone: 64,
  lineText: 20_000,
  line: 10_000_000,
  requestId: 1_000_000_000,
  message: 64,
} as const;

// ------------------------------------------------------------------ webview → host

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'intent'; requestId: number; /** the document version the webview saw */ version: number; intent: TimelineIntent }
  | { type: 'openLink'; url: string }
  | { type: 'exportSvg' }
  | { type: 'openText'; line: number };

// ------------------------------------------------------------------ host → webview

export type HostMessage =
  | { type: 'model'; view: TimelineView; scene: Scene }
  | { type: 'intentResult'; requestId: number; ok: boolean; error?: string; /** the row to focus after the edit */ line?: number; rebased?: boolean }
  | { type: 'notice'; text: string };

// ------------------------------------------------------------------ validation

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

const MILESTONES = new Set(['started', 'detected', 'mitigated', 'resolved']);

class Invalid extends Error {}

function isObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function obj(v: unknown, what: string, allowed: string[]): Record<string, unknown> {
  if (!isObject(v)) throw new Invalid(`${what} must be an object`);
  for (const k of Object.keys(v)) if (!allowed.includes(k)) throw new Invalid(`${what} has an unknown field "${k.slice(0, 40)}"`);
  return v;
}

function str(v: unknown, what: string, max: number, opts: { empty?: boolean } = {}): string {
  if (typeof v !== 'string') throw new Invalid(`${what} must be a string`);
  if (v.length > max) throw new Invalid(`${what} is longer than ${max} characters`);
  if (!opts.empty && v.length === 0) throw new Invalid(`${what} must not be empty`);
  return v;
}

function int(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Invalid(`${what} must be an integer from ${min} to ${max}`);
  return v;
}

function ref(v: unknown, what: string): EntryRef {
  const o = obj(v, what, ['line', 'text']);
  return { line: int(o.line, `${what}.line`, 0, LIMITS.line), text: str(o.text, `${what}.text`, LIMITS.lineText, { empty: true }) };
}

function milestone(v: unknown, what: string): EntryDraft['milestone'] {
  if (v === null) return null;
  if (typeof v !== 'string' || !MILESTONES.has(v)) throw new Invalid(`${what} must be one of started, detected, mitigated, resolved, or null`);
  return v as EntryDraft['milestone'];
}

function draft(v: unknown, what: string, partial: boolean): Partial<EntryDraft> {
  const o = obj(v, what, ['time', 'description', 'milestone', 'link']);
  const out: Partial<EntryDraft> = {};
  if (o.time !== undefined || !partial) out.time = str(o.time, `${what}.time`, LIMITS.time);
  if (o.description !== undefined || !partial) out.description = str(o.description, `${what}.description`, LIMITS.description);
  if (o.milestone !== undefined) out.milestone = milestone(o.milestone, `${what}.milestone`);
  if (o.link !== undefined) out.link = str(o.link, `${what}.link`, LIMITS.link, { empty: true });
  return out;
}

function zone(v: unknown, what: string): string | undefined {
  if (v === undefined) return undefined;
  const z = str(v, what, LIMITS.zone);
  if (!/^[A-Za-z0-9_+\-−:/ ]+$/.test(z)) throw new Invalid(`${what} has characters a zone name does not have`);
  return z;
}

function intent(v: unknown): TimelineIntent {
  if (!isObject(v)) throw new Invalid('intent must be an object');
  switch (v.type) {
    case 'addEntry': {
      const o = obj(v, 'addEntry', ['type', 'entry', 'after']);
      return { type: 'addEntry', entry: draft(o.entry, 'entry', false) as EntryDraft, after: o.after === undefined || o.after === null ? undefined : ref(o.after, 'after') };
    }
    case 'editEntry': {
      const o = obj(v, 'editEntry', ['type', 'ref', 'changes']);
      const changes = draft(o.changes, 'changes', true);
      if (!Object.keys(changes).length) throw new Invalid('changes must change something');
      return { type: 'editEntry', ref: ref(o.ref, 'ref'), changes };
    }
    case 'deleteEntry': {
      const o = obj(v, 'deleteEntry', ['type', 'ref']);
      return { type: 'deleteEntry', ref: ref(o.ref, 'ref') };
    }
    case 'moveEntry': {
      const o = obj(v, 'moveEntry', ['type', 'ref', 'delta']);
      const delta = int(o.delta, 'delta', -1, 1);
      if (delta === 0) throw new Invalid('delta must be -1 or 1');
      return { type: 'moveEntry', ref: ref(o.ref, 'ref'), delta };
    }
    case 'sortEntries':
      obj(v, 'sortEntries', ['type']);
      return { type: 'sortEntries' };
    case 'convertEntry': {
      const o = obj(v, 'convertEntry', ['type', 'ref', 'zone']);
      return { type: 'convertEntry', ref: ref(o.ref, 'ref'), zone: zone(o.zone, 'zone') };
    }
    case 'convertAll': {
      const o = obj(v, 'convertAll', ['type', 'zone']);
      return { type: 'convertAll', zone: zone(o.zone, 'zone') };
    }
    default:
      throw new Invalid(`unknown intent type ${JSON.stringify(String(v.type).slice(0, LIMITS.message))}`);
  }
}

/** Checks a message from the webview. Unknown types, unknown or mistyped fields and oversize strings are rejected. */
export function validateWebviewMessage(raw: unknown): Validated<WebviewMessage> {
  try {
    if (!isObject(raw)) throw new Invalid('message must be an object');
    switch (raw.type) {
      case 'ready':
        obj(raw, 'ready', ['type']);
        return { ok: true, value: { type: 'ready' } };
      case 'exportSvg':
        obj(raw, 'exportSvg', ['type']);
        return { ok: true, value: { type: 'exportSvg' } };
      case 'openLink': {
        const o = obj(raw, 'openLink', ['type', 'url']);
        const url = str(o.url, 'url', LIMITS.link);
        if (!isSafeLink(url)) throw new Invalid('url must be an http(s) URL');
        return { ok: true, value: { type: 'openLink', url } };
      }
      case 'openText': {
        const o = obj(raw, 'openText', ['type', 'line']);
        return { ok: true, value: { type: 'openText', line: int(o.line, 'line', 0, LIMITS.line) } };
      }
      case 'intent': {
        const o = obj(raw, 'intent', ['type', 'requestId', 'version', 'intent']);
        return {
          ok: true,
          value: { type: 'intent', requestId: int(o.requestId, 'requestId', 0, LIMITS.requestId), version: int(o.version, 'version', 0, Number.MAX_SAFE_INTEGER), intent: intent(o.intent) },
        };
      }
      default:
        throw new Invalid(`unknown message type ${JSON.stringify(String(raw.type).slice(0, LIMITS.message))}`);
    }
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    return { ok: false, error: 'invalid message' };
  }
}

/** Only absolute http(s) URLs with a host, no credentials, no whitespace or control characters. */
export function isSafeLink(url: string): boolean {
  if (url.length > LIMITS.link || /[\s\u0000-\u001f\u007f<>"'`]/.test(url)) return false;
  let u: URL;
  try { u = new URL(url); } catch { return false; }
  return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !u.username && !u.password;
}
