/**
 * Phrase lists shared by the language rules (shallow-root-cause, blameful-language). Patterns are
 * matched against prose (see sectionProse in helpers.ts), case-insensitively.
 */

export interface LanguagePattern {
  re: RegExp;
  /** what is wrong, and what to write instead */
  hint: string;
  /** a mention under "not", "no", "rather than" … is not an assertion: skip it */
  negatable?: boolean;
  /** a mechanical rewording of the match, when there is one */
  reword?: (m: RegExpExecArray) => string | undefined;
  /** lower-case words one of which the text must contain for the pattern to match: a cheap filter before the regex */
  keys: string[];
  /** what must come just before the match (anchored with $); the match is extended back over it */
  before?: RegExp;
}

/** Causes that stop at a person: reported by shallow-root-cause in the cause sections, by blameful-language elsewhere. */
export const SHALLOW_CAUSES: LanguagePattern[] = [
  { re: /\b(?:human|operator|user|pilot|people|engineer|personnel)[\s*_-]+errors?\b/gi, negatable: true, hint: 'stops the analysis at a person. Ask what made the error possible and what let it cause harm (a missing check, a confusing interface, an unsafe default, time pressure), and describe that', keys: ['error'] },
  { re: /\b(?:a|the)?[\s*_]*(?:mistake|oversight)[\s*_]+(?:made[\s*_]+)?by\b/gi, negatable: true, hint: 'names who made a mistake, not why the system let it through. Describe what made the action reasonable at the time and what would have caught it', keys: ['mistake', 'oversight'] },
  { re: /\b(?:forgot|forgotten|forgetting|forgets|forget)[\s*_]+to\b/gi, hint: 'rests the explanation on someone\'s memory. Ask what depended on someone remembering, and what could do the remembering instead (a checklist step, an automated check, a safe default)', keys: ['forg'] },
];

const PARTICIPLES: Record<string, string> = {
  checked: 'check', 'double-checked': 'double-check', noticed: 'notice', known: 'know', seen: 'see', caught: 'catch', tested: 'test',
  verified: 'verify', asked: 'ask', read: 'read', followed: 'follow', waited: 'wait', looked: 'look', paged: 'page', escalated: 'escalate',
  reviewed: 'review', confirmed: 'confirm', validated: 'validate', realised: 'realise', realized: 'realize', spotted: 'spot', told: 'tell',
  informed: 'inform', notified: 'notify', updated: 'update', used: 'use', stopped: 'stop', reverted: 'revert', called: 'call',
  acknowledged: 'acknowledge', responded: 'respond', reported: 'report', raised: 'raise', flagged: 'flag', mentioned: 'mention',
  considered: 'consider', anticipated: 'anticipate', monitored: 'monitor', understood: 'understand', investigated: 'investigate',
  communicated: 'communicate', documented: 'document', coordinated: 'coordinate', foreseen: 'foresee', predicted: 'predict',
  prepared: 'prepare', planned: 'plan', run: 'run', 'waited for': 'wait for', 'rolled back': 'roll back', 'paid attention': 'pay attention',
};
const PARTICIPLE_RE = Object.keys(PARTICIPLES).sort((a, b) => b.length - a.length).map(p => p.replace(/ /g, '[\\s*_]+')).join('|');

// verbs of people's attention and judgement; "failed to respond/read/validate/page" are usually said of systems and left alone
const HUMAN_VERBS = 'notice|check|double-check|follow|escalate|communicate|test|review|consider|realise|realize|see|inform|mention|understand|anticipate|spot|ask|tell|recogni[sz]e|investigate|predict|foresee|plan|prepare|coordinate|document|pay attention|consult|heed|account for|take into account|think';

const PERSON = '(?:@[\\w.-]+|(?:an?|the|our|their|one|same|junior|new|on-?call|\\s|[*_])+(?:engineers?|operators?|developers?|devs?|admins?|administrators?|interns?|contractors?|employees?|team[\\s-]members?|persons?|humans?|SREs?|DBAs?|on-?callers?|responders?|staff)|someone|somebody|he|she|they)';

export const BLAME_PATTERNS: LanguagePattern[] = [
  {
    // hindsight is "should have" + a past participle ("should have checked", "should have been
    // caught"); "should have priority", "every service should have an owner" state a need
    re: new RegExp(`\\bshould(?:[\\s*_]+have|['’]ve)(?=[\\s*_]+(?:${PARTICIPLE_RE}|been|known|seen|done|caught|taken|made|gotten|got|\\w+ed)\\b)(?:[\\s*_]+(${PARTICIPLE_RE})\\b)?`, 'gi'),
    keys: ['should'],
    hint: 'is hindsight: it judges a decision by what is known now. Describe what the person knew and saw at the time, and what the system did or did not prompt',
    reword: m => (m[1] ? `did not ${PARTICIPLES[m[1].toLowerCase().replace(/[\s*_]+/g, ' ')] ?? PARTICIPLES[m[1].toLowerCase()]}` : undefined),
  },
  { re: /\bshould(?:[\s*_]+not|n['’]t)[\s*_]+have\b/gi, hint: 'is hindsight: it judges a decision by what is known now. Describe what made the action look right at the time, and what would have stopped it', keys: ['should'] },
  { re: /\bcould(?:[\s*_]+have[\s*_]+easily|[\s*_]+easily[\s*_]+have)\b/gi, hint: 'is hindsight: what is easy now was not obvious then. Describe what the person knew at the time', keys: ['easily'] },
  {
    re: new RegExp(`\\b(?:failed|fails|failing)[\\s*_]+to[\\s*_]+(${HUMAN_VERBS.replace(/ /g, '[\\s*_]+')})\\b`, 'gi'),
    keys: ['fail'],
    hint: 'frames an action as a personal failure. Say what happened ("did not …") and why it was reasonable at the time: what did the system show, or not show',
    reword: m => `did not ${m[1].toLowerCase().replace(/[\s*_]+/g, ' ')}`,
  },
  { re: /\b(?:careless(?:ly|ness)?|negligen(?:t|ce|tly)|incompeten(?:t|ce|tly)|sloppy|sloppiness|reckless(?:ly|ness)?|lazy|laziness|inattentive(?:ness)?|irresponsibl[ey])\b/gi, negatable: true, hint: 'judges a person. Describe the conditions (time pressure, a missing check, confusing tooling) that made the action likely', keys: ['careless', 'negligen', 'incompeten', 'sloppy', 'sloppiness', 'reckless', 'lazy', 'laziness', 'inattentive', 'irresponsib'] },
  { re: /(?:\b(?<!git[\s*_]+)blam(?:e|ed|es|ing)(?![\w-])|\b(?:their|his|her|my|our)[\s*_]+fault|\bfault[\s*_]+of|\bat[\s*_]+fault|['’]s[\s*_]+fault)/gi, negatable: true, hint: 'assigns blame. Reviews are blameless: describe what the system allowed, and why the action made sense at the time', keys: ['blam', 'fault'] },
  { re: /['’]s[\s*_]+(?:mistake|oversight|negligence|carelessness|blunder|screw-?up|slip-?up)\b/gi, before: /(?:@[\w.-]+|\b[\w-]+)$/, negatable: true, hint: 'names a person as the cause. Describe the action and the conditions that let it cause harm', keys: ['mistake', 'oversight', 'negligence', 'carelessness', 'blunder', 'screw', 'slip'] },
  { re: new RegExp(`\\b(?:caused|triggered|broken|started|introduced)[\\s*_]+by[\\s*_]+${PERSON}(?![\\w-])`, 'gi'), negatable: true, hint: 'names a person as the cause. Describe the action and the conditions that let it cause harm', keys: ['caused', 'triggered', 'broken', 'started', 'introduced'] },
  { re: /@[\w.-]+[\s*_]+(?:caused|broke|forgot|missed|ignored|neglected|overlooked|messed[\s*_]+up|screwed[\s*_]+up|botched)\b/gi, hint: 'names a person as the cause. Describe the action and the conditions that let it cause harm', keys: ['@'] },
  { re: /\b(?:made|makes|making)[\s*_]+(?:a|an|the)[\s*_]+(?:mistake|error|blunder)\b/gi, before: new RegExp(`\\b${PERSON}[\\s*_]+$`, 'i'), negatable: true, hint: 'names a person as the cause. Describe the action and the conditions that let it cause harm', keys: ['made', 'makes', 'making'] },
];

const NEGATION = /\b(?:not|no|never|nobody|no[\s-]one|without|rather than|instead of|other than|beyond|than)\b[^.;:!?\n]{0,25}$|n['’]t\b[^.;:!?\n]{0,25}$/i;

/** True when the text just before a match negates or contrasts it ("not human error", "no one is at fault"). */
export function negated(text: string, index: number): boolean {
  return NEGATION.test(text.slice(Math.max(0, index - 40), index));
}

export interface LanguageMatch { index: number; end: number; text: string; m: RegExpExecArray }

/** The matches of a pattern in a prose text: `before` checked and included, negated mentions left out. */
export function findMatches(text: string, pat: LanguagePattern): LanguageMatch[] {
  const out: LanguageMatch[] = [];
  pat.re.lastIndex = 0;
  for (let m = pat.re.exec(text); m; m = pat.re.exec(text)) {
    if (!m[0]) { pat.re.lastIndex++; continue; }
    let index = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].length;
    if (pat.before) {
      const head = text.slice(Math.max(0, index - 60), index);
      const b = pat.before.exec(head);
      if (!b) continue;
      index -= head.length - b.index;
    }
    if (pat.negatable && negated(text, index)) continue;
    out.push({ index, end, text: text.slice(index, end).trim().replace(/[\s*_]+/g, ' '), m });
  }
  return out;
}
