/* global URL, process, performance, console */
// Decision letters per second on one core, in one process: Zhifa's renderer (the checkout's dist,
// template + stored model → .docx, with the kind's mandatory-element check) interleaved with
// docxtemplater filling the same text (one looped paragraph per line of Zhifa's letter) into a
// .docx, DEFLATE-compressed. Prints one JSON line.
// Usage: node bench/peers/documents.mjs <database url> <seconds per run> <rounds>
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import pg from 'pg';
import {
  documentDefinition,
  loadTemplate,
  templateName,
} from '../../dist/documents/document-registry.js';
import { renderDocument } from '../../dist/documents/render-document.js';

const require = createRequire(fileURLToPath(new URL('../.tools/package.json', import.meta.url)));
const Docxtemplater = require('docxtemplater');
const PizZip = require('pizzip');

const [url, secondsText, roundsText] = process.argv.slice(2);
const seconds = Number(secondsText);
const rounds = Number(roundsText);

const client = new pg.Client({ connectionString: url });
await client.connect();
// The letter the real API wrote for the demo's decided case (not a seeded copy).
const { rows } = await client.query(
  `select d.model, o.name as office from case_document d
   join "case" c on c.id = d.case_id join office o on o.id = c.office_id
   where d.kind = 'PENALTY_DECISION' order by d.created_at desc limit 1`,
);
await client.end();
const model = rows[0].model;
const office = rows[0].office;

const definition = documentDefinition('PENALTY_DECISION');
const templateSource = loadTemplate('PENALTY_DECISION');
const name = templateName(definition);
const renderZhifa = () =>
  renderDocument({
    templateSource,
    templateName: name,
    model,
    options: {
      mandatoryElements: definition.mandatoryElementsFor(model),
      title: definition.title,
      creator: office,
    },
  });

const sample = await renderZhifa();
const lines = sample.text.split('\n').map((text) => ({ text }));

// A template with the same page set-up: title, then one looped paragraph per line of text.
const templateBuffer = await Packer.toBuffer(
  new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: '行政处罚决定书', bold: true, size: 44 })],
          }),
          new Paragraph({ children: [new TextRun('{#lines}')] }),
          new Paragraph({ children: [new TextRun({ text: '{text}', size: 32 })] }),
          new Paragraph({ children: [new TextRun('{/lines}')] }),
        ],
      },
    ],
  }),
);
const renderDocxtemplater = () => {
  const doc = new Docxtemplater(new PizZip(templateBuffer), {
    paragraphLoop: true,
    linebreaks: true,
  });
  doc.render({ lines });
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
};
const peerSample = renderDocxtemplater();

/** Letters per second of this process's CPU time (per core: the machine is shared). */
async function rate(render) {
  const until = performance.now() + seconds * 1000;
  const cpu = process.cpuUsage();
  let count = 0;
  while (performance.now() < until) {
    await render();
    count += 1;
  }
  const used = process.cpuUsage(cpu);
  return count / ((used.user + used.system) / 1e6);
}

// Warm both paths (JIT, first compilation) before measuring.
for (let i = 0; i < 5; i += 1) {
  await renderZhifa();
  renderDocxtemplater();
}
const zhifa = [];
const docxtemplater = [];
for (let round = 0; round < rounds; round += 1) {
  zhifa.push(await rate(renderZhifa));
  docxtemplater.push(await rate(renderDocxtemplater));
}
console.log(
  JSON.stringify({
    lines: lines.length,
    zhifaBytes: sample.buffer.length,
    docxtemplaterBytes: peerSample.length,
    zhifa,
    docxtemplater,
  }),
);
