#!/usr/bin/env node
/* global process, console */
// The soak of `npm run bench` alone, on a kept bench database (BENCH_KEEP_DB=1): when re-seeding
// the largest scale does not fit, the mixed load runs against the database a full run left.
//   node bench/soak.mjs <database url> [seconds] [port]
import { identities, soakTest } from './lib/phases.mjs';
import { startZhifa } from './lib/setup.mjs';

const [url, seconds = '300', port = '5530'] = process.argv.slice(2);
const who = await identities(url);
const zhifa = await startZhifa({ url, port: Number(port) });
try {
  const half = Math.floor(who.investigating.length / 2);
  const result = await soakTest({
    url,
    zhifa,
    who,
    seconds: Number(seconds),
    targets: who.investigating.slice(0, half),
  });
  console.log(JSON.stringify(result));
} finally {
  await zhifa.stop();
}
