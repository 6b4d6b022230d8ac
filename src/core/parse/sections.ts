/** The review's sections and the headings recognised for each (matched case-insensitively). */
export type SectionKind =
  | 'summary' | 'impact' | 'timeline' | 'response' | 'root-cause' | 'contributing-factors'
  | 'went-well' | 'went-poorly' | 'lucky' | 'lessons' | 'actions' | 'policy' | 'questions';

export interface SectionSpec { kind: SectionKind; title: string; aliases: string[]; optional?: boolean; prompt: string }

export const SECTION_SPECS: SectionSpec[] = [
  { kind: 'summary', title: 'Summary', aliases: ['overview', 'executive summary', 'incident summary', 'tl;dr', 'tldr', 'description'], prompt: 'What happened, in two or three sentences: the trigger, the impact and how it ended.' },
  { kind: 'impact', title: 'Impact', aliases: ['customer impact', 'user impact', 'business impact', 'impact assessment'], prompt: 'Who was affected, how, for how long; the numbers (requests failed, users, revenue, SLO budget).' },
  { kind: 'timeline', title: 'Timeline', aliases: ['chronology', 'incident timeline', 'timeline of events', 'sequence of events', 'timeline (utc)'], prompt: 'All times in UTC.' },
  { kind: 'response', title: 'Response', aliases: ['detection and response', 'incident response', 'response and recovery', 'mitigation', 'resolution', 'recovery', 'detection', 'detection and mitigation', 'remediation and recovery'], prompt: 'How the incident was detected, contained and resolved; the key decisions and why they were taken.' },
  { kind: 'root-cause', title: 'Root cause', aliases: ['root causes', 'cause', 'causes', 'root cause analysis', 'rca', 'trigger and root cause', 'root cause and trigger'], prompt: 'The conditions in the system that made this incident possible (not who made a mistake).' },
  { kind: 'contributing-factors', title: 'Contributing factors', aliases: ['contributing causes', 'contributing factor', 'contributors', 'factors'], prompt: 'What made the impact larger or the response slower.' },
  { kind: 'went-well', title: 'What went well', aliases: ['things that went well', 'went well', 'what worked', 'what worked well'], prompt: 'What helped: detection, tooling, people, process.' },
  { kind: 'went-poorly', title: 'What went poorly', aliases: ['what went wrong', 'things that went poorly', 'things that went wrong', 'went poorly', "what didn't go well", 'what did not go well', 'what could have gone better', 'what could be improved'], prompt: 'What hindered detection, diagnosis or recovery.' },
  { kind: 'lucky', title: 'Where we got lucky', aliases: ['where we were lucky', 'lucky', 'what was lucky', 'luck', 'where we got lucky', 'near misses'], prompt: 'What went right by chance and would not next time.' },
  { kind: 'lessons', title: 'Lessons learned', aliases: ['lessons', 'lessons learnt', 'learnings', 'takeaways', 'key takeaways'], prompt: 'What the team now knows that it did not before.' },
  { kind: 'actions', title: 'Action items', aliases: ['corrective actions', 'corrective action plan', 'follow-ups', 'follow ups', 'followups', 'follow-up actions', 'action plan', 'remediation', 'remediations', 'remediation items', 'next steps', 'actions', 'action points', 'cap'], prompt: '' },
  { kind: 'policy', title: 'Policy and procedure changes', aliases: ['policy changes', 'procedure changes', 'process changes', 'policy and process changes'], optional: true, prompt: 'Policies, runbooks or procedures this review changes.' },
  { kind: 'questions', title: 'Open questions', aliases: ['unknowns', 'unanswered questions', 'open issues', 'questions'], optional: true, prompt: 'Each unknown with the person who will follow it up.' },
];

const BY_NAME = new Map<string, SectionKind>();
for (const s of SECTION_SPECS) {
  BY_NAME.set(normalizeHeading(s.title), s.kind);
  for (const a of s.aliases) BY_NAME.set(normalizeHeading(a), s.kind);
}

export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[*_]/g, '')
    .replace(/^[^a-z0-9]+/, '') // numbering, emoji
    .replace(/^\d+(\.\d+)*[.)]?\s+/, '')
    .replace(/\s*[:.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sectionKindOf(heading: string): SectionKind | undefined {
  const n = normalizeHeading(heading);
  return BY_NAME.get(n) ?? BY_NAME.get(n.replace(/\s*\(.*\)$/, ''));
}

export function sectionSpec(kind: SectionKind): SectionSpec { return SECTION_SPECS.find(s => s.kind === kind)!; }
