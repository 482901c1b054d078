// The Nu HTML Checker (vnu.jar, from the vnu-jar package) finds no error in
// any page of the site.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { SITE_DIR } from './lib.mjs';

const require = createRequire(import.meta.url);
const VNU = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

test('vnu: no HTML errors in any page', () => {
  const files = htmlFiles(SITE_DIR);
  assert.ok(files.length >= 30, `only ${files.length} HTML files in ${SITE_DIR}`);
  assert.ok(fs.existsSync(VNU), `${VNU} is missing: run npm ci in tests/browser`);

  const run = spawnSync('java', ['-Xss8m', '-jar', VNU, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`could not run java (install a Java runtime: default-jre-headless): ${run.error.message}`);
  // vnu writes its JSON report to stderr; exit code 1 means errors were found.
  let report;
  try {
    report = JSON.parse(run.stderr || run.stdout);
  } catch {
    throw new Error(`vnu did not answer JSON (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  }
  const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
  const lines = errors.map((m) => {
    const file = m.url ? path.relative(SITE_DIR, new URL(m.url).pathname) : '?';
    const extract = m.extract ? `\n      ${m.extract.replace(/\n/g, '⏎')}` : '';
    return `  ${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.message}${extract}`;
  });
  assert.equal(errors.length, 0, `vnu found ${errors.length} error(s):\n${lines.join('\n')}`);
  assert.equal(run.status, 0, `vnu exited ${run.status}:\n${run.stderr}`);
});
