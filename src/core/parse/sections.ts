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
  { kind: 'actions', title: 'Action items', aliases: ['corrective actions', 'corrective action plan', 'follow-ups', 'follow ups', 'followups', 'follow-up actions', 'action plan', 'remediation', 'remediations', 'remediation items', 'next steps', 'actions', 'action points', 'cap', 'poa&m', 'poam'], prompt: '' },
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

/** The section a heading names: its exact name or alias first, else the first purpose its words name (purposesOf). */
export function sectionKindOf(heading: string): SectionKind | undefined {
  const n = normalizeHeading(heading);
  return BY_NAME.get(n) ?? BY_NAME.get(n.replace(/\s*\(.*\)$/, '')) ?? purposesOf(heading)[0];
}

/**
 * The purposes a heading or label names in its own words, in the order it names them: "Incident
 * timeline and response" serves the timeline and the response, "Lessons learned and actions taken"
 * the lessons and the actions, "Future mitigations and product improvements" the actions (work to
 * come, also hedged: "Possible testing"), "Resolution and recovery" the response, "Favorable conditions encountered" the lucky breaks.
 * Words that name no purpose ("Background", "The ceremony", "Conclusion") give [].
 */
export function purposesOf(heading: string): SectionKind[] {
  // "After-Action Report: …" names the document (an AAR), not its action items
  const n = normalizeHeading(heading).replace(/\s*\([^)]*\)/g, ' ').replace(/\bafter[- ]action (reports?|reviews?)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (!n || n.length > 120) return [];
  const exact = BY_NAME.get(n);
  const found: { kind: SectionKind; at: number }[] = exact ? [{ kind: exact, at: -1 }] : [];
  // work still to come: mitigations, fixes and improvements named as future work are actions, not the response
  const future = FUTURE.test(n);
  for (const [kind, re] of PURPOSE_WORDS) {
    if (found.some(f => f.kind === kind)) continue;
    if (kind === 'response' && future && !RESPONSE_PAST.test(n)) continue;
    const m = re.exec(n);
    if (m) found.push({ kind, at: m.index });
  }
  if (future && !found.some(f => f.kind === 'actions') && /mitigation|fix|improvement|change|measure|enhancement|work|testing|tests|safeguard/.test(n)) found.push({ kind: 'actions', at: FUTURE.exec(n)!.index });
  // "Immediate fixes", "Immediate actions", "Response actions", "Containment actions" (NIST SP 800-61's phases): what was done during the incident
  if ((/\bimmediate\b/.test(n) || /\b(response|containment|eradication|recovery) actions?\b/.test(n) && !/\b(corrective|follow[- ]?up|action items?|preventi)/.test(n)) && !future) {
    const i = found.findIndex(f => f.kind === 'actions');
    if (i >= 0) { found.splice(i, 1); if (!found.some(f => f.kind === 'response')) found.push({ kind: 'response', at: 0 }); }
  }
  return found.sort((a, b) => a.at - b.at).map(f => f.kind);
}

/** Work to come, also when hedged: "Possible testing", "Proposed improvements", "Potential fixes". */
const FUTURE = /\b(future|long[- ]term|short[- ]term|preventi(ve|on)|preventative|proactive|planned|upcoming|going forward|next|possible|proposed|potential|suggested)\b/;
const RESPONSE_PAST = /\b(response|resolution|resolved|recovery|detection)\b/;

/**
 * The words that name each purpose, as reviews write their headings and labels. Order matters only
 * for ties; every purpose a heading names is kept.
 */
const PURPOSE_WORDS: [SectionKind, RegExp][] = [
  ['summary', /\b(summary|overview|tl;? ?dr|synopsis|executive summary|what happened|incident description|description of the (incident|issue|event))\b/],
  // a "What happened" narrative is where authors without a cause section explain the cause
  ['root-cause', /\bwhat happened\b/],
  ['impact', /\b(impact|impacted|affected|blast radius|user[- ]facing effects?|consequences)\b/],
  ['timeline', /\b(timeline|time line|chronology|sequence of events|timeline of events|events in order)\b/],
  ['root-cause', /\b(root[- ]?causes?|(proximate|underlying|direct|technical|primary|main|immediate) causes?|the causes?|causes?|why (it|this|did (it|this)) happen(ed)?|how (did )?(it|this) happen(ed)?|what caused|origin of the (incident|issue|problem|outage)|technical (details|analysis|explanation)|root[- ]cause analysis|rca|(five|5) whys)\b/],
  // the lead-up (Atlassian's "Leadup"): the prior changes and conditions that made the incident possible
  ['contributing-factors', /\b(contributing|contributors?|complications|aggravating|factors|lead[- ]?up)\b/],
  ['went-well', /\b(went (well|right|smoothly)|what worked|worked well|what helped|successes|things that helped|the good)\b/],
  ['went-poorly', /\b(went (poorly|wrong|badly|less well|not so well)|(didn'?t|did not|wasn'?t|was not) (go|going) (so |as |very |too )?well|(didn'?t|did not) work|(could|can|should) (have )?(gone|go|been|be) (better|improved)|needs? improvement|room for improvement|what hurt|problems encountered|pain points|the bad)\b/],
  ['lucky', /\b(lucky|luck|fortunate(ly)?|favou?rable conditions|near[- ]miss(es)?|got lucky)\b/],
  ['lessons', /\b(lessons?|learnings?|learned|learnt|takeaways?|reflections?|what we (learned|learnt)|thoughts)\b/],
  ['actions', /\b(action items?|actions?|follow[- ]?ups?|follow[- ]?on|next steps|remediations?|corrective|preventi(ve|on)|preventative|action plan|to-?dos?|tasks|improvements|recommendations|recommended|measures|fixes|future work|what we('re| are| will be) doing|being done|going forward|what'?s next|work items)\b/],
  ['response', /\b(response|responding|resolution|resolving|resolved|recovery|recovering|mitigation|mitigating|mitigated|detection|detected|containment|contained|eradication|how (we|was it|it was) (fixed|resolved|detected)|investigation|diagnosis|incident handling|remediation|restoration|alert(s|ing)?)\b/],
];

/** The section a line names exactly (its title or an alias), without reading purposes from its words. */
export function exactSectionKind(text: string): SectionKind | undefined {
  const n = normalizeHeading(text);
  return BY_NAME.get(n) ?? BY_NAME.get(n.replace(/\s*\(.*\)$/, ''));
}

export function sectionSpec(kind: SectionKind): SectionSpec { return SECTION_SPECS.find(s => s.kind === kind)!; }

/**
 * The purposes a part's text serves when its heading names none ("The nitty gritty", "Our setup
 * before the incident"): read from what the text says, as a facilitator would. Used only so that a
 * purpose is not reported missing when the text may hold it; never to call a section present.
 */
export function purposesFromText(text: string): SectionKind[] {
  const t = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const out: SectionKind[] = [];
  for (const [kind, re] of TEXT_CUES) if (re.test(t)) out.push(kind);
  return out;
}

const TEXT_CUES: [SectionKind, RegExp][] = [
  ['root-cause', /\b(root cause|the (underlying )?cause|caused by|was caused|were caused|because of (a|an|the)|due to (a|an|the)|the (bug|issue|problem|flaw|vulnerability) (was|is|lies|came)|(was|were) triggered by|led to (the|a) )/i],
  ['contributing-factors', /\b(contribut\w*|compounded|exacerbat\w*|made (it|this|things|matters) worse|amplif\w*|(a|the|one|another) (challenge|complication)s?\b)/i],
  ['response', /\b(we (quickly |then |immediately )?(rolled back|reverted|restarted|restored|deployed|patched|fixed|mitigated|halted|coordinated|upgraded|released|decided|disabled|paused|recovered)|(was|were) (restored|mitigated|resolved|rolled back)|(rollback|hotfix|emergency upgrade|patch|fix) (was|were) (applied|deployed|released)|to (resolve|mitigate|restore) (the|it|this|service))/i],
  ['actions', /\b(to prevent (this|similar|it|such|a recurrence)|going forward|in the future,? we|we (will|plan to|are going to|intend to)|we('| a)re (adding|working on|planning))/i],
  ['lessons', /\b(we learned|we learnt|lesson|takeaway|in hindsight|in retrospect)/i],
];
