/* global URL, process, performance, setTimeout, fetch */
// Load generation and process accounting for the bench. Latencies are recorded from autocannon's
// per-response event (float milliseconds: its own histogram rounds to whole milliseconds, too coarse
// for peers answering in 0.3 ms); server CPU and RSS come from /proc of the server process, so every
// server (Zhifa, the peers, PostGraphile on another Node) is measured the same way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../.tools/package.json', import.meta.url)));

let autocannonModule;
function autocannon() {
  autocannonModule ??= require('autocannon');
  return autocannonModule;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU of a process so far, in milliseconds. */
export function ownCpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The processes a process started (its cluster workers), and theirs. */
function descendants(pid) {
  let children = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/**
 * CPU time of a server so far: the process and every process under it (ZHIFA_WORKERS > 1
 * runs the requests in worker processes), in ms.
 */
export function processCpuMs(pid) {
  let total = ownCpuMs(pid);
  for (const child of descendants(pid)) {
    try {
      total += ownCpuMs(child);
    } catch {
      // exited between the listing and the read
    }
  }
  return total;
}

/** Resident set size of a process, in MB. */
export function processRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) {
    return NaN;
  }
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return NaN;
  }
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarize(latencies, seconds, errors, cpuMs) {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    perSecond: sorted.length / seconds,
    cpuMsPerRequest: cpuMs === undefined || sorted.length === 0 ? undefined : cpuMs / sorted.length,
  };
}

/**
 * POST a GraphQL request for `seconds`, either at a fixed offered rate (`rate` requests/s,
 * latency) or as fast as `connections` allow (saturation throughput). `bodies` is a list of
 * request bodies used round-robin (e.g. one per case id). `pid` adds server CPU per request.
 */
export async function load({
  url,
  token,
  bodies,
  seconds,
  amount,
  connections = 1,
  rate,
  pid,
  check,
}) {
  const headers = { 'content-type': 'application/json' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  let next = 0;
  const latencies = [];
  let errors = 0;
  const cpuBefore = pid ? processCpuMs(pid) : undefined;
  const started = process.hrtime.bigint();
  const instance = autocannon()({
    url,
    method: 'POST',
    headers,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        setupRequest: (request) => {
          request.body = bodies[next++ % bodies.length];
          return request;
        },
        onResponse: check
          ? (status, body) => {
              if (status !== 200 || !check(body)) {
                errors += 1;
              }
            }
          : undefined,
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) {
      latencies.push(responseTime);
    } else {
      errors += 1;
    }
  });
  await instance;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuMs = pid ? processCpuMs(pid) - cpuBefore : undefined;
  return summarize(latencies, elapsed, errors, cpuMs);
}

/**
 * A closed-loop runner for stateful requests (mutations that need the case's current version):
 * `connections` workers each call `send()` in turn for `seconds`; with `rate` the offered rate is
 * paced across all workers. `send` resolves to true on success.
 */
export async function loop({ seconds, amount, connections = 1, rate, pid, send }) {
  const latencies = [];
  let errors = 0;
  const cpuBefore = pid ? processCpuMs(pid) : undefined;
  const started = performance.now();
  const until = amount ? Infinity : started + seconds * 1000;
  let issued = 0;
  const interval = rate ? 1000 / rate : 0;
  let slot = 0;
  const worker = async (w) => {
    while (performance.now() < until && !(amount && issued >= amount)) {
      issued += 1;
      if (interval) {
        const at = started + slot++ * interval;
        const wait = at - performance.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        if (performance.now() >= until) {
          break;
        }
      }
      const t0 = performance.now();
      const ok = await send(w).catch(() => false);
      if (ok) {
        latencies.push(performance.now() - t0);
      } else {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = pid ? processCpuMs(pid) - cpuBefore : undefined;
  return summarize(latencies, elapsed, errors, cpuMs);
}

/** A GraphQL POST with fetch; throws on transport errors, returns the parsed answer. */
export async function graphql(url, token, query, variables) {
  const request = () =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  let response;
  try {
    response = await request();
  } catch (error) {
    // A kept-alive socket the server closed while idle: the request never reached it.
    if (
      !/other side closed|ECONNRESET|socket/i.test(
        String(error.cause?.message ?? error.cause?.code),
      )
    ) {
      throw error;
    }
    response = await request();
  }
  return response.json();
}
