/**
 * Lookups in tables keyed by text from a document or a configuration file. `table[key]` with a key
 * such as `constructor`, `toString` or `__proto__` returns a member of Object.prototype (a
 * function that would be printed as text); these helpers only see the table's own entries.
 * Pure, no `vscode` import.
 */

/** `table[key]` when `key` is one of the table's own keys; otherwise undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string | undefined | null): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** True when `key` is one of the object's own keys (not inherited). */
export function hasOwn(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}
