import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver as CoreResolver, type ConfigFileSystem, type ResolvedConfig } from '../core/configFiles';
import { UsageError } from './files';

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
      if (!r) {
        // a missing or unreadable --config is a usage error: one line, exit 2
        let code = 'unreadable';
        try { fs.readFileSync(this.explicit, 'utf8'); } catch (e) { code = (e as { code?: string }).code ?? code; }
        throw new UsageError(code === 'ENOENT' ? `No such configuration file: ${this.explicit}` : `Cannot read the configuration ${this.explicit} (${code}).`);
      }
      return r;
    }
    return this.core.forDir(path.dirname(path.resolve(file)));
  }
}
