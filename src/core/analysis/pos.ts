/**
 * Part-of-speech tags for the action-quality analysis, from a maintained tagger (wink-nlp) loaded
 * on first use: `tagTokens()` requires ./pos-tagger the first time it is called. In the Node
 * bundles that module is a file of its own (dist/tagger.js beside dist/core.js and dist/cli.js);
 * the web bundle loads dist/web/tagger.js itself and installs it (`installTagger`).
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

/** A tagger: the tokens of a sentence-sized text. */
export type TagFn = (text: string) => Token[];
let tagger: TagFn | undefined;
let tried = false;

const cache = new Map<string, Token[]>();
const CACHE_MAX = 4096;

/**
 * True when a tagger is there: loaded on the first call in the Node bundles and from source; in the
 * web bundle only once the extension has installed it (`installTagger`, after fetching
 * dist/web/tagger.js), since a web worker cannot `require` a file.
 */
export function taggerAvailable(): boolean {
  if (!tagger && !tried) {
    tried = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    tagger = (require('./pos-tagger') as { tag?: TagFn }).tag;
  }
  return !!tagger;
}

/** Installs the tagger (the web extension, after loading dist/web/tagger.js). */
export function installTagger(fn: TagFn): void {
  tagger = fn;
  cache.clear();
}

/** The tokens of `text` with their tags (cached by text). Throws when no tagger is available (see `taggerAvailable`). */
export function tagTokens(text: string): Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  if (!taggerAvailable()) throw new Error('the part-of-speech tagger is not loaded');
  const tokens = tagger!(text);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(text, tokens);
  return tokens;
}

/** Empties the tag cache (benchmarks of cold analysis). */
export function clearTagCache(): void { cache.clear(); }
