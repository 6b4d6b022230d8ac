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
  // the tokens' values, tags, lemmas and types read as four arrays (one call each, not four per token)
  const tokens = nlp.readDoc(text).tokens() as unknown as { out: (f?: unknown) => unknown };
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma) as string[];
  const types = tokens.out(its.type) as string[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const start = text.indexOf(value, at);
    const s = start < 0 ? at : start;
    at = s + value.length;
    out.push({ text: value, lower: value.toLowerCase(), pos: pos[i], lemma: lemmas[i].toLowerCase(), type: types[i], start: s, end: s + value.length });
  }
  return out;
}
