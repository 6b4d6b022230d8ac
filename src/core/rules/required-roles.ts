import { isMap } from 'yaml';
import type { Rule, RuleFinding } from './rule';
import { fmListAppendEdit, fmRange, frontMatterStart, likelyTypo, snippetEscape, yamlInline } from './helpers';
import { FRONT_MATTER_KEYS, hasKeyOrTypo } from './front-matter-schema';

const norm = (s: string) => s.toLowerCase().replace(/[-_\s]+/g, '');

export const requiredRoles: Rule = {
  id: 'required-roles',
  description: 'The review meeting included the roles the team requires (default: the incident commander), and a third party that was involved took part.',
  defaultSeverity: 'warning',
  completeness: true,
  check({ review, config }) {
    const fm = review.frontMatter;
    if (!fm || !fm.closed || fm.doc.errors.length || !isMap(fm.doc.contents)) return [];
    const d = fm.data;
    const attendees = Array.isArray(d.attendees) ? d.attendees : [];
    const present = new Set<string>();
    for (const a of attendees) {
      const role = (a as { role?: unknown } | null)?.role;
      // a misspelt role ("incident-comander") is front-matter-schema's to report; here it counts as meant
      if (typeof role === 'string') present.add(norm(config.roles.includes(role) ? role : likelyTypo(role, config.roles) ?? role));
    }
    const range = 'attendees' in d ? fmRange(review, ['attendees'], 'key') : frontMatterStart(review);
    const out: RuleFinding[] = [];
    const add = (role: string, name: string, message: string, at = range) => {
      const edit = fmListAppendEdit(review, 'attendees', [`name: \${1:${snippetEscape(name)}}`, `role: ${snippetEscape(role)}`]);
      out.push({ message, range: at, fixes: edit ? [{ title: `Add an attendee with role ${role}`, edits: [edit], isPreferred: true, snippet: true }] : [] });
    };
    // `atendees:` is reported once, as a misspelling, by front-matter-schema
    const misspelt = !('attendees' in d) && hasKeyOrTypo(d, 'attendees', FRONT_MATTER_KEYS);
    for (const role of misspelt ? [] : config.requiredRoles) {
      if (present.has(norm(role))) continue;
      add(role, 'name', attendees.length
        ? `No attendee has the role "${role}": the review meeting needs one (requiredRoles in .pir.yaml). Add who took that role, or say why nobody could.`
        : `No attendees are listed: the review meeting needs at least a "${role}" (requiredRoles in .pir.yaml). List who took part, each with a role.`);
    }
    const third = Array.isArray(d.third_parties) ? d.third_parties.filter((x): x is string => typeof x === 'string' && !!x.trim()) : [];
    if (third.length && config.roles.some(r => norm(r) === 'thirdparty') && !present.has('thirdparty')) {
      add(config.roles.find(r => norm(r) === 'thirdparty')!, `someone from ${yamlInline(third[0])}`,
        `${third.join(', ')} ${third.length === 1 ? 'was' : 'were'} involved, but no attendee has the role "third-party": invite them to the review, or record in the review why they did not take part.`,
        fmRange(review, ['third_parties'], 'key'));
    }
    return out;
  },
};
