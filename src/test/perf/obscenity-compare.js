// Detection and false positives of the npm library obscenity on the evasion corpus, with its recommended English
// transformers and the same word list (each entry word-bounded: |entry|), for docs/rules.md.
// --unbounded drops the word bounds (obscenity's default pattern form), --list prints each miss and false positive.
// Usage: (cd /tmp/o && npm install obscenity@0.4.6) && NODE_PATH=/tmp/o/node_modules node src/test/perf/obscenity-compare.js
// Java's figures for the same lines: mvn -B -o test -Dtest=EvasionCorpusTest
const fs = require('fs');
const path = require('path');
const { RegExpMatcher, englishRecommendedTransformers, parseRawPattern } = require('obscenity');

const dir = path.join(__dirname, '..', 'resources', 'dev', 'flowrules', 'text');
const list = fs.readFileSync(path.join(dir, 'banned.txt'), 'utf8').split(/\r?\n/)
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));
const lines = fs.readFileSync(path.join(dir, 'evasion-corpus.tsv'), 'utf8').split(/\r?\n/)
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => { const [expect, kind, ...text] = l.split('\t'); return { disguised: expect === 'D', kind, text: text.join('\t') }; });

const bound = process.argv.includes('--unbounded') ? '' : '|';
const matcher = new RegExpMatcher({
  blacklistedTerms: list.map((word, id) => ({ id, pattern: parseRawPattern(bound + word + bound) })),
  ...englishRecommendedTransformers,
});

const byKind = {};
let caught = 0; let disguised = 0;
for (const line of lines) {
  const found = matcher.hasMatch(line.text);
  const counts = byKind[line.kind] || (byKind[line.kind] = [0, 0]);
  counts[0] += found ? 1 : 0; counts[1] += 1;
  if (line.disguised && line.kind !== 'ordinary') { disguised += 1; caught += found ? 1 : 0; }
  if (found !== line.disguised && process.argv.includes('--list')) console.log((line.disguised ? 'missed: ' : 'false positive: ') + line.text);
}
for (const kind of Object.keys(byKind).sort()) console.log(`  ${kind.padEnd(12)} ${String(byKind[kind][0]).padStart(3)}/${String(byKind[kind][1]).padStart(3)}`);
console.log(`disguised caught: ${caught}/${disguised} (${(100 * caught / disguised).toFixed(1)}%); innocent matched: ${byKind.ordinary[0]}/${byKind.ordinary[1]}`);
