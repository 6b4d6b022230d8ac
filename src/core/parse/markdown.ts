import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root } from 'mdast';
import { capNesting, clearBlockCache } from './blocks';
import { clearFrontMatterCache } from './frontMatter';
import { clearProseCache } from './prose';
import type { Processor } from 'unified';
import { TextCache } from './textCache';

/**
 * The two GFM constructs the format uses: tables and task list items. Not remark-gfm: its autolink
 * literals, footnotes and strikethrough cost parse time (the autolink-literal tokenizer and its
 * tree walk) and bring mdast-util-to-markdown into the bundles, and no consumer reads them.
 */
function gfmTablesAndTasks(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmTablesAndTasks);

/**
 * Parsed sections, keyed by their exact text: re-analysis after an edit parses only the sections
 * that changed (the others hit this cache). Trees are position-relative to the section text.
 */
const cache = new TextCache<Root>();

/**
 * A section body parsed by remark, lists and quotes followed to MAX_NESTING levels (deeper content
 * is blanked before the parse: see capNesting; positions still hold for `text`).
 */
export function parseMarkdown(text: string): Root {
  const hit = cache.get(text);
  if (hit) return hit;
  const tree = processor.parse(capNesting(text).text) as Root;
  cache.set(text, tree);
  return tree;
}

/** Empties every parse cache of the core: remark trees, line-scan block trees and prose runs, front matter YAML (the benchmark's cold runs). */
export function clearMarkdownCache(): void { cache.clear(); clearBlockCache(); clearFrontMatterCache(); clearProseCache(); }
