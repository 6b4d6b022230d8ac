/**
 * A least-recently-used cache keyed by text (a section's body), bounded by entries and by the
 * total length of its keys. What it holds (a tree, prose runs) grows with the text, so a bound on
 * the text bounds the memory: typing in a 5,000-entry timeline makes a new key every pause, and an
 * entry count alone would keep hundreds of those big trees.
 */
export class TextCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(private readonly maxEntries = 512, private readonly maxChars = 2_000_000) {}

  get(text: string): V | undefined {
    const hit = this.map.get(text);
    if (hit !== undefined) {
      this.map.delete(text);
      this.map.set(text, hit); // most recently used last
    }
    return hit;
  }

  set(text: string, value: V): void {
    if (this.map.has(text)) this.map.delete(text);
    else this.chars += text.length;
    this.map.set(text, value);
    while (this.map.size > 1 && (this.map.size > this.maxEntries || this.chars > this.maxChars)) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  clear(): void { this.map.clear(); this.chars = 0; }
  get size(): number { return this.map.size; }
}
