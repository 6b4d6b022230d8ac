/** Other files of the workspace, for the cross-file rules. */

/** A file path or URI in a comparable form. */
function canonical(f: string): string {
  let s = f;
  try { if (/^file:/i.test(s)) s = decodeURIComponent(s.replace(/^file:\/\/(?:localhost)?/i, '')); } catch { /* keep */ }
  return s.replace(/\\/g, '/').replace(/^\/([a-z]):/i, (_, d: string) => `${d.toLowerCase()}:`).replace(/^([A-Z]):/, (_, d: string) => `${d.toLowerCase()}:`);
}

/** The files of a workspace list other than this one, each once (none when this document has no URI to compare). */
export function otherFiles(files: string[] | undefined, uri: string | undefined): string[] {
  if (!files || !uri) return [];
  const me = canonical(uri);
  const seen = new Set<string>();
  return files.filter(f => {
    const c = canonical(f);
    if (c === me || seen.has(c)) return false;
    seen.add(c);
    return true;
  });
}

export function shortName(f: string): string {
  const c = canonical(f);
  return c.slice(c.lastIndexOf('/') + 1) || c;
}
