/**
 * Writes the hostile evaluation files (REFI-QDA projects, Word documents and transcripts) beside
 * this script and `evaluation-expected.json`: the code each is refused with, or
 * `skipped:<reason>` for a file imported with that part skipped. Run
 * `npx tsx bench/bad-files/generate-evaluation.ts`; the output is the same bytes each time.
 * `server/src/evaluation/bad-files.test.ts` checks each file, and that these are its bytes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluationBadFiles } from '../../server/src/evaluation/bad-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const expected: Record<string, string> = {};
for (const file of evaluationBadFiles()) {
  if (file.bytes.length >= 100_000) throw new Error(`${file.name} is ${file.bytes.length} bytes`);
  writeFileSync(join(here, file.name), file.bytes);
  expected[file.name] = file.expected;
}
writeFileSync(join(here, 'evaluation-expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
