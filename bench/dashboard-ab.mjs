#!/usr/bin/env node
/* global process, console, fetch */
// Interleaved A/B of the dashboard against its plain page on one kept bench database: two builds
// (checkout roots A and B, each with dist/), the county officer's page of 50 INVESTIGATING cases as
// the bench's LIST and DASHBOARD (bench/lib/queries.mjs), A B / B A alternating, server CPU per
// request from /proc. Prints each side's medians, B/A, and the dashboard / plain ratio per side.
//   node bench/dashboard-ab.mjs <database url> <root A> <root B> [port] [rounds] [requests]
// AB_ENV_A / AB_ENV_B (JSON) add environment variables to a side (e.g. NODE_OPTIONS).
import { median, processCpuMs } from './lib/measure.mjs';
import { identities } from './lib/phases.mjs';
import { startZhifa } from './lib/setup.mjs';
import { DASHBOARD, LIST } from './lib/queries.mjs';

const [url, rootA, rootB, port = '5740', rounds = '5', count = '30'] = process.argv.slice(2);
const who = await identities(url);
const side = (root, at, env) =>
  startZhifa({ url, port: at, root, env: JSON.parse(process.env[env] || '{}') });
// B first: its migrations (if any) run before A starts on the same database.
const b = await side(rootB, Number(port) + 1, 'AB_ENV_B');
const a = await side(rootA, Number(port), 'AB_ENV_A');
const headers = { 'content-type': 'application/json', authorization: `Bearer ${who.county}` };
const variants = { plain: LIST, dashboard: DASHBOARD };

/** `n` requests over 2 connections. */
async function run(server, query, n) {
  const body = JSON.stringify({
    query,
    variables: { first: 50, filter: { status: ['INVESTIGATING'] } },
  });
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next += 1;
      const answer = await (await fetch(server.url, { method: 'POST', headers, body })).json();
      if (answer.errors) {
        console.log(JSON.stringify(answer.errors));
      }
    }
  };
  await Promise.all([worker(), worker()]);
}

async function measure(server, query) {
  const cpu = processCpuMs(server.pid);
  await run(server, query, Number(count));
  return (processCpuMs(server.pid) - cpu) / Number(count);
}

const out = {};
try {
  for (const server of [a, b]) {
    for (const query of Object.values(variants)) {
      await run(server, query, 20);
    }
  }
  for (let round = 0; round < Number(rounds); round += 1) {
    for (const [name, query] of Object.entries(variants)) {
      const pair =
        round % 2 === 0
          ? [
              ['a', a],
              ['b', b],
            ]
          : [
              ['b', b],
              ['a', a],
            ];
      for (const [key, server] of pair) {
        (out[`${name}.${key}`] ??= []).push(await measure(server, query));
      }
    }
  }
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
const fmt = (xs) => `${median(xs).toFixed(1)} [${xs.map((x) => x.toFixed(1)).join(' ')}]`;
for (const name of Object.keys(variants)) {
  const [xa, xb] = [out[`${name}.a`], out[`${name}.b`]];
  console.log(
    `${name.padEnd(10)} CPU ms/request A ${fmt(xa)}  B ${fmt(xb)}  B/A ${(median(xb) / median(xa)).toFixed(2)}`,
  );
}
const ratios = (key) => out[`dashboard.${key}`].map((d, i) => d / out[`plain.${key}`][i]);
console.log(
  `dashboard / plain per pair (median): A ${median(ratios('a')).toFixed(2)}  B ${median(ratios('b')).toFixed(2)}`,
);
