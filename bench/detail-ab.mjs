#!/usr/bin/env node
/* global process, console */
// Interleaved A/B of the case detail's server CPU per request on warm servers, measured as
// bench:ci measures its saturated detail (autocannon, 10 connections, the decided cases in turn,
// server CPU from /proc), after each server has answered DETAIL_AB_WARM requests (default 3 000:
// V8 compiles Zhifa's request path over its first ~2 000, docs/performance.md, branch detail).
//   node bench/detail-ab.mjs <database url> <root A> <root B> [port] [pairs] [requests]
// Pairs alternate A B / B A. DETAIL_AB_ENV_B='{"NODE_OPTIONS":"…"}': more environment for B.
import { load, median } from './lib/measure.mjs';
import { identities } from './lib/phases.mjs';
import { startZhifa } from './lib/setup.mjs';
import { DETAIL } from './lib/queries.mjs';

const [url, rootA, rootB, port = '6014', pairs = '8', count = '1000'] = process.argv.slice(2);
const a = await startZhifa({ url, port: Number(port), root: rootA });
const b = await startZhifa({
  url,
  port: Number(port) + 1,
  root: rootB,
  env: JSON.parse(process.env.DETAIL_AB_ENV_B || '{}'),
});
const who = await identities(url);
const bodies = who.decided.map((id) => JSON.stringify({ query: DETAIL, variables: { id } }));
const run = async (server, amount) => {
  const result = await load({
    url: server.url,
    token: who.national,
    bodies,
    amount,
    connections: 10,
    pid: server.pid,
  });
  if (result.errors) {
    console.log(`  ${server.url}: ${result.errors} errors`);
  }
  return result.cpuMsPerRequest;
};
const warm = Number(process.env.DETAIL_AB_WARM || 3000);
await run(a, warm);
await run(b, warm);
const A = [];
const B = [];
for (let i = 0; i < Number(pairs); i += 1) {
  if (i % 2) {
    B.push(await run(b, Number(count)));
    A.push(await run(a, Number(count)));
  } else {
    A.push(await run(a, Number(count)));
    B.push(await run(b, Number(count)));
  }
  console.log(
    `pair ${i}: A ${A[i].toFixed(3)} B ${B[i].toFixed(3)} (B/A ${(B[i] / A[i]).toFixed(2)})`,
  );
}
const lower = A.filter((x, i) => B[i] < x).length;
console.log(
  `detail CPU ms/request: A ${median(A).toFixed(3)} B ${median(B).toFixed(3)} ` +
    `(B/A ${(median(B) / median(A)).toFixed(2)}; B lower in ${lower} of ${A.length}; ` +
    `median of the pair ratios ${median(A.map((x, i) => B[i] / x)).toFixed(2)})`,
);
await a.stop();
await b.stop();
process.exit(0);
