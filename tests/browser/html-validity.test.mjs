// The Nu HTML Checker (vnu.jar, from the vnu-jar package) finds no error in
// any page of the default playbook, nor of the fixture site
// tests/fixtures/valid (built by run.sh when MENTORBOOK_FIXTURE_SITE_DIR is
// set), which takes template branches the default playbook does not.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { SITE_DIR } from './lib.mjs';

const require = createRequire(import.meta.url);
const VNU = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

const SITES = [
  { name: 'the default playbook', dir: SITE_DIR, min: 30 },
  ...(process.env.MENTORBOOK_FIXTURE_SITE_DIR
    ? [{ name: 'tests/fixtures/valid', dir: process.env.MENTORBOOK_FIXTURE_SITE_DIR, min: 5 }]
    : []),
];

function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

// Where an error comes from, when it is not the theme's templates.
function hint(message) {
  if (/^Duplicate ID/.test(message)) {
    return '\n      (a heading id from Markdown, given by src/source/markdown.rs HeadingIds, may equal an id the ' +
      'theme writes on the same page, such as "pairs", "goals", "sessions", "notes", "progress": ' +
      'HeadingIds should start with those ids taken)';
  }
  return '';
}

// One run of vnu over every file of every site (starting Java is the slow part).
let messages;
before(() => {
  assert.ok(fs.existsSync(VNU), `${VNU} is missing: run npm ci in tests/browser`);
  const files = SITES.flatMap((site) => htmlFiles(site.dir));
  const run = spawnSync('java', ['-Xss8m', '-jar', VNU, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    throw new Error(`could not run java (install a Java runtime: default-jre-headless): ${run.error.message}`);
  }
  // vnu writes its JSON report to stderr; exit code 1 means errors were found.
  try {
    messages = JSON.parse(run.stderr || run.stdout).messages;
  } catch {
    throw new Error(`vnu did not answer JSON (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  }
  if (run.status !== 0 && !messages.length) throw new Error(`vnu exited ${run.status}:\n${run.stderr}`);
});

for (const site of SITES) {
  test(`vnu: no HTML errors in any page of ${site.name}`, () => {
    const files = htmlFiles(site.dir);
    assert.ok(files.length >= site.min, `only ${files.length} HTML files in ${site.dir}`);
    const root = path.resolve(site.dir) + path.sep;
    const errors = messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal')
      .filter((m) => !m.url || decodeURIComponent(new URL(m.url).pathname).startsWith(root));
    const lines = errors.map((m) => {
      const file = m.url ? path.relative(site.dir, decodeURIComponent(new URL(m.url).pathname)) : '(vnu)';
      const extract = m.extract ? `\n      ${m.extract.replace(/\n/g, '⏎')}` : '';
      return `  ${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.message}${extract}${hint(m.message)}`;
    });
    assert.equal(errors.length, 0, `vnu found ${errors.length} error(s) in ${site.name}:\n${lines.join('\n')}`);
  });
}
