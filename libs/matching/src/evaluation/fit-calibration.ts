/**
 * `node -r ./tools/ts-register.js libs/matching/src/evaluation/fit-calibration.ts <dump.json> …`
 * fits the matcher's calibration (core/score.ts) on pairs the evaluation wrote with
 * `MATCH_EVAL_DUMP=<prefix> npm run eval:matching -- <sets>`: a logistic regression of
 * "worth a look" (grade ≥ 1) on the text and field values of each need's 30 best pairs, every
 * set counting alike and a grade-2 pair (the one result the need describes) three times, as
 * nDCG's gain 2² − 1 counts it. Prints the weights and intercept in core/score.ts's form.
 *
 * With `--near-copy` first, it fits the other way a listing is worth a look (core/score.ts
 * NEAR_COPY): "the very result the need describes" (grade 2) on text coverage alone, over the
 * dumps of the sets that have one (title → abstract, problem → solution), each set counting alike.
 */
import { readFileSync } from 'node:fs';
import { fitLogistic, type Example } from './calibration';

interface DumpedNeed {
  pairs: { grade: number; text: number; field: number }[];
}

const PAIRS_PER_NEED = 30;
const GRADE_2_WEIGHT = 3;

const args = process.argv.slice(2);
if (args[0] === '--near-copy') {
  const examples: Example[] = [];
  for (const path of args.slice(1)) {
    const needs = JSON.parse(readFileSync(path, 'utf8')) as DumpedNeed[];
    const pairs = needs.flatMap((need) => need.pairs.slice(0, PAIRS_PER_NEED));
    for (const pair of pairs)
      examples.push({ x: [pair.text], y: pair.grade === 2 ? 1 : 0, weight: 1000 / pairs.length });
  }
  const fit = fitLogistic(examples);
  console.log(JSON.stringify({ intercept: fit.intercept, coverage: fit.coefficients[0], pairs: examples.length }));
  process.exit(0);
}

const examples: Example[] = [];
for (const path of args) {
  const needs = JSON.parse(readFileSync(path, 'utf8')) as DumpedNeed[];
  const pairs = needs.flatMap((need) => need.pairs.slice(0, PAIRS_PER_NEED));
  for (const pair of pairs) {
    examples.push({
      x: [pair.text, pair.field],
      y: pair.grade >= 1 ? 1 : 0,
      weight: (1000 / pairs.length) * (pair.grade === 2 ? GRADE_2_WEIGHT : 1),
    });
  }
}
const fit = fitLogistic(examples);
const [text, field] = fit.coefficients;
// core/score.ts measures each value from the neutral 0.5: z = intercept + Σ w × (v − 0.5).
console.log(
  JSON.stringify({ text, field, intercept: fit.intercept + 0.5 * text + 0.5 * field, pairs: examples.length }),
);
