/**
 * `npm run accuracy`: how well Hearback reads people's words, on the labelled corpora in
 * test/corpus/ — promise resolution (exact local due date, resolution, warnings) and message
 * checks (precision and recall per element, per finding and overall), for the corpus the rules
 * were written against and for the part held out. Prints Markdown tables (docs/ACCURACY.md).
 * Add `--misses` to list every disagreement.
 */
import {
  loadMessageCases,
  overall,
  rates,
  scoreMessageCases,
  type Tally,
} from '../test/corpus/message-corpus.ts';
import { loadPromiseCases, runPromiseCases, shareOf } from '../test/corpus/promise-corpus.ts';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const showMisses = process.argv.includes('--misses');

function promiseTable(): void {
  console.log('## Promise resolution\n');
  console.log('| corpus | statements | exact due date | resolution | warnings | all three |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, file] of [
    ['main', 'promises.jsonl'],
    ['held out', 'promises.holdout.jsonl'],
  ] as const) {
    const out = runPromiseCases(loadPromiseCases(file));
    console.log(
      `| ${name} | ${out.length} | ${pct(shareOf(out, (o) => o.dueDateOk))} | ${pct(shareOf(out, (o) => o.resolutionOk))} | ${pct(shareOf(out, (o) => o.warningsOk))} | ${pct(shareOf(out, (o) => o.dueDateOk && o.resolutionOk && o.warningsOk))} |`,
    );
    if (showMisses)
      for (const o of out.filter((x) => !x.dueDateOk || !x.resolutionOk || !x.warningsOk))
        console.log(
          `  - ${o.case.id} ${JSON.stringify(o.case.statement)}: expected ${o.case.dueDate}, got ${o.dueDate} (${o.rule})`,
        );
  }
  console.log();
}

function row(name: string, t: Tally): string {
  const r = rates(t);
  return `| ${name} | ${t.tp + t.fn} | ${pct(r.precision)} | ${pct(r.recall)} | ${t.tp} | ${t.fp} | ${t.fn} |`;
}

function messageTables(): void {
  for (const [name, file] of [
    ['main', 'messages.jsonl'],
    ['held out', 'messages.holdout.jsonl'],
  ] as const) {
    const cases = loadMessageCases(file);
    const score = scoreMessageCases(cases);
    console.log(`## Message checks — ${name} corpus (${cases.length} messages)\n`);
    console.log('| element or finding | present | precision | recall | TP | FP | FN |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const [k, t] of score.elements) console.log(row(k, t));
    for (const [k, t] of score.findings) console.log(row(k, t));
    console.log(row('**all elements**', overall(score.elements)));
    console.log(row('**all findings**', overall(score.findings)));
    console.log();
    if (showMisses)
      for (const m of score.misses)
        console.log(
          `  - ${m.id} ${m.what} ${m.expected ? 'missed' : 'false positive'}: ${JSON.stringify(m.text.slice(0, 120))}`,
        );
  }
}

promiseTable();
messageTables();
