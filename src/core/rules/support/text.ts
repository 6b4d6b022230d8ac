/** Text helpers for rule messages and matching: typos, phrase patterns, short quotations. */

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 3) return 99;
  // three rows of the matrix (optimal string alignment needs the row before last), reused
  const w = b.length + 1;
  if (levRows.length < 3 * w) levRows = new Int32Array(3 * w * 2);
  const rows = levRows;
  let prev2 = 0, prev = w, cur = 2 * w;
  for (let j = 0; j < w; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    for (let j = 1; j < w; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, rows[prev2 + j - 2] + 1);
      rows[cur + j] = v;
    }
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return rows[prev + b.length];
}
let levRows = new Int32Array(96);

/** The known name a likely misspelling stands for: same letters ignoring case, `-`, `_` and spaces, or a small edit distance. */
export function likelyTypo(name: string, known: string[]): string | undefined {
  // memoised per list of known names: several rules ask about every key of a front matter
  let memo = typoMemo.get(known);
  if (!memo) typoMemo.set(known, (memo = new Map()));
  if (memo.has(name)) return memo.get(name);
  const r = findTypo(name, known);
  if (memo.size >= 100_000) memo.clear();
  memo.set(name, r);
  return r;
}
const typoMemo = new WeakMap<string[], Map<string, string | undefined>>();
const normKnown = new WeakMap<string[], string[]>();

function findTypo(name: string, known: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]+/g, '');
  const n = norm(name);
  let normed = normKnown.get(known);
  if (!normed) normKnown.set(known, (normed = known.map(norm)));
  for (let i = 0; i < known.length; i++) if (known[i] !== name && normed[i] === n) return known[i];
  let best: string | undefined; let bestD = 99;
  for (let i = 0; i < known.length; i++) {
    const k = known[i];
    const limit = Math.min(k.length, n.length) <= 4 ? 1 : 2;
    const nk = normed[i];
    if (Math.abs(nk.length - n.length) > limit) continue; // the distance is at least the difference in length
    const d = levenshtein(n, nk);
    if (d <= limit && d < bestD) { best = k; bestD = d; }
  }
  return best;
}

/** A phrase as a regular expression: case-insensitive, whole words, any whitespace or emphasis between words. */
export function phrasePattern(phrase: string): string {
  const words = phrase.trim().split(/\s+/).map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
  const lead = /^\w/.test(phrase.trim()) ? '\\b' : '';
  const tail = /\w$/.test(phrase.trim()) ? '\\b' : '';
  return lead + words.join('[\\s*_]+') + tail;
}

/** A short quotation of a text for a message. */
export function quote(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}
