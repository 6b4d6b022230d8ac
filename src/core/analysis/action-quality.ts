/**
 * Is an action item specific enough to open a ticket and know when it is done? It must name a
 * target (a system, alert or signal, runbook, setting, threshold, tool) and a change to it, or a
 * bounded check of a named hypothesis. Aspiration ("be more careful", "improve monitoring"),
 * meta-process with no content ("discuss…", "create a process for…"), training with no artifact,
 * monitoring that names no signal and open-ended investigation are vague.
 */

export type Missing = 'change' | 'target' | 'signal' | 'artifact' | 'bound';

export interface Assessment { vague: boolean; missing: Missing[]; because: string }

const CHANGE_VERBS = new RegExp('^(?:' + [
  'add', 'create', 'implement', 'introduce', 'enable', 'disable', 'replace', 'remove', 'delete', 'drop', 'pin', 'unpin', 'revert', 'roll ?back',
  'migrate', 'move', 'split', 'merge', 'update', 'upgrade', 'downgrade', 'bump', 'change', 'set', 'set ?up', 'setup', 'configure', 'reconfigure',
  'increase', 'decrease', 'raise', 'lower', 'cap', 'limit', 'rate[- ]limit', 'throttle', 'block', 'ban', 'disallow', 'allow', 'deny', 'scale',
  'switch', 'use', 'adopt', 'automate', 'document', 'write', 'build', 'deploy', 'install', 'uninstall', 'rename', 'rotate', 'renew', 'fix',
  'correct', 'patch', 'refactor', 'audit', 'test', 'alert', 'page', 'assign', 'apply', 'push', 'publish', 'send', 'route', 'restrict', 'require',
  'enforce', 'validate', 'verify', 'check', 'run', 'schedule', 'backfill', 'purge', 'clean ?up', 'archive', 'tag', 'label', 'split', 'shard',
  'cache', 'retry', 'time ?out', 'expose', 'emit', 'log', 'record', 'track', 'monitor', 'measure', 'graph', 'chart', 'extend', 'shorten',
  'reduce', 'prevent', 'stop', 'start', 'restart', 'kill', 'abort', 'fail', 'reject', 'drain', 'failover', 'fence', 'quarantine', 'isolate',
  'encrypt', 'sign', 'backup', 'back up', 'restore', 'snapshot', 'replicate', 'provision', 'deprovision', 'decommission', 'disband', 'retire',
  'separate', 'consolidate', 'subscribe', 'register', 'whitelist', 'allowlist', 'blocklist', 'denylist', 'mirror', 'vendor', 'fork', 'freeze',
  'investigate', 'evaluate', 'explore', 'spike', 'look into', 'try', 'prototype', 'benchmark', 'load[- ]test', 'reproduce', 'diagnose', 'engage',
  'ask', 'contact', 'file', 'open', 'raise', 'create', 'make', 'ensure', 'provide', 'give', 'introduce', 'mend', 'detect', 'handle', 'catch',
].join('|') + ')(?:s|es|ed|d|ing)?\\b', 'i');
const CHANGE_VERB_ANYWHERE = new RegExp(CHANGE_VERBS.source.replace(/^\^/, '\\b'), 'i');

/** Specific targets and mechanisms: artifacts you can point at. */
const ARTIFACTS = /\b(alerts?|alarms?|pages?|paging|pager(?:duty)?|runbooks?|playbooks?|dashboards?|tests?|test suite|smoke tests?|e2e|integration tests?|canar(?:y|ies)|probes?|health ?checks?|liveness|readiness|timeouts?|retr(?:y|ies)|rate limit(?:ing|s)?|quotas?|limits?|thresholds?|backups?|snapshots?|replicas?|indexes|index|columns?|tables?|schemas?|endpoints?|apis?|jobs?|cron ?jobs?|webhooks?|scripts?|pipelines?|workflows?|metrics?|logs?|certificates?|certs?|credentials?|host ?names?|secrets?|tokens?|passwords?|keys?|accounts?|roles?|permissions?|firewall|ip ranges?|dns|load ?balancers?|caches?|queues?|topics?|buckets?|clusters?|nodes?|pods?|containers?|images?|versions?|flags?|feature flags?|settings?|configs?|configuration|policy|policies|checks?|assertions?|lint(?:er|ing)?|hooks?|email (?:list|address|account|group)|mailing list|channels?|slack|usernames?|ownership|owners? file|codeowners|sla|slo|budget|on-?call (?:rotation|schedule)|rotation|drills?|game ?days?|chaos|user guide|guidance|docs?|documentation|readme|templates?|checklists?|form|registry|repository|repo|branch(?:es)? protection|branch|module|provider|controller|operator|daemon|agent|service accounts?|database|db|migration|release notes|changelog|version|sandbox|staging|production|prod|region|zone|vpc|subnet|route|queries|query|memory|cpu|disk|storage|bandwidth|traffic|requests?|errors?|latency|lag|restart|redirects?|drift|plan)\b/i;

/** Signals and conditions: "when X", "on Y", "above N", "for Z" make monitoring specific. */
const SIGNAL = /\b(?:when|whenever|if|once|before|after|on|above|below|over|under|exceeds?|greater than|less than|more than|fewer than|within)\b\s+(?!the\s+(?:future|meantime|past|team)\b)\S+/i;
/** A threshold: a number with a unit (bare numbers such as "see 3 options" name nothing). */
const NUMBER = /\b\d+(?:\.\d+)?\s?(?:%|ms\b|s\b|sec\b|secs\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b|days?\b|gi\b|gib\b|gb\b|mi\b|mib\b|mb\b|kb\b|tb\b|x\b|rps\b|qps\b|req\/s|percent\b|nodes\b|pods\b|replicas\b|retries\b|requests\b|errors\b)/i;

/**
 * A named thing: inline code, CamelCase, kebab/snake/dotted identifiers, acronyms, versions,
 * paths, addresses, and proper nouns inside the sentence (Goldpinger, Secrets Manager).
 */
const NAMED = /`[^`]+`|\b[A-Z][a-z]+[A-Z]\w*|\b[a-z]+[A-Z]\w*|\b\w+(?:[-_.@]\w+)+|\b\w+\/\w+\/\w+|\b[A-Z]{2,}[A-Za-z0-9]*\b|\b[A-Za-z]+\d+\w*|(?<=[a-z,;:] )[A-Z][a-z]{2,}\b/;
/** Hyphenated English compounds are words, not names. */
const COMPOUND = /\b(?:post|pre|non|re|co|self|cross|multi|sub|semi|well|high|low|long|short|real|third|in|on|off|up|follow|built|read|write|end|ad|e|day|one|two|top|first|last|double|single|full|half|all|time|cost|user|team|company|org|service|business|mission|data|cloud)-[a-z]+(?:-[a-z]+)*\b/gi;

/**
 * hard: never redeemed (a discussion stays a discussion whatever it names); soft: redeemed when the
 * item also names a target and a change; signal: redeemed by a named signal or condition.
 */
const VAGUE_PATTERNS: { re: RegExp; because: string; missing: Missing[]; hard?: boolean; redeemedBy?: 'signal' }[] = [
  { re: /\b(?:be|being|stay|remain)\s+(?:more\s+|extra\s+)?(?:careful|vigilant|diligent|aware|proactive|mindful|cautious|attentive|thorough)\b/i, because: 'asks people to behave differently', missing: ['change', 'target'], hard: true },
  { re: /\bmore\s+(?:careful(?:ly)?|closely|attention|vigilant(?:ly)?|rigorous(?:ly)?|thorough(?:ly)?|diligent(?:ly)?|cautious(?:ly)?)\b/i, because: 'asks for more care, not a change', missing: ['change', 'target'], hard: true },
  { re: /\bcommunicat(?:e|ion|ions)\s+(?:better|more|clearly|earlier|faster|proactively)\b|\b(?:better|clear|clearer|improved?|more)\s+communication\b|\bimprove\s+(?:\w+\s+){0,2}communication\b/i, because: 'asks for better communication without a channel, audience or trigger', missing: ['change', 'artifact'] },
  { re: /^(?:we\s+(?:should|need to|must|will)\s+)?(?:discuss|talk about|talk with|talk to|have a (?:talk|chat|discussion|meeting)|hold a (?:meeting|discussion)|agree on|agree that|think about|brainstorm|figure out|revisit|reconsider)\b/i, because: 'is a discussion, not a change', missing: ['change'], hard: true },
  { re: /\b(?:team\s+)?discussed\s+(?:about\s+)?having\b|\bcall for (?:a )?meeting\b/i, because: 'records a discussion, not a change', missing: ['change'], hard: true },
  { re: /\b(?:establish|create|define|develop|introduce|set up|put in place)\s+(?:a\s+|an\s+|the\s+|more\s+)?(?:new\s+)?(?:process(?:es)?|guidelines?|framework|strategy|approach|plan)\b(?!\s+(?:in|at)\s+\S)/i, because: 'creates a process with no content', missing: ['change', 'artifact'] },
  { re: /\baction plan for\b|\bfind (?:a|the|some) (?:way|means|solution)\b|\bidentify a (?:clear )?path\b|\bfind out how\b|\btry (?:if|whether)\b|\bsee (?:if|whether) we can\b/i, because: 'looks for a solution without naming one', missing: ['change'], hard: true },
  { re: /^(?:spike|explore|research|brainstorm)\s+(?:ways|options|means|approaches|ideas)\b|\b(?:find|look for|identify)\s+(?:ways|options|means)\s+to\b/i, because: 'looks for options without naming one', missing: ['change'], hard: true },
  { re: /^(?:how|what|why|any other|which)\b/i, because: 'is a question, not an action', missing: ['change'], hard: true },
  { re: /\b(?:improve|improving|improvement(?:s)? (?:to|of|in)|enhance|strengthen|optimi[sz]e|optimi[sz]ing|streamline)\b/i, because: 'asks to improve without saying how', missing: ['change'] },
  { re: /\b(?:better|more|additional|further|improved)\s+(?:monitoring|alerting|observability|visibility|logging|testing|tests|e2e tests|documentation|docs|processes|process|training|coverage|confidence|review|reviews|checks)\b/i, because: 'asks for more of something without naming it', missing: ['target'], redeemedBy: 'signal' },
  { re: /\beven more\b|\bmore similar\b|\bmore generic\b|\bless \w+ centric\b|\bsustainable way\b|\bin general\b|\bgoing forward\b|\bwhere possible\b|\bas (?:much as )?possible\b|\btop priorit(?:y|ies)\b/i, because: 'states a goal, not a change', missing: ['change'] },
  { re: /^(?:investigate|look into|explore|research)\s+(?:further|more|other|possible|possibilities|options|ways|alternatives)\b/i, because: 'is an open-ended investigation', missing: ['bound'] },
  { re: /^(?:review|re-review|look at|check on)\s+(?:all|the|our|any)?\b/i, because: 'asks for a review without saying what should change', missing: ['change'], hard: true },
  { re: /\b(?:train(?:ing)?|educate|education|awareness|onboard(?:ing)?)\b(?![^.]*\b(?:runbook|course|module|doc|guide|checklist|session on|drill|game ?day)\b)/i, because: 'asks for training without a named artifact', missing: ['artifact'] },
  { re: /^(?:all|every)\s+\w+(?:\s+\w+)?\s+(?:should|must)\b/i, because: 'states a principle, not a change', missing: ['change', 'target'] },
  { re: /\bmaybe\b.*\?/i, because: 'is a question, not an action', missing: ['change'], hard: true },
];

const MONITORING = /\b(?:monitor(?:ing|s)?|alert(?:ing|s)?|observability|visibility|health (?:monitoring|checks?))\b/i;

function clean(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep their text
    .replace(/\bhttps?:\/\/\S+/g, '')
    .replace(/\[#?\d+\]|#\d+\b/g, '')
    .replace(/\b(?:ticket|issue|pr|pull request)(?:\s+raised)?\s*:?\s*$/i, '')
    .replace(/\((?:done|DONE)\)|\bDONE\b|✔️|✅|✔/g, '')
    .replace(/[*_]{1,2}/g, '')
    .replace(/^\s*(?:action point|action item|todo|ap)\s*:\s*/i, '')
    .replace(/^\s*[A-Za-z][\w ]{0,25} team\s*:\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Strips the subject that often leads an action ("We will", "DevEx has", "We need to"). */
function predicate(text: string): string {
  return text
    .replace(/^(?:as (?:a first step|part of \w+),?\s*)/i, '')
    .replace(/^(?:we|i|they|the team|[A-Z][\w-]*(?: team)?)\s+(?:will|shall|should|must|need to|needs to|have to|has to|are going to|plan to|intend to|would like to|want to|can|could|have|has|had|are|is)\s+(?:also\s+|be\s+)?(?:(?:looking into|placed an action item on our \w+ roadmap to|now)\s+)?/i, '')
    .replace(/^(?:first course of action,?\s*(?:to\s+)?)/i, '')
    .trim();
}

export function assessAction(text: string, teamPhrases: string[] = []): Assessment {
  const t = clean(text);
  const lower = t.toLowerCase();
  for (const p of teamPhrases) {
    if (p && lower.includes(p.toLowerCase())) return { vague: true, missing: ['change', 'target'], because: `uses "${p}", a phrase your team marked as vague` };
  }
  if (!t) return { vague: true, missing: ['change', 'target'], because: 'says nothing' };
  const pred = predicate(t);
  const named = NAMED.test(t.replace(COMPOUND, ' ').replace(/^[A-Z][a-z]+\b/, '')); // the sentence's first capital is not a name
  const artifact = ARTIFACTS.test(t);
  const number = NUMBER.test(t.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ''));
  const signal = SIGNAL.test(t);
  // "monitoring for project liveness", "alerts for the canary app": the signal is named after "for"
  const monitoringFor = /\b(?:monitor(?:ing)?|alert(?:s|ing)?|alarms?|probes?|checks?)\s+(?:for|on|of)\s+(?!(?:the\s+)?(?:core\s+)?(?:services?|systems?|everything|errors|issues|problems|it|them|these|this)\b)\w+/i.test(t) || /\b\w+\s+(?:alerts?|alarms?|probes?)\b/i.test(t) && named;
  const verb = CHANGE_VERBS.test(pred);
  const verbAnywhere = verb || CHANGE_VERB_ANYWHERE.test(pred);
  const words = t.split(/\s+/).filter(w => /[a-z]/i.test(w)).length;
  const specifics = (named ? 2 : 0) + (artifact ? 1 : 0) + (number ? 1 : 0) + (signal ? 1 : 0);

  for (const v of VAGUE_PATTERNS) {
    const hit = v.re.exec(pred) ?? v.re.exec(t);
    if (!hit) continue;
    // the change that redeems must be outside the vague phrase, and not a gerund used as a noun ("monitoring")
    const elsewhere = (hit.input.slice(0, hit.index) + ' ' + hit.input.slice(hit.index + hit[0].length)).replace(/\b(?:monitoring|alerting|logging|testing|tracking|paging)\b/gi, ' ');
    const verbAnywhere = CHANGE_VERB_ANYWHERE.test(elsewhere);
    // a soft vague phrase is redeemed by a named target plus a change ("improve X by adding a Y alert")
    if (!v.hard && v.redeemedBy === 'signal' && (signal || monitoringFor)) continue;
    if (!v.hard && specifics >= 3 && verbAnywhere) continue;
    return { vague: true, missing: v.missing, because: v.because };
  }
  const otherArtifact = ARTIFACTS.test(t.replace(new RegExp(MONITORING.source, 'gi'), ' ').replace(/\b(?:alerts?|alarms?|metrics?|logs?|logging)\b/gi, ' '));
  if (MONITORING.test(t) && !signal && !monitoringFor && !named && !number && !otherArtifact) {
    return { vague: true, missing: ['signal'], because: 'asks for monitoring without naming the signal or the condition' };
  }
  if (words <= 3 && !named && !number) return { vague: true, missing: ['change', 'target'], because: 'is too short to say what changes' };
  if (!verbAnywhere && specifics < 2) return { vague: true, missing: ['change'], because: 'names no change to make' };
  if (!artifact && !named && !number && !signal) return { vague: true, missing: ['target'], because: 'names no system, signal, threshold or artifact' };
  return { vague: false, missing: [], because: '' };
}

const MISSING_TEXT: Record<Missing, string> = {
  change: 'the specific change to make',
  target: 'the system, signal, threshold or artifact it changes',
  signal: 'the signal or condition to alert on',
  artifact: 'the artifact (runbook, checklist, doc) it produces',
  bound: 'the question it answers and when it is done',
};

export function describeMissing(missing: Missing[]): string {
  return missing.map(m => MISSING_TEXT[m]).join(' and ');
}
