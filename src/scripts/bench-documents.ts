/**
 * `npm run bench:documents`: in-process document rendering speed, renders per second on one core.
 * Measures the production path (renderCaseDocument: cached template, fast .docx writer) against
 * the previous path in the same run (template compiled on every render, docx library Packer and a
 * second zip pass to patch styles.xml), interleaved A B A B so both see the same machine load.
 *
 *   node dist/scripts/bench-documents.js [--kind PENALTY_DECISION] [--rounds 6] [--ms 1500]
 *
 * Prints one line per target and the ratio. For scale: docxtemplater filling the same text made
 * 145–214 docs/s on the 2-core machine of the issue-10 measurements.
 */
import { parseArgs } from 'node:util';
import {
  documentDefinition,
  loadTemplate,
  renderCaseDocument,
  templateName,
} from '../documents/document-registry.js';
import { parseMarkup } from '../documents/markup.js';
import { renderDocxWithLibrary } from '../documents/render-docx.js';
import { compileTemplate } from '../documents/template-engine.js';
import type { DocumentKind } from '../procedure/effects.js';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'PENALTY_DECISION' },
    rounds: { type: 'string', default: '6' },
    ms: { type: 'string', default: '1500' },
  },
});
const kind = values.kind as DocumentKind;
const rounds = Number(values.rounds);
const roundMs = Number(values.ms);

const definition = documentDefinition(kind);
const source = definition.sampleInput;
const name = templateName(definition);

/** The pipeline before templates were cached and the package written directly. */
async function previousPath(): Promise<number> {
  const model = definition.buildModel(source);
  const template = compileTemplate(loadTemplate(kind), name);
  const blocks = parseMarkup(template.render(model), name);
  const buffer = await renderDocxWithLibrary(blocks, {
    title: definition.titleOf?.(model) ?? definition.title,
    creator: source.office.name,
  });
  return buffer.length;
}

async function currentPath(): Promise<number> {
  return (await renderCaseDocument(kind, source)).buffer.length;
}

/** Renders for `ms` milliseconds; returns renders per second of CPU time (one core). */
async function measure(render: () => Promise<number>, ms: number): Promise<number> {
  const start = process.cpuUsage();
  const wallStart = performance.now();
  let count = 0;
  while (performance.now() - wallStart < ms) {
    await render();
    count += 1;
  }
  const cpu = process.cpuUsage(start);
  return count / ((cpu.user + cpu.system) / 1e6);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const targets = { current: currentPath, previous: previousPath } as const;
const results: Record<keyof typeof targets, number[]> = { current: [], previous: [] };
const sizes = { current: await currentPath(), previous: await previousPath() };
// Warm-up: JIT and the template cache.
for (const render of Object.values(targets)) {
  await measure(render, 300);
}
for (let round = 0; round < rounds; round += 1) {
  for (const [target, render] of Object.entries(targets) as [
    keyof typeof targets,
    () => Promise<number>,
  ][]) {
    results[target].push(await measure(render, roundMs));
  }
}
const current = median(results.current);
const previous = median(results.previous);
console.log(
  `document ${kind}, ${rounds} interleaved rounds of ${roundMs} ms, renders per CPU second:`,
);
console.log(
  `  current  ${current.toFixed(1)}/s  (${sizes.current} bytes)  rounds ${results.current.map((v) => v.toFixed(0)).join(' ')}`,
);
console.log(
  `  previous ${previous.toFixed(1)}/s  (${sizes.previous} bytes)  rounds ${results.previous.map((v) => v.toFixed(0)).join(' ')}`,
);
console.log(`  ratio current/previous ${(current / previous).toFixed(2)}×`);
