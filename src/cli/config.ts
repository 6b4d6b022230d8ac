import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../core';
import { ConfigResolver as CoreResolver, type ConfigFileSystem, type ResolvedConfig } from '../core/configFiles';

/** node:fs for the core's `.pir.yaml` resolver: the search stops at the repository root (a folder with `.git`). */
const nodeFs: ConfigFileSystem = {
  parent: dir => { const p = path.dirname(dir); return p === dir ? undefined : p; },
  join: (dir, name) => path.join(dir, name),
  read: file => { try { return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined; } catch { return undefined; } },
  isBoundary: dir => fs.existsSync(path.join(dir, '.git')),
};

/** The `.pir.yaml` for each file: `--config FILE`, else the nearest one up to the repository root (cached per folder). */
export class ConfigResolver {
  private readonly core = new CoreResolver(nodeFs);
  constructor(private explicit?: string) {}
  resolve(file: string): ResolvedConfig {
    if (this.explicit) {
      const r = this.core.load(path.resolve(this.explicit));
      // an unreadable --config is reported by the caller reading it (a one-line error)
      if (!r) fs.readFileSync(this.explicit, 'utf8');
      return r ?? { config: defaultConfig(), findings: [] };
    }
    return this.core.forDir(path.dirname(path.resolve(file)));
  }
}
