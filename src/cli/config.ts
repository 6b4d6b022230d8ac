import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig, defaultConfig, type Config, type Finding } from '../core';
import { UsageError } from './files';

/** Finds the nearest .pir.yaml upward from a file (cached per directory). */
export class ConfigResolver {
  private byDir = new Map<string, { config: Config; file?: string; findings: Finding[] }>();
  constructor(private explicit?: string) {}
  resolve(file: string): { config: Config; file?: string; findings: Finding[] } {
    if (this.explicit) return this.load(this.explicit);
    return this.forDir(path.dirname(file));
  }
  private forDir(dir: string): { config: Config; file?: string; findings: Finding[] } {
    const hit = this.byDir.get(dir);
    if (hit) return hit;
    const candidate = path.join(dir, '.pir.yaml');
    let result;
    if (fs.existsSync(candidate)) result = this.load(candidate);
    else {
      const parent = path.dirname(dir);
      result = parent === dir ? { config: defaultConfig(), findings: [] } : this.forDir(parent);
    }
    this.byDir.set(dir, result);
    return result;
  }
  private loaded = new Map<string, { config: Config; file?: string; findings: Finding[] }>();
  private load(file: string) {
    const hit = this.loaded.get(file);
    if (hit) return hit;
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
      const code = (e as { code?: string }).code;
      throw new UsageError(code === 'ENOENT' ? `No such configuration file: ${file}` : `Cannot read the configuration ${file} (${code ?? (e as Error).message}).`);
    }
    const { config, findings } = parseConfig(text);
    const r = { config, file, findings };
    this.loaded.set(file, r);
    return r;
  }
}
