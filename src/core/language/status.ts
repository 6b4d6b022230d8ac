/** The status bar's words for the active review: status, severity, open findings. Pure. */
import { own } from '../safe/keys';
import { iconSafe } from '../safe/icons';

export interface StatusSummary { status?: string; severity?: string; id?: string; errors: number; warnings: number; infos: number }

const STATUS_WORDS: Record<string, string> = { draft: 'Draft', 'in-review': 'In review', final: 'Final' };

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export function statusBarText(s: StatusSummary): { text: string; tooltip: string } {
  const status = s.status ? own(STATUS_WORDS, s.status.toLowerCase()) ?? s.status : 'No status';
  const findings = s.errors + s.warnings + s.infos;
  // the review's words are text: `$(sync~spin)` in a status is not an icon
  const parts = ([status, s.severity].filter(Boolean) as string[]).map(iconSafe);
  const icon = s.errors ? '$(error)' : s.warnings ? '$(warning)' : findings ? '$(info)' : '$(pass)';
  const text = `$(checklist) ${parts.join(' · ')} · ${icon} ${findings ? plural(findings, 'finding') : 'no findings'}`;
  const counts = [s.errors && plural(s.errors, 'error'), s.warnings && plural(s.warnings, 'warning'), s.infos && plural(s.infos, 'suggestion')].filter(Boolean).join(', ');
  const tooltip = `Post-incident review${s.id ? ` ${s.id}` : ''}: status ${s.status || 'not set'}, severity ${s.severity || 'not set'}. ${counts ? `Open findings: ${counts}.` : 'No open findings.'} Click to open the Problems view.`;
  return { text, tooltip };
}
