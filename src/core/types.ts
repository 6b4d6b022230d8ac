/** Shared model types of the analysis core. Positions are 0-based (line, UTF-16 character), like LSP and VS Code. */

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit { range: Range; newText: string }

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix for the finding: editors apply it first. */
  isPreferred?: boolean;
  /** newText uses snippet syntax (${1:placeholder}); plain-text consumers strip it with snippetToText. */
  snippet?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
