/** Text helpers for rule messages and matching: typos, phrase patterns, short quotations. */

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 3) return 99;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name a likely misspelling stands for: same letters ignoring case, `-`, `_` and spaces, or a small edit distance. */
export function likelyTypo(name: string, known: string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]+/g, '');
  const n = norm(name);
  for (const k of known) if (k !== name && norm(k) === n) return k;
  let best: string | undefined; let bestD = 99;
  for (const k of known) {
    const d = levenshtein(n, norm(k));
    const limit = Math.min(k.length, n.length) <= 4 ? 1 : 2;
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
