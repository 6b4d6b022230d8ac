/**
 * The part-of-speech tagger behind the action-quality analysis: wink-nlp with its English "lite"
 * web model (Universal Dependencies tags, lemmas). This module is the only one that imports the
 * model; the bundles load it on first use (see ./pos.ts and scripts/build/tagger-split.mjs), so the
 * model's 3.6 MB are neither parsed at activation nor counted in the extension's core bundle.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from './pos';

const nlp = winkNLP(model, ['pos']);
const its = nlp.its;

/** Tags one sentence-sized text: one entry per token, in order, with its offsets in `text`. */
export function tag(text: string): Token[] {
  const doc = nlp.readDoc(text);
  const out: Token[] = [];
  let at = 0;
  doc.tokens().each((t: { out: (f?: unknown) => unknown }) => {
    const value = t.out() as string;
    const start = text.indexOf(value, at);
    const s = start < 0 ? at : start;
    at = s + value.length;
    out.push({ text: value, lower: value.toLowerCase(), pos: t.out(its.pos) as string, lemma: (t.out(its.lemma) as string).toLowerCase(), type: t.out(its.type) as string, start: s, end: s + value.length });
  });
  return out;
}
