/**
 * Every `pir.*` setting in one typed object, read in one place, with one change event. Features
 * read `settings.get(scope)` and listen to `settings.onDidChange` (which also reports `files.exclude`,
 * which the workspace index honours) instead of calling getConfiguration themselves.
 */
import * as vscode from 'vscode';
import type { RuleSetting } from '../../core/config';

export interface PirSettings {
  /** pir.enable: check reviews and show their problems */
  enable: boolean;
  /** pir.run: when reviews are checked */
  run: 'onType' | 'onSave';
  /** pir.severityOverrides: rule ID → severity or off, on top of `.pir.yaml` */
  severityOverrides: Record<string, RuleSetting>;
  /** pir.defaultTimezone: the user's fallback zone for zone-less stamps (after the team's `.pir.yaml`) */
  defaultTimezone?: string;
  /** pir.index.include / pir.index.exclude: globs relative to each workspace folder (raw values; the index validates them) */
  index: { include: unknown; exclude: unknown };
  /** pir.newReview.folder: where New Post-Incident Review creates reviews, relative to the workspace folder */
  newReviewFolder: string;
  /** pir.me: your owner handles, comma-separated */
  me: string;
}

export type SettingKey = 'enable' | 'run' | 'severityOverrides' | 'defaultTimezone' | 'index' | 'newReview' | 'me';

export interface SettingsChange {
  /** whether a setting (or `files.exclude`) changed, optionally for a resource */
  affects(key: SettingKey | 'files.exclude', scope?: vscode.ConfigurationScope): boolean;
}

const VALID = new Set(['error', 'warning', 'info', 'off']);
export const DEFAULT_NEW_REVIEW_FOLDER = 'reviews';

/** Reads every `pir.*` setting for a resource (or the window). */
export function readPirSettings(scope?: vscode.ConfigurationScope): PirSettings {
  const c = vscode.workspace.getConfiguration('pir', scope);
  const overrides: Record<string, RuleSetting> = {};
  const raw = c.get<Record<string, unknown>>('severityOverrides') ?? {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && VALID.has(v)) overrides[k] = v as RuleSetting;
  }
  const tz = c.get<string>('defaultTimezone')?.trim();
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    severityOverrides: overrides,
    defaultTimezone: tz || undefined,
    index: { include: c.get('index.include'), exclude: c.get('index.exclude') },
    newReviewFolder: c.get<string>('newReview.folder', DEFAULT_NEW_REVIEW_FOLDER) ?? DEFAULT_NEW_REVIEW_FOLDER,
    me: c.get<string>('me') ?? '',
  };
}

/** Writes `pir.me` (user settings). */
export async function updateMe(handle: string): Promise<void> {
  await vscode.workspace.getConfiguration('pir').update('me', handle, vscode.ConfigurationTarget.Global);
}

export class SettingsService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SettingsChange>();
  private readonly subscription: vscode.Disposable;
  /** fires once per configuration change that touches a `pir.*` setting or `files.exclude` */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration('pir') && !e.affectsConfiguration('files.exclude')) return;
      this.emitter.fire({ affects: (key, scope) => e.affectsConfiguration(key === 'files.exclude' ? key : `pir.${key}`, scope) });
    });
  }

  get(scope?: vscode.ConfigurationScope): PirSettings {
    return readPirSettings(scope);
  }

  dispose(): void { this.subscription.dispose(); this.emitter.dispose(); }
}
