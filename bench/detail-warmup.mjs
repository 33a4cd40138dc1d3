#!/usr/bin/env node
/* global process, console */
// How the case detail's server CPU per request falls as a freshly started server warms up, beside
// the graphql-js + pg peer: rounds of `requests` details at 10 connections (autocannon, as
// bench:ci's saturated detail), Zhifa and the peer in turn, from their first request; each
// round's CPU split into the main thread and the process's other threads (V8's compiler and
// GC helpers, libuv's pool) from /proc/<pid>/task.
//   node bench/detail-warmup.mjs <database url> <root> [port] [rounds] [requests] [connections]
import { readdirSync, readFileSync } from 'node:fs';
import { load } from './lib/measure.mjs';
import { identities } from './lib/phases.mjs';
import { JWT, startProcess, startZhifa } from './lib/setup.mjs';
import { DETAIL } from './lib/queries.mjs';

const [url, root, port = '6030', rounds = '16', count = '300', connections = '10'] =
  process.argv.slice(2);

/** CPU ms of a process so far: its main thread and its other threads. */
function threads(pid) {
  let main = 0;
  let other = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      if (Number(tid) === pid) {
        main += ms;
      } else {
        other += ms;
      }
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  return { main, other };
}

const zhifa = await startZhifa({ url, port: Number(port), root });
const peer = await startProcess({
  command: process.execPath,
  args: ['bench/peers/graphql-pg.mjs', url, String(Number(port) + 1), JWT.secret],
  ready: (line) => line.includes('peer ready'),
});
const peerUrl = `http://127.0.0.1:${Number(port) + 1}/graphql`;
const who = await identities(url);
const bodies = who.decided.map((id) => JSON.stringify({ query: DETAIL, variables: { id } }));
const measure = async (target, pid) => {
  const before = threads(pid);
  const result = await load({
    url: target,
    token: who.national,
    bodies,
    amount: Number(count),
    connections: Number(connections),
    pid,
  });
  const after = threads(pid);
  return {
    cpu: result.cpuMsPerRequest,
    main: (after.main - before.main) / Number(count),
    other: (after.other - before.other) / Number(count),
  };
};
for (let round = 0; round < Number(rounds); round += 1) {
  const z = await measure(zhifa.url, zhifa.pid);
  const p = await measure(peerUrl, peer.pid);
  console.log(
    `round ${round}: Zhifa ${z.cpu.toFixed(3)} ms (main thread ${z.main.toFixed(3)}, ` +
      `other threads ${z.other.toFixed(3)}) | peer ${p.cpu.toFixed(3)} ms | ratio ${(z.cpu / p.cpu).toFixed(2)}`,
  );
}
await zhifa.stop();
await peer.stop();
process.exit(0);
