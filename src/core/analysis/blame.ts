/**
 * Blame analysis shared by blameful-language and shallow-root-cause: wording that puts the cause on
 * a person or the team rather than on the system. Patterns are matched against prose (see
 * sectionProse in rules/helpers.ts), case-insensitively, and then judged in context:
 *
 * - **negation** ("this is not about blame", "no one is at fault") and **quotation** (a phrase
 *   inside quotation marks is mentioned, not asserted) leave a match alone;
 * - **the subject**: hindsight ("should have …") counts only about a person's decision, so the
 *   words before the match are read for who the subject is: a person or the team ("we", "the
 *   engineer", "Li Wei", "@ana", "the drand team"), a thing ("the blocks", "it", "pods"), or none
 *   (a fragment such as "- should have done the change on one host first", which is a decision);
 * - the kinds the guideline names: hindsight, idioms of blame and self-blame ("made a critical
 *   mistake", "failed to take into consideration", "dropped the ball"), a person or role as the
 *   cause ("caused by the engineer", "X's mistake", "inadvertently overwrote"), and "human error",
 *   "by mistake", "an oversight" as the whole cause.
 *
 * Each pattern's hint says what to write instead: what the system allowed, showed or prompted.
 */

/** Who a clause is about, judged from the words before a match. */
export type Subject = 'person' | 'thing' | 'none';

const PERSON_WORDS = /^(?:we|i|he|she|they|us|me|him|her|them|someone|somebody|everyone|nobody|team|teams|engineers?|operators?|developers?|devs?|admins?|administrators?|interns?|contractors?|employees?|members?|persons?|people|folks|humans?|sres?|dbas?|on-?callers?|on-?call|responders?|staff|contributors?|maintainers?|reviewers?|authors?|owners?|managers?|leads?|users?|customers?|partners?|pools?|validators?|labs|analysts?|specialists?|technicians?|consultants?|architects?|testers?|oncall|directors?|colleagues?|coworkers?|co-workers?|volunteers?|moderators?|sysadmins?|designers?|approvers?|committers?|requesters?|vendors?|commander|incident-commander|ic|support|ops|[a-z]+ists?)$/i;
const THING_WORDS = /^(?:it|this|that|these|those|which|there)$/i;
/** Words between a subject and its verb: adverbs, auxiliaries, fillers. */
const FILLER = /^(?:also|then|just|simply|really|clearly|obviously|probably|certainly|unfortunately|initially|originally|still|yet|already|not|never|and|but|so|have|has|had|did|do|does|could|would|should|may|might|must|all|both|ourselves|themselves|really|was|were|is|are|been|being|in|hindsight|retrospect|retrospectively|,|—|–)$/i;

/**
 * The subject of the clause that ends at `index` in `text`: read back to the clause's start (a
 * sentence end, a colon, a table cell, a list dash) over adverbs and auxiliaries, to the nearest word.
 */
export function subjectBefore(text: string, index: number): Subject {
  return subjectOf(text, index).subject;
}

/** The subject and its word (see `subjectBefore`). */
function subjectOf(text: string, index: number): { subject: Subject; word?: string } {
  const head = text.slice(Math.max(0, index - 160), index);
  const clause = head.split(/[.!?;:|\n]\s|[|\n]|\s[-–—]\s|^\s*[-*+]\s/).pop() ?? '';
  const words = clause.match(/@[\w.-]+|[\p{L}\p{N}'’-]+(?:\.[\p{L}\p{N}-]+)*/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i].replace(/['’]s$/i, '');
    if (FILLER.test(w)) continue;
    if (w.startsWith('@') || PERSON_WORDS.test(w)) return { subject: 'person', word: w };
    if (THING_WORDS.test(w)) return { subject: 'thing', word: w };
    // a name: capitalised inside the sentence, or written with inner capitals ("cLabs"); a person or a party
    if (/^\p{Lu}/u.test(w) && i > 0 || /\p{Ll}\p{Lu}/u.test(w)) return { subject: 'person', word: w };
    if (/^\p{Lu}/u.test(w) && words.length === 1) return { subject: 'person', word: w };
    return { subject: 'thing', word: w };
  }
  return { subject: 'none' };
}

/** True when a person or the team is named earlier in the sentence that holds `index`. */
function personEarlierInSentence(text: string, index: number): boolean {
  const sentence = (text.slice(Math.max(0, index - 200), index).split(/[.!?;]\s|\n/).pop() ?? '');
  return (sentence.match(/@[\w.-]+|[\p{L}'’-]+(?:\.[\p{L}-]+)*/gu) ?? []).some(w => w.startsWith('@') || PERSON_WORDS.test(w.replace(/['’]s$/i, '')));
}

/** True when `index` is inside quotation marks on its line (a phrase mentioned, not asserted). */
export function quoted(text: string, index: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
  const straight = (line.match(/"/g) ?? []).length;
  const open = (line.match(/[“]/g) ?? []).length - (line.match(/[”]/g) ?? []).length;
  return straight % 2 === 1 || open > 0;
}

export interface LanguagePattern {
  re: RegExp;
  /** what is wrong, and what to write instead */
  hint: string;
  /** a mention under "not", "no", "rather than" … is not an assertion: skip it */
  negatable?: boolean;
  /** mechanical rewordings of the match, when there are any: first the plain description, then one toward what the system prompted */
  reword?: (m: RegExpExecArray) => string | string[] | undefined;
  /** lower-case words one of which the text must contain for the pattern to match: a cheap filter before the regex */
  keys: string[];
  /** what must come just before the match (anchored with $); the match is extended back over it */
  before?: RegExp;
  /** who the clause must be about for the match to count (see `subjectBefore`); any when absent */
  subjects?: Subject[];
  /** for a match whose subject is a thing or unknown: the verb (group 1) must be one of a person's acts */
  humanVerbUnlessPerson?: boolean;
  /** with `subjects: ['person']`: a person named earlier in the sentence also counts ("we knew it was coming, but did not …") */
  personInSentence?: boolean;
  /** the person must not be the writers themselves ("we", "I") */
  notFirstPerson?: boolean;
  /** people whose omission is impact, not blame ("most users did not notice") */
  notOf?: RegExp;
}

/** Causes that stop at a person: reported by shallow-root-cause in the cause sections, by blameful-language elsewhere. */
export const SHALLOW_CAUSES: LanguagePattern[] = [
  { re: /\b(?:human|operator|user|pilot|people|engineer|personnel)[\s*_-]+errors?\b/gi, negatable: true, hint: 'stops the analysis at a person. Ask what made the error possible and what let it cause harm (a missing check, a confusing interface, an unsafe default, time pressure), and describe that', keys: ['error'] },
  { re: /\b(?:a|the)?[\s*_]*(?:mistake|oversight)[\s*_]+(?:made[\s*_]+)?by\b/gi, negatable: true, hint: 'names who made a mistake, not why the system let it through. Describe what made the action reasonable at the time and what would have caught it', keys: ['mistake', 'oversight'] },
  { re: /\b(?:forgot|forgotten|forgetting|forgets|forget)[\s*_]+to\b/gi, hint: 'rests the explanation on someone\'s memory. Ask what depended on someone remembering, and what could do the remembering instead (a checklist step, an automated check, a safe default)', keys: ['forg'] },
  { re: /\bby[\s*_]+mistake\b/gi, negatable: true, hint: 'gives a slip as the whole cause. Say what made the slip possible (two commands that look alike, no confirmation, no review) and what let it cause harm', keys: ['mistake', 'error'] },
  { re: /\b(?:(?:an?|was|is|simple|honest|human|small|unfortunate)[\s*_]+)+oversight\b(?![\s*_]+(?:committee|board|body|council|of|over|in|on|into|within))/gi, negatable: true, hint: 'gives an oversight as the whole cause. Say what would have brought the thing to someone\'s attention (a checklist, a review step, a default) and why nothing did', keys: ['oversight'] },
];

const PARTICIPLES: Record<string, string> = {
  checked: 'check', 'double-checked': 'double-check', noticed: 'notice', known: 'know', seen: 'see', caught: 'catch', tested: 'test',
  verified: 'verify', asked: 'ask', read: 'read', followed: 'follow', waited: 'wait', looked: 'look', paged: 'page', escalated: 'escalate',
  reviewed: 'review', confirmed: 'confirm', validated: 'validate', realised: 'realise', realized: 'realize', spotted: 'spot', told: 'tell',
  informed: 'inform', notified: 'notify', updated: 'update', used: 'use', stopped: 'stop', reverted: 'revert', called: 'call',
  acknowledged: 'acknowledge', responded: 'respond', reported: 'report', raised: 'raise', flagged: 'flag', mentioned: 'mention',
  considered: 'consider', anticipated: 'anticipate', monitored: 'monitor', understood: 'understand', investigated: 'investigate',
  communicated: 'communicate', documented: 'document', coordinated: 'coordinate', foreseen: 'foresee', predicted: 'predict',
  prepared: 'prepare', planned: 'plan', run: 'run', done: 'do', 'waited for': 'wait for', 'rolled back': 'roll back', 'paid attention': 'pay attention',
};
const PARTICIPLE_RE = Object.keys(PARTICIPLES).sort((a, b) => b.length - a.length).map(p => p.replace(/ /g, '[\\s*_]+')).join('|');

// verbs of people's attention and judgement; "failed to respond/read/validate/page" are usually said of systems, so they count only with a person as the subject
const HUMAN_VERBS = 'notice|check|double-check|follow|escalate|communicate|notify|test|review|consider|realise|realize|see|inform|mention|understand|anticipate|spot|ask|tell|recogni[sz]e|investigate|predict|foresee|plan|prepare|coordinate|document|pay attention|consult|heed|account for|take into account|take into consideration|think|prioriti[sz]e|keep a close eye|keep an eye|look into|verify|confirm|upgrade';
const HUMAN_VERB = new RegExp(`^(?:${HUMAN_VERBS.replace(/ /g, '[\\s*_]+')})$`, 'i');
/** What a person is expected to have done: "did not check", "hadn't prioritised", "didn't start looking into it". */
const OMITTED = 'check|double-check|verify|test|anticipate|consider|notice|follow|review|monitor|keep[\\s*_]+(?:a[\\s*_]+close|an)[\\s*_]+eye|look[\\s*_]+into|start[\\s*_]+looking|prioriti[sz]e[ds]?|communicate|notify|escalate|confirm|validate|read|wait|think|realise|realize|take[\\s*_]+into[\\s*_]+(?:account|consideration)|plan[\\s*_]+for|prepare';

const PERSON = '(?:@[\\w.-]+|(?:an?|the|our|their|one|same|junior|new|on-?call|\\s|[*_])+(?:engineers?|operators?|developers?|devs?|admins?|administrators?|interns?|contractors?|employees?|team[\\s-]members?|persons?|humans?|SREs?|DBAs?|on-?callers?|responders?|staff)|someone|somebody|he|she|they)';

const HINDSIGHT = 'is hindsight: it judges a decision by what is known now. Describe what the person knew and saw at the time, and what the system did or did not prompt';
const AS_CAUSE = 'names a person as the cause. Describe the action and the conditions that let it cause harm';

export const BLAME_PATTERNS: LanguagePattern[] = [
  {
    // hindsight is "should have" + a past participle ("should have checked", "should have been
    // involved") said of a person or with no subject (a decision); "should have priority", "every
    // service should have an owner" state a need, and "the blocks should have raised the price" an expectation of a system
    re: new RegExp(`\\bshould(?:[\\s*_]+have|['’]ve)(?=[\\s*_]+(?:${PARTICIPLE_RE}|been|known|seen|done|caught|taken|made|gotten|got|\\w+ed)\\b)(?:[\\s*_]+(${PARTICIPLE_RE})\\b)?`, 'gi'),
    keys: ['should'],
    subjects: ['person', 'none'],
    hint: HINDSIGHT,
    reword: m => {
      const verb = m[1] ? PARTICIPLES[m[1].toLowerCase().replace(/[\s*_]+/g, ' ')] : undefined;
      return verb ? [`did not ${verb}`, `had no prompt to ${verb}`] : undefined;
    },
  },
  { re: /\bshould(?:[\s*_]+not|n['’]t)[\s*_]+have\b/gi, subjects: ['person', 'none'], hint: 'is hindsight: it judges a decision by what is known now. Describe what made the action look right at the time, and what would have stopped it', keys: ['should'] },
  { re: /\bcould(?:[\s*_]+have[\s*_]+easily|[\s*_]+easily[\s*_]+have)\b/gi, hint: 'is hindsight: what is easy now was not obvious then. Describe what the person knew at the time', keys: ['easily'] },
  {
    // "we failed to take into consideration", "the failure to notify users", "Failed to proactively communicate …"
    re: /\b(?:failed|fails|failing|failure)[\s*_]+to[\s*_]+(?:\w+ly[\s*_]+)?((?:take|keep|pay|look|account)[\s*_]+\w+(?:[\s*_]+(?:account|consideration|eye|attention))?|[\w-]+)\b/gi,
    keys: ['fail'],
    humanVerbUnlessPerson: true,
    hint: 'frames an action as a personal failure. Say what happened ("did not …") and why it was reasonable at the time: what did the system show, or not show',
    reword: m => {
      if (!/^fail/i.test(m[0]) || /^failure/i.test(m[0])) return undefined;
      const rest = m[0].replace(/^\w+[\s*_]+to[\s*_]+/i, '').replace(/[\s*_]+/g, ' ');
      return [`did not ${rest}`, `had no prompt to ${rest}`];
    },
  },
  {
    re: new RegExp(`\\b(?:did[\\s*_]+not|didn['’]t|had[\\s*_]+not|hadn['’]t|never)(?:[\\s*_]+(?:yet|even|really|properly|actually))?[\\s*_]+(${OMITTED})\\b`, 'gi'), subjects: ['person'], personInSentence: true, notOf: /^(?:users?|customers?|clients?|visitors?|people|partners?|subscribers?|players?|buyers?|members?|everyone|anyone|nobody)$/i, keys: ['not', "n't", 'n’t', 'never'],
    hint: 'frames the review around what a person did not do. Describe what the system showed them, and what would have prompted the step (a check, an alert, a checklist item)',
    reword: m => (/^(?:did|didn)/i.test(m[0]) ? `had no prompt to ${m[1].replace(/[\s*_]+/g, ' ').toLowerCase()}` : undefined),
  },
  { re: /\b(?:careless(?:ly|ness)?|negligen(?:t|ce|tly)|incompeten(?:t|ce|tly)|sloppy|sloppiness|reckless(?:ly|ness)?|lazy|laziness|inattentive(?:ness)?|irresponsibl[ey])\b/gi, negatable: true, hint: 'judges a person. Describe the conditions (time pressure, a missing check, confusing tooling) that made the action likely', keys: ['careless', 'negligen', 'incompeten', 'sloppy', 'sloppiness', 'reckless', 'lazy', 'laziness', 'inattentive', 'irresponsib'] },
  { re: /(?:\b(?<!git[\s*_]+)blam(?:e|ed|es|ing)(?![\w-])|\b(?:their|his|her|my|our)[\s*_]+fault|\bfault[\s*_]+of|['’]s[\s*_]+fault)/gi, negatable: true, hint: 'assigns blame. Reviews are blameless: describe what the system allowed, and why the action made sense at the time', keys: ['blam', 'fault'] },
  // "the engineer was at fault"; not a thing ("their bank was at fault", "the cache was at fault")
  { re: /\bat[\s*_]+fault\b/gi, subjects: ['person', 'none'], negatable: true, hint: 'assigns blame. Reviews are blameless: describe what the system allowed, and why the action made sense at the time', keys: ['fault'] },
  { re: /['’]s[\s*_]+(?:mistake|oversight|negligence|carelessness|blunder|screw-?up|slip-?up)\b/gi, before: /(?:@[\w.-]+|\b[\w-]+)$/, negatable: true, hint: AS_CAUSE, keys: ['mistake', 'oversight', 'negligence', 'carelessness', 'blunder', 'screw', 'slip'] },
  { re: new RegExp(`\\b(?:caused|triggered|broken|started|introduced)[\\s*_]+by[\\s*_]+${PERSON}(?![\\w-])`, 'gi'), negatable: true, hint: AS_CAUSE, keys: ['caused', 'triggered', 'broken', 'started', 'introduced'] },
  { re: /@[\w.-]+[\s*_]+(?:caused|broke|forgot|missed|ignored|neglected|overlooked|messed[\s*_]+up|screwed[\s*_]+up|botched)\b/gi, hint: AS_CAUSE, keys: ['@'] },
  // self-blame and blame idioms: "we made one critical mistake", "the team dropped the ball"
  { re: /\b(?:made|make|makes|making)[\s*_]+(?:(?:a|an|the|one|two|several|some|many|few|critical|serious|big|major|grave|fatal|simple|small|honest|same|that|this|costly|key|crucial|fundamental)[\s*_]+){1,3}(?:mistakes?|errors?|blunders?)\b/gi, subjects: ['person'], negatable: true, hint: AS_CAUSE, keys: ['made', 'make', 'making'] },
  { re: /\b(?:dropped|drop|dropping|drops)[\s*_]+the[\s*_]+ball\b|\b(?:screwed|messed)[\s*_]+(?:it[\s*_]+)?up\b|\bbotched\b|\b(?:our|my)[\s*_]+bad\b/gi, negatable: true, hint: 'is an idiom of blame. Describe what happened and what the system allowed', keys: ['ball', 'screwed', 'messed', 'botched', 'bad'] },
  // a person as the cause, with intent judged: "a new member inadvertently overwrote the keypair"
  {
    re: /\b(?:inadvertently|accidentally|mistakenly|erroneously|unintentionally|wrongly|incorrectly)[\s*_]+(\w+)\b/gi, subjects: ['person'], negatable: true, keys: ['inadvertent', 'accident', 'mistaken', 'erroneous', 'unintention', 'wrong', 'incorrect'],
    hint: 'puts the cause in a person\'s slip. Describe the action and what let it cause harm (no confirmation, two commands that look alike, no review)',
    reword: m => m[1],
  },
  // said of others ("our contributors assumed that …"); "we assumed it was related" narrates the responders' reasoning at the time, which a review asks for
  { re: /\b(?:assumed|overlooked|neglected|ignored)\b(?![\s*_]+(?:the[\s*_]+)?(?:\w+[\s*_]+)?(?:role|command|responsibility|control|ownership))/gi, subjects: ['person'], notFirstPerson: true, negatable: true, keys: ['assumed', 'overlooked', 'neglected', 'ignored'], hint: 'judges what a person believed or missed, with hindsight. Describe what they saw at the time and what would have told them otherwise', reword: m => (/^assumed$/i.test(m[0]) ? 'expected' : undefined) },
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
    if (quoted(text, index)) continue;
    if (pat.subjects || pat.humanVerbUnlessPerson) {
      const { subject, word } = subjectOf(text, index);
      if (pat.notOf && word && pat.notOf.test(word)) continue;
      const person = subject === 'person' || !!pat.personInSentence && personEarlierInSentence(text, index);
      if (pat.subjects && !pat.subjects.includes(person ? 'person' : subject)) continue;
      if (pat.notFirstPerson && /\b(?:we|i)(?:[\s*_]+\w+ly)?[\s*_]*$/i.test(text.slice(Math.max(0, index - 30), index))) continue;
      if (pat.humanVerbUnlessPerson && !person && !HUMAN_VERB.test((m[1] ?? '').replace(/[\s*_]+/g, ' '))) continue;
    }
    out.push({ index, end, text: text.slice(index, end).trim().replace(/[\s*_]+/g, ' '), m });
  }
  return out;
}
