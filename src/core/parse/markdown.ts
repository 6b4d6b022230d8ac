import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/**
 * Parsed sections, keyed by their exact text: re-analysis after an edit parses only the sections
 * that changed (the others hit this cache). Trees are position-relative to the section text.
 */
const cache = new Map<string, Root>();
const CACHE_ENTRIES = 512;

export function parseMarkdown(text: string): Root {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit); // most recently used last
    return hit;
  }
  const tree = processor.parse(text) as Root;
  cache.set(text, tree);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return tree;
}

export function clearMarkdownCache(): void { cache.clear(); }
