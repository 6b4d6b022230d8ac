/**
 * The timeline editor's webview: an editable table of the timeline entries and a picture of the
 * incident on a time axis. It holds no document state of its own: every change is an intent sent
 * to the host, which edits the TextDocument; the host then posts the new model.
 *
 * Every string from the document is rendered as text (textContent, element properties), never as
 * HTML. Links are opened by the host after it validated them.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import './style.css';
import type { HostMessage, TimelineIntent, WebviewMessage, TimelineView, Scene } from '../../src/core/timeline/protocol';
import type { TimelineRowView } from '../../src/core/timeline/view';
import { dateTimeMs, formatUtcField, readUtcDateTime } from '../../src/core/time/calendar';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage) => vscode.postMessage(m);

const MILESTONES = ['started', 'detected', 'mitigated', 'resolved'] as const;
const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_ATTRS = /^(x|y|x1|x2|y1|y2|cx|cy|r|rx|width|height|text-anchor)$/;

type Field = HTMLElement & { value: string; label?: string; invalid?: boolean; disabled?: boolean };

let model: { view: TimelineView; scene: Scene } | undefined;
let requestId = 0;
let inflight = false;
const queue: ((v: TimelineView) => TimelineIntent | undefined)[] = [];
let focusLine: number | undefined;
let lastModelJson = '';

// ------------------------------------------------------------------ helpers

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Partial<Record<string, unknown>>, ...children: (Node | string | undefined | false)[]): HTMLElementTagNameMap[K];
function h(tag: string, props?: Partial<Record<string, unknown>>, ...children: (Node | string | undefined | false)[]): HTMLElement;
function h(tag: string, props: Partial<Record<string, unknown>> = {}, ...children: (Node | string | undefined | false)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'value' || k === 'label' || k === 'disabled' || k === 'invalid' || k === 'secondary') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** `YYYY-MM-DD HH:MM[:SS]` in UTC (core/time/calendar, as the host reads it back). */
const utcField = formatUtcField;
const LOCAL = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const LOCAL_TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const LOCAL_DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
/** The author's local time: the clock (and zone), with the date only when it is not the UTC date. */
function localTime(ms: number): string {
  const sameDay = LOCAL_DAY.format(ms) === new Date(ms).toISOString().slice(0, 10);
  return sameDay ? LOCAL_TIME.format(ms) : LOCAL.format(ms);
}
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function status(text: string, kind: 'info' | 'error' = 'info'): void {
  const el = document.getElementById('status');
  if (!el) return;
  el.textContent = text;
  el.className = `status ${kind}`;
}

// ------------------------------------------------------------------ intents

function send(make: (v: TimelineView) => TimelineIntent | undefined): void {
  if (inflight || !model) { queue.push(make); return; }
  const intent = make(model.view);
  const long = !!intent && (JSON.stringify(intent).length > 24_000 || ('entry' in intent && intent.entry.description.length > 2000) || ('changes' in intent && (intent.changes.description?.length ?? 0) > 2000));
  if (long) status('The description is too long (at most 2000 characters): a timeline entry is one line.', 'error');
  if (!intent || long) {
    const next = queue.shift();
    if (next) send(next);
    return;
  }
  inflight = true;
  post({ type: 'intent', requestId: ++requestId, version: model.view.version, intent });
}

function refOf(v: TimelineView, index: number) {
  const r = v.rows[index];
  return r ? { line: r.line, text: r.text } : undefined;
}

/** An intent on row `index`, resolved against the model current when it is sent. */
function onRow(index: number, make: (ref: { line: number; text: string }) => TimelineIntent): void {
  send(v => { const ref = refOf(v, index); return ref ? make(ref) : undefined; });
}

window.addEventListener('message', (e: MessageEvent) => {
  const msg = e.data as HostMessage;
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'model') {
    const json = JSON.stringify(msg);
    if (json === lastModelJson) return;
    lastModelJson = json;
    model = { view: msg.view, scene: msg.scene };
    render();
  } else if (msg.type === 'intentResult') {
    inflight = false;
    if (!msg.ok) status(msg.error ?? 'The change could not be made.', 'error');
    else {
      status(msg.rebased ? 'Done (the document had changed meanwhile; the change was applied to the current text).' : 'Done.');
      if (msg.line !== undefined) { focusLine = msg.line; restoreFocus(); }
    }
    const next = queue.shift();
    if (next) send(next);
  } else if (msg.type === 'notice') {
    status(msg.text);
  }
});

// ------------------------------------------------------------------ rendering

function render(): void {
  if (!model) return;
  const { view, scene } = model;
  const app = document.getElementById('app')!;
  const active = document.activeElement as HTMLElement | null;
  const key = active?.closest<HTMLElement>('[data-key]')?.dataset.key;
  // a value being typed survives the re-render; one already committed shows as the document has it now
  // (a time typed as "02:45 CEST" comes back in UTC)
  const dirty = key && (active as Field).value !== undefined && active?.dataset.initial !== undefined && (active as Field).value !== active.dataset.initial && (active as Field).value !== active.dataset.sent ? (active as Field).value : undefined;
  const statusText = document.getElementById('status')?.textContent ?? '';
  const statusClass = document.getElementById('status')?.className ?? 'status';
  // keep the add form's typed values
  const addValues = Object.fromEntries(Array.from(document.querySelectorAll<Field>('#add-form [data-key]')).map(f => [f.dataset.key!, f.value]));

  app.replaceChildren(
    header(view),
    picture(scene, view),
    toolbar(view),
    other(view),
    table(view),
    addForm(view, addValues),
    h('p', { id: 'status', class: statusClass, role: 'status', 'aria-live': 'polite' }, statusText),
  );
  app.removeAttribute('aria-busy');

  if (key) {
    const el = app.querySelector<Field>(`[data-key="${CSS.escape(key)}"]`);
    if (el) {
      if (dirty !== undefined) el.value = dirty;
      el.focus();
    }
  }
  restoreFocus();
}

function restoreFocus(): void {
  if (focusLine === undefined || !model) return;
  const row = model.view.rows.find(r => r.line === focusLine);
  focusLine = undefined;
  if (!row) return;
  const tr = document.querySelector<HTMLElement>(`li[data-row="${row.index}"]`);
  tr?.querySelector<HTMLElement>('[data-key$=":description"]')?.focus();
}

function header(view: TimelineView): HTMLElement {
  const zone = view.declaredZone ? `Stamps without a zone are read in ${view.declaredZone.label} (${view.declaredZone.source === 'prose' ? 'declared in the text' : view.declaredZone.source === 'front-matter' ? 'the timezone key' : 'your setting'}).` : 'No zone is declared for stamps without one.';
  return h('header', {},
    h('h1', {}, view.title ? `Timeline — ${view.title}` : `Timeline — ${view.fileName}`),
    h('p', { class: 'muted' }, `${view.rows.length} ${view.rows.length === 1 ? 'entry' : 'entries'}, in ${view.form === 'table' ? 'a table' : 'a list'}. Times are UTC; your local time (${localZone}) is shown under each. ${zone}`),
  );
}

function picture(scene: Scene, view: TimelineView): HTMLElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${scene.width} ${scene.height > 100 ? scene.height - 26 : scene.height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'picture');
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = `The incident on a time axis. ${scene.summary}`;
  svg.append(title);
  for (const s of scene.shapes) {
    if (s.cls === 'summary') continue; // shown as the caption
    const el = document.createElementNS(SVG_NS, s.tag);
    for (const [k, v] of Object.entries(s.attrs)) if (SVG_ATTRS.test(k)) el.setAttribute(k, String(v));
    el.setAttribute('class', s.cls);
    if (s.title) { const t = document.createElementNS(SVG_NS, 'title'); t.textContent = s.title; el.append(t); }
    if (s.text !== undefined) el.append(document.createTextNode(s.text));
    svg.append(el);
  }
  void view;
  return h('figure', { class: 'figure' }, svg, h('figcaption', { class: 'muted' }, scene.summary));
}

function toolbar(view: TimelineView): HTMLElement {
  const zoneField = h('vscode-textfield', { id: 'convert-zone', 'data-key': 'convert-zone', label: 'Zone to convert from', placeholder: view.declaredZone?.text ?? 'e.g. Europe/Berlin', value: '' }) as Field;
  const nonUtc = view.rows.filter(r => !r.isUtc).length;
  return h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Timeline actions' },
    h('vscode-button', { id: 'sort', secondary: true, onclick: () => send(() => ({ type: 'sortEntries' })) }, 'Sort by time'),
    h('span', { class: 'group' },
      h('vscode-button', {
        id: 'convert-all', secondary: true, disabled: nonUtc === 0,
        onclick: () => send(() => ({ type: 'convertAll', zone: zoneField.value.trim() || undefined })),
      }, `Convert ${nonUtc} non-UTC ${nonUtc === 1 ? 'stamp' : 'stamps'} to UTC`),
      h('label', { class: 'inline', for: 'convert-zone' }, 'from'),
      zoneField,
    ),
    h('vscode-button', { id: 'export', secondary: true, onclick: () => post({ type: 'exportSvg' }) }, 'Export picture as SVG'),
  );
}

function other(view: TimelineView): HTMLElement | string {
  if (!view.otherFindings.length) return '';
  return h('ul', { class: 'findings other', 'aria-label': 'Problems in the timeline section' },
    ...view.otherFindings.map(f => h('li', { class: f.severity }, h('span', { class: 'sev' }, f.severity), ` ${f.message} `, h('span', { class: 'rule' }, `(${f.rule}, line ${f.line + 1})`))));
}

function table(view: TimelineView): HTMLElement {
  if (!view.rows.length) {
    return h('p', { class: 'empty' }, view.hasSection ? 'The timeline has no entries yet: add the first one below.' : 'This review has no Timeline section yet: adding an entry below creates one.');
  }
  const head = h('div', { class: 'entries-head', 'aria-hidden': 'true' },
    h('span', {}, 'Time (UTC)'), h('span', {}, 'What happened'), h('span', {}, 'Milestone'), h('span', {}, 'Source'), h('span', {}, ''));
  const list = h('ol', { class: 'entries', 'aria-label': 'Timeline entries' });
  view.rows.forEach((r, i) => list.append(row(view, r, i)));
  return h('div', { class: 'entries-wrap' }, head, list);
}

function field(key: string, label: string, value: string, onCommit: (v: string) => void, extra: Record<string, unknown> = {}): Field {
  const f = h('vscode-textfield', { 'data-key': key, 'data-initial': value, label, value, ...extra }) as Field;
  // committed on Enter, on change and when focus leaves; once per value
  const commit = () => {
    if (f.value === f.dataset.initial || f.dataset.sent === f.value) return;
    f.dataset.sent = f.value;
    onCommit(f.value);
  };
  f.addEventListener('change', commit);
  f.addEventListener('focusout', commit);
  f.addEventListener('keydown', (e: KeyboardEvent) => {
    if (e.key === 'Enter') { e.preventDefault(); commit(); }
    if (e.key === 'Escape') { f.value = f.dataset.initial ?? ''; }
  });
  return f;
}

function row(view: TimelineView, r: TimelineRowView, i: number): HTMLElement {
  const n = i + 1;
  const timeValue = r.utc !== undefined ? utcField(r.utc) : r.stamp;
  const time = field(`${i}:time`, `Entry ${n} time in UTC, YYYY-MM-DD HH:MM, or with its zone`, timeValue, v => {
    // a UTC time, or one with its zone (02:45 CEST): the host reads and converts it, or says why not
    if (!v.trim()) { time.invalid = true; status(`Entry ${n}: write the time as YYYY-MM-DD HH:MM (UTC), or with its zone (02:45 CEST).`, 'error'); return; }
    onRow(i, ref => ({ type: 'editEntry', ref, changes: { time: v.trim().replace(/\s*(Z|UTC)$/i, '') } }));
  }, { invalid: r.utc === undefined });
  const notes = h('div', { class: 'sub' });
  if (r.utc !== undefined) notes.append(h('span', { class: 'local', title: `Your local time (${localZone})` }, `local ${localTime(r.utc)}`));
  if (!r.isUtc) {
    notes.append(h('span', { class: 'written' }, `written as "${r.stamp}"${r.zone ? `, read in ${r.zone}` : ', no zone'}`));
    const choices: { label: string; zone: string }[] = [...r.candidates];
    const convert = (zone?: string) => onRow(i, ref => ({ type: 'convertEntry', ref, zone }));
    if (choices.length) {
      const sel = h('vscode-single-select', { 'aria-label': `Entry ${n}: the zone "${r.stamp}" means`, 'data-key': `${i}:zone` }) as Field;
      sel.append(h('vscode-option', { value: '' }, 'Convert from…'), ...choices.map(c => h('vscode-option', { value: c.zone }, c.label)));
      sel.addEventListener('change', () => { if (sel.value) convert(sel.value); });
      notes.append(sel);
    } else if (r.zone || r.utc !== undefined) {
      notes.append(h('vscode-button', { secondary: true, class: 'small', 'data-key': `${i}:convert`, 'aria-label': `Convert entry ${n} to UTC`, onclick: () => convert() }, 'Convert to UTC'));
    } else {
      const z = h('vscode-textfield', { 'data-key': `${i}:zone`, label: `Entry ${n}: zone the stamp was written in`, placeholder: 'zone, e.g. Europe/Berlin', class: 'zone' }) as Field;
      notes.append(z, h('vscode-button', { secondary: true, class: 'small', 'aria-label': `Convert entry ${n} to UTC from the zone given`, onclick: () => { if (z.value.trim()) convert(z.value.trim()); else status('Write the zone the stamp was written in first.', 'error'); } }, 'Convert'));
    }
  }

  const desc = field(`${i}:description`, `Entry ${n} description`, r.description, v => {
    if (!v.trim()) { status(`Entry ${n}: the description cannot be empty (use Delete to remove the entry).`, 'error'); return; }
    onRow(i, ref => ({ type: 'editEntry', ref, changes: { description: v } }));
  }, { class: 'desc' });

  const tag = h('vscode-single-select', { 'data-key': `${i}:milestone`, 'aria-label': `Entry ${n} milestone` }) as Field;
  tag.append(h('vscode-option', { value: '', selected: !r.milestone }, '—'), ...MILESTONES.map(m => h('vscode-option', { value: m, selected: r.milestone === m }, m)));
  tag.addEventListener('change', () => {
    const v = tag.value;
    if ((v || undefined) !== r.milestone) onRow(i, ref => ({ type: 'editEntry', ref, changes: { milestone: (v || null) as typeof MILESTONES[number] | null } }));
  });

  const link = field(`${i}:link`, `Entry ${n} source link (http or https)`, r.link ?? '', v => {
    const t = v.trim();
    if (t && !/^https?:\/\/\S+$/i.test(t)) { link.invalid = true; status(`Entry ${n}: the source link must start with http:// or https://.`, 'error'); return; }
    onRow(i, ref => ({ type: 'editEntry', ref, changes: { link: t } }));
  }, { placeholder: 'https://…' });
  const openBtn = h('vscode-button', { secondary: true, class: 'small', 'aria-label': `Open the source link of entry ${n}`, onclick: () => post({ type: 'openLink', url: r.link! }) }, 'Open');

  const last = view.rows.length - 1;
  const actions = h('div', { class: 'e-actions' },
    h('vscode-button', { secondary: true, class: 'small', 'data-key': `${i}:up`, 'aria-label': `Move entry ${n} up`, title: 'Move up', disabled: i === 0, onclick: () => onRow(i, ref => ({ type: 'moveEntry', ref, delta: -1 })) }, '↑'),
    h('vscode-button', { secondary: true, class: 'small', 'data-key': `${i}:down`, 'aria-label': `Move entry ${n} down`, title: 'Move down', disabled: i === last, onclick: () => onRow(i, ref => ({ type: 'moveEntry', ref, delta: 1 })) }, '↓'),
    h('vscode-button', { secondary: true, class: 'small', 'data-key': `${i}:delete`, 'aria-label': `Delete entry ${n}`, title: 'Delete', onclick: () => onRow(i, ref => ({ type: 'deleteEntry', ref })) }, 'Delete'),
    h('vscode-button', { secondary: true, class: 'small', 'data-key': `${i}:text`, 'aria-label': `Show entry ${n} in the text editor`, title: `Line ${r.line + 1}`, onclick: () => post({ type: 'openText', line: r.line }) }, `L${r.line + 1}`),
  );

  const sev = r.findings.some(f => f.severity === 'error') ? 'error' : r.findings.some(f => f.severity === 'warning') ? 'warning' : r.findings.length ? 'info' : '';
  const li = h('li', { 'data-row': String(i), class: `entry${sev ? ` has-${sev}` : ''}`, 'aria-label': `Entry ${n}${r.utc !== undefined ? `, ${utcField(r.utc)} UTC` : ''}` },
    h('div', { class: 'e-time' }, time, notes),
    h('div', { class: 'e-desc' }, desc),
    h('div', { class: 'e-tag' }, tag),
    h('div', { class: 'e-link' }, link, ...(r.link ? [openBtn] : [])),
    actions);
  if (r.findings.length) {
    const id = `findings-${i}`;
    desc.setAttribute('aria-describedby', id);
    li.append(h('ul', { id, class: 'findings', 'aria-label': `Problems in entry ${n}` },
      ...r.findings.map(f => h('li', { class: f.severity }, h('span', { class: 'sev' }, f.severity), ` ${f.message} `, h('span', { class: 'rule' }, `(${f.rule})`)))));
  }
  return li;
}

function addForm(view: TimelineView, kept: Record<string, string>): HTMLElement {
  const lastUtc = [...view.rows].reverse().find(r => r.utc !== undefined)?.utc;
  const suggestion = lastUtc !== undefined ? utcField(lastUtc + 60_000) : utcField(Math.floor(Date.now() / 60_000) * 60_000);
  const time = h('vscode-textfield', { id: 'new-time', 'data-key': 'new-time', label: 'New entry time in UTC, YYYY-MM-DD HH:MM, or with its zone', value: kept['new-time'] ?? suggestion }) as Field;
  const desc = h('vscode-textfield', { id: 'new-description', 'data-key': 'new-description', label: 'New entry description', placeholder: 'What happened', value: kept['new-description'] ?? '', class: 'desc' }) as Field;
  const tag = h('vscode-single-select', { id: 'new-milestone', 'data-key': 'new-milestone', 'aria-label': 'New entry milestone' }) as Field;
  tag.append(h('vscode-option', { value: '' }, '—'), ...MILESTONES.map(m => h('vscode-option', { value: m }, m)));
  const link = h('vscode-textfield', { id: 'new-link', 'data-key': 'new-link', label: 'New entry source link', placeholder: 'https://…', value: kept['new-link'] ?? '' }) as Field;
  const submit = () => {
    const t = time.value.trim(), d = desc.value.trim(), l = link.value.trim();
    if (!t) { time.invalid = true; status('Write the time as YYYY-MM-DD HH:MM (UTC), or with its zone (02:45 CEST).', 'error'); time.focus(); return; }
    if (!d) { desc.invalid = true; status('Write what happened.', 'error'); desc.focus(); return; }
    if (l && !/^https?:\/\/\S+$/i.test(l)) { link.invalid = true; status('The source link must start with http:// or https://.', 'error'); link.focus(); return; }
    const milestone = (tag.value || null) as typeof MILESTONES[number] | null;
    send(() => ({ type: 'addEntry', entry: { time: t.replace(/\s*(Z|UTC)$/i, ''), description: d, milestone, link: l } }));
    desc.value = ''; link.value = '';
    desc.focus();
  };
  for (const f of [time, desc, link]) f.addEventListener('keydown', (e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } });
  const label = (forId: string, text: string) => h('label', { for: forId }, text);
  return h('form', { id: 'add-form', class: 'add', 'aria-label': 'Add an entry', onsubmit: (e: Event) => { e.preventDefault(); submit(); } },
    h('h2', {}, 'Add an entry'),
    h('div', { class: 'add-grid' },
      h('div', {}, label('new-time', 'Time (UTC)'), time, h('div', { class: 'sub local', id: 'new-local' }, localHint(time.value))),
      h('div', { class: 'grow' }, label('new-description', 'What happened'), desc),
      h('div', {}, label('new-milestone', 'Milestone'), tag),
      h('div', {}, label('new-link', 'Source link'), link),
      h('div', { class: 'end' }, h('vscode-button', { id: 'add', onclick: submit }, 'Add entry')),
    ),
  );
}

function localHint(v: string): string {
  const t = readUtcDateTime(v);
  return t ? `Your time: ${LOCAL.format(dateTimeMs(t))}` : '';
}

document.addEventListener('input', e => {
  const t = e.target as Field;
  if (t?.id === 'new-time') { const el = document.getElementById('new-local'); if (el) el.textContent = localHint(t.value); }
  if (t && 'invalid' in t && t.invalid) t.invalid = false;
});

post({ type: 'ready' });
