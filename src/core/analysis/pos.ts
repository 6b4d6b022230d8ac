/**
 * Part-of-speech tags for the action-quality analysis, from a maintained tagger (wink-nlp) loaded
 * on first use: `tagTokens()` requires ./pos-tagger the first time it is called. In the Node
 * bundles that module is a file of its own (dist/tagger.js beside dist/core.js and dist/cli.js);
 * in the web bundle it is a lazily initialised part of the one file.
 */

/** One token of a tagged text. Offsets are UTF-16 indexes into the text given to `tagTokens`. */
export interface Token {
  text: string;
  lower: string;
  /** Universal Dependencies tag: VERB, NOUN, PROPN, ADJ, ADV, ADP, AUX, DET, PRON, PART, SCONJ, CCONJ, NUM, PUNCT, SYM, X */
  pos: string;
  /** lower-case lemma ("deployed" → "deploy") */
  lemma: string;
  /** wink's token type: word, number, punctuation, url, email, mention, hashtag, symbol, ordinal, time, … */
  type: string;
  start: number;
  end: number;
}

type TagFn = (text: string) => Token[];
let tagger: TagFn | undefined;

const cache = new Map<string, Token[]>();
const CACHE_MAX = 4096;

/** The tokens of `text` with their tags (cached by text; the tagger is loaded on the first call). */
export function tagTokens(text: string): Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!tagger) tagger = (require('./pos-tagger') as { tag: TagFn }).tag;
  const tokens = tagger(text);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(text, tokens);
  return tokens;
}

/** Empties the tag cache (benchmarks of cold analysis). */
export function clearTagCache(): void { cache.clear(); }
