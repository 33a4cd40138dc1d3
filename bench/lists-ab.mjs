#!/usr/bin/env node
/* global process, console, fetch, performance */
// Interleaved A/B of the list pages (bench/lib/phases.mjs "lists") on one kept bench database:
// two builds (checkout roots A and B, each with dist/), the same requests, A B A B …, server CPU
// per request from /proc and the p50 of sequential requests.
//   node bench/lists-ab.mjs <database url>[,<database url for B>] <root A> <root B> [port] [rounds] [requests]
// Two databases (copies of one, e.g. `create database … template …`) when B migrates what A reads:
// each build then reads its own schema.
import { join } from 'node:path';
import { median, processCpuMs } from './lib/measure.mjs';
import { JWT, ROOT, startZhifa, withClient } from './lib/setup.mjs';
import { LIST, LIST_COUNT } from './lib/queries.mjs';

const [urls, rootA, rootB, port = '5520', rounds = '3', requests = '20'] = process.argv.slice(2);
const [url, urlB = url] = urls.split(',');
const { signToken } = await import(join(ROOT, 'dist/auth/jwt.js'));

const server = (root, at, database) => startZhifa({ url: database, port: at, root });

const tokens = await withClient(url, async (client) => {
  const id = async (certificate) =>
    (
      await client.query(
        `select o.id from enforcement_certificate c join officer o on o.id = c.officer_id where c.number = $1`,
        [certificate],
      )
    ).rows[0].id;
  return {
    national: signToken(await id('CN0001'), JWT, 8 * 3600),
    county: signToken(await id('HD0001'), JWT, 8 * 3600),
  };
});

const investigating = { status: ['INVESTIGATING'] };
// The lists phase's probes (bench/lib/phases.mjs): a term of 50 cases at 10 k (5 000 at 1 M) and
// one of every case.
const search = { search: '星河云图' };
const common = { search: '科技有限公司' };
const variants = {
  national: [tokens.national, LIST, { first: 50 }],
  nationalStatus: [tokens.national, LIST, { first: 50, filter: investigating }],
  nationalSearch: [tokens.national, LIST, { first: 50, filter: search }],
  nationalSearchCommon: [tokens.national, LIST, { first: 50, filter: common }],
  nationalTotalCount: [tokens.national, LIST_COUNT, { first: 50 }],
  county: [tokens.county, LIST, { first: 50 }],
  countyStatus: [tokens.county, LIST, { first: 50, filter: investigating }],
  countySearch: [tokens.county, LIST, { first: 50, filter: search }],
  countySearchCommon: [tokens.county, LIST, { first: 50, filter: common }],
};

async function measure(target, [token, query, variables]) {
  const body = JSON.stringify({ query, variables });
  const send = async () => {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const answer = await response.json();
    if (answer.errors) {
      // A page past the server's execution timeout counts at the time it took, as an error.
      errors += 1;
      lastError = JSON.stringify(answer.errors).slice(0, 200);
    }
  };
  let errors = 0;
  let lastError;
  const warm = performance.now();
  await send();
  // A variant that takes seconds (or times out) is measured on fewer requests.
  const count = errors || performance.now() - warm > 2000 ? 3 : Number(requests);
  errors = 0;
  const latencies = [];
  const cpu = processCpuMs(target.pid);
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await send();
    latencies.push(performance.now() - started);
  }
  if (lastError) {
    console.log(`  ${target.url}: ${errors} of ${count} failed: ${lastError}`);
  }
  return { p50: median(latencies), cpuMs: (processCpuMs(target.pid) - cpu) / count, errors };
}

// B first: its migrations (if any) run before A starts on the same database.
const b = await server(rootB, Number(port) + 1, urlB);
const a = await server(rootA, Number(port), url);
const out = {};
try {
  for (const [name, variant] of Object.entries(variants)) {
    const runs = { a: [], b: [] };
    for (let round = 0; round < Number(rounds); round += 1) {
      runs.a.push(await measure(a, variant));
      runs.b.push(await measure(b, variant));
    }
    const pick = (side, key) => median(runs[side].map((run) => run[key]));
    out[name] = {
      aP50: pick('a', 'p50'),
      bP50: pick('b', 'p50'),
      aCpuMs: pick('a', 'cpuMs'),
      bCpuMs: pick('b', 'cpuMs'),
    };
    const r = out[name];
    console.log(
      `${name.padEnd(20)} p50 A ${r.aP50.toFixed(1)} B ${r.bP50.toFixed(1)} ms (B/A ${(r.bP50 / r.aP50).toFixed(2)}); ` +
        `CPU A ${r.aCpuMs.toFixed(2)} B ${r.bCpuMs.toFixed(2)} ms/request`,
    );
  }
  console.log(JSON.stringify(out));
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
