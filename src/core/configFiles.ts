/**
 * Finding the `.pir.yaml` that applies to a review: the nearest one in the review's folder or a
 * folder above it, stopping at the workspace folder or the repository root. One resolver for the
 * editor (over vscode.workspace.fs), the audit report and the CLI (over node:fs); each supplies a
 * small file-system port. The file is parsed as data by parseConfig (never executed). Pure apart
 * from the port's calls; results are cached per folder until clear().
 */
import { defaultConfig, parseConfig, type Config } from './config';
import type { Finding } from './types';

export const CONFIG_FILE = '.pir.yaml';

/** The configuration that applies, the file it came from (none: the defaults) and that file's problems. */
export interface ResolvedConfig { config: Config; file?: string; findings: Finding[] }

/** Folders and files as strings in the port's own form (file paths, URI strings). */
export interface ConfigFileSystemBase {
  /** the folder above `dir`; undefined at the top of the file system */
  parent(dir: string): string | undefined;
  /** `dir`'s child `name` */
  join(dir: string, name: string): string;
}

export interface ConfigFileSystem extends ConfigFileSystemBase {
  /** the file's text; undefined when there is none or it cannot be read */
  read(file: string): string | undefined;
  /** the search stops after this folder (the workspace folder, a repository root) */
  isBoundary(dir: string): boolean;
}

export interface AsyncConfigFileSystem extends ConfigFileSystemBase {
  read(file: string): Promise<string | undefined>;
  isBoundary(dir: string): boolean | Promise<boolean>;
  /** optional: whether the file exists, when that is cheaper than reading it (a listing of the workspace) */
  exists?(file: string): Promise<boolean | undefined>;
}

function parsed(text: string, file: string): ResolvedConfig {
  const { config, findings } = parseConfig(text);
  return { config, file, findings };
}

const none = (): ResolvedConfig => ({ config: defaultConfig(), findings: [] });

/** The synchronous resolver (the CLI). */
export class ConfigResolver {
  private byDir = new Map<string, ResolvedConfig>();
  private byFile = new Map<string, ResolvedConfig | undefined>();
  constructor(private readonly fs: ConfigFileSystem) {}

  /** The configuration for files in `dir`. */
  forDir(dir: string): ResolvedConfig {
    const hit = this.byDir.get(dir);
    if (hit) return hit;
    const here = this.load(this.fs.join(dir, CONFIG_FILE));
    const parent = this.fs.parent(dir);
    const result = here ?? (parent === undefined || this.fs.isBoundary(dir) ? none() : this.forDir(parent));
    this.byDir.set(dir, result);
    return result;
  }

  /** A given file (`pir lint --config FILE`); undefined when it cannot be read. */
  load(file: string): ResolvedConfig | undefined {
    if (!this.byFile.has(file)) {
      const text = this.fs.read(file);
      this.byFile.set(file, text === undefined ? undefined : parsed(text, file));
    }
    return this.byFile.get(file);
  }

  clear(): void { this.byDir.clear(); this.byFile.clear(); }
}

/** The asynchronous resolver (the editor, over vscode.workspace.fs; the audit report). */
export class AsyncConfigResolver {
  private byDir = new Map<string, Promise<ResolvedConfig>>();
  private byFile = new Map<string, Promise<ResolvedConfig | undefined>>();
  constructor(private readonly fs: AsyncConfigFileSystem) {}

  /** The configuration for files in `dir`. */
  forDir(dir: string): Promise<ResolvedConfig> {
    let p = this.byDir.get(dir);
    if (!p) {
      p = (async () => {
        const here = await this.load(this.fs.join(dir, CONFIG_FILE));
        if (here) return here;
        const parent = this.fs.parent(dir);
        if (parent === undefined || await this.fs.isBoundary(dir)) return none();
        return this.forDir(parent);
      })();
      this.byDir.set(dir, p);
    }
    return p;
  }

  /** One `.pir.yaml`; undefined when there is none. */
  load(file: string): Promise<ResolvedConfig | undefined> {
    let p = this.byFile.get(file);
    if (!p) {
      p = (async () => {
        if (this.fs.exists && (await this.fs.exists(file)) === false) return undefined;
        const text = await this.fs.read(file);
        return text === undefined ? undefined : parsed(text, file);
      })();
      this.byFile.set(file, p);
    }
    return p;
  }

  clear(): void { this.byDir.clear(); this.byFile.clear(); }
}
