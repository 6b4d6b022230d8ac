// The snippets file, bundled by esbuild as JSON (`import … with { type: 'json' }`).
declare module '*.code-snippets' {
  const snippets: Record<string, { prefix?: string | string[]; body: string | string[]; description?: string; isFileTemplate?: boolean }>;
  export default snippets;
}
