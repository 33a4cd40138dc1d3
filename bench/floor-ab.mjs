#!/usr/bin/env node
/* global process, console, fetch */
// Interleaved A/B of the per-request floor on one kept bench database: two builds (checkout roots
// A and B, each with dist/), the same requests, A B A B …, server CPU per request from /proc.
// `{ __typename }` without a token (the HTTP floor), `{ me { id } }`, the case detail and the
// dashboard page of 50 (bench/lib/queries.mjs).
//   node bench/floor-ab.mjs <database url> <root A> <root B> [port] [rounds] [scale]
// scale multiplies the requests per measurement (default 1: 1 500 floor/me, 400 detail, 40 dashboard).
// FLOOR_AB_ONLY=detail,me runs only the named measurements.
// FLOOR_AB_MIXED=1: each round measures A and B at the same time, every connection sending its
// requests to A and B in turn (A B, then B A), each server's CPU read over the same window, so
// both sides see the same load from other processes (on a shared machine, pairs of measurements
// taken one after the other differ by ±15 % with no change at all).
import { median, processCpuMs } from './lib/measure.mjs';
import { identities } from './lib/phases.mjs';
import { startZhifa } from './lib/setup.mjs';
import { DASHBOARD, DETAIL, ME } from './lib/queries.mjs';

const [url, rootA, rootB, port = '5120', rounds = '5', scale = '1'] = process.argv.slice(2);

const server = (root, at, side) =>
  startZhifa({
    url,
    port: at,
    root,
    // FLOOR_AB_ENV_B='{"NODE_ENV":"production"}': the same build under another environment.
    env: side === 'b' ? JSON.parse(process.env.FLOOR_AB_ENV_B || '{}') : {},
  });

const who = await identities(url);
const n = Number(scale);
const allVariants = {
  floor: [undefined, '{ __typename }', undefined, 1500 * n],
  me: [who.national, ME, undefined, 1500 * n],
  detail: [who.national, DETAIL, (i) => ({ id: who.decided[i % who.decided.length] }), 400 * n],
  dashboard: [
    who.county,
    DASHBOARD,
    () => ({ first: 50, filter: { status: ['INVESTIGATING'] } }),
    40 * n,
  ],
};

/** Sends request `i` of a measurement to a server, counting the answers with errors. */
function sender([token, query, variables]) {
  const headers = { 'content-type': 'application/json' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const sent = {
    errors: 0,
    async send(target, i) {
      const response = await fetch(target.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: variables?.(i) }),
      });
      const answer = await response.json();
      if (answer.errors) {
        sent.errors += 1;
      }
    },
  };
  return sent;
}

/** `count` requests over 4 connections; server CPU per request (ms). */
async function measure(target, variant) {
  const count = variant[3];
  const sent = sender(variant);
  let next = 0;
  const worker = async (total) => {
    while (next < total) {
      await sent.send(target, next++);
    }
  };
  await Promise.all([1, 2, 3, 4].map(() => worker(Math.ceil(count / 5))));
  next = 0;
  const cpu = processCpuMs(target.pid);
  await Promise.all([1, 2, 3, 4].map(() => worker(count)));
  const cpuMs = (processCpuMs(target.pid) - cpu) / count;
  if (sent.errors) {
    console.log(`  ${target.url}: ${sent.errors} errors`);
  }
  return cpuMs;
}

/** `count` requests to each of A and B over 4 connections, alternating; CPU per request of each. */
async function measureMixed(a, b, variant) {
  const count = variant[3];
  const sent = sender(variant);
  let next = 0;
  const worker = async (total) => {
    while (next < total) {
      const i = next++;
      const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
      await sent.send(first, i);
      await sent.send(second, i);
    }
  };
  await Promise.all([1, 2, 3, 4].map(() => worker(Math.ceil(count / 5))));
  next = 0;
  const cpuA = processCpuMs(a.pid);
  const cpuB = processCpuMs(b.pid);
  await Promise.all([1, 2, 3, 4].map(() => worker(count)));
  const after = { a: processCpuMs(a.pid), b: processCpuMs(b.pid) };
  if (sent.errors) {
    console.log(`  ${sent.errors} errors`);
  }
  return { a: (after.a - cpuA) / count, b: (after.b - cpuB) / count };
}

const mixed = process.env.FLOOR_AB_MIXED === '1';

// FLOOR_AB_ONLY=detail,me: only those measurements (default: all four).
const only = process.env.FLOOR_AB_ONLY?.split(',');
const variants = Object.fromEntries(
  Object.entries(allVariants).filter(([name]) => !only || only.includes(name)),
);

// B first: its migrations (if any) run before A starts on the same database.
const b = await server(rootB, Number(port) + 1, 'b');
const a = await server(rootA, Number(port), 'a');
const out = {};
try {
  for (const [name, variant] of Object.entries(variants)) {
    const runs = { a: [], b: [] };
    for (let round = 0; round < Number(rounds); round += 1) {
      if (mixed) {
        const both = await measureMixed(a, b, variant);
        runs.a.push(both.a);
        runs.b.push(both.b);
        continue;
      }
      // Alternate which side goes first in a pair.
      if (round % 2 === 0) {
        runs.a.push(await measure(a, variant));
        runs.b.push(await measure(b, variant));
      } else {
        runs.b.push(await measure(b, variant));
        runs.a.push(await measure(a, variant));
      }
    }
    out[name] = { a: median(runs.a), b: median(runs.b), runsA: runs.a, runsB: runs.b };
    const r = out[name];
    const fmt = (xs) => xs.map((x) => x.toFixed(3)).join(' ');
    const lower = r.runsB.filter((x, i) => x < r.runsA[i]).length;
    console.log(
      `${name.padEnd(10)} CPU ms/request A ${r.a.toFixed(3)} B ${r.b.toFixed(3)} (B/A ${(r.b / r.a).toFixed(2)}; ` +
        `B lower in ${lower} of ${r.runsA.length} pairs)  A [${fmt(r.runsA)}] B [${fmt(r.runsB)}]`,
    );
  }
  console.log(JSON.stringify(out));
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
