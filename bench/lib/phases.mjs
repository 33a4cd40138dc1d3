/* global setTimeout, process, URL, setInterval, clearInterval */
// The measurements on one seeded database. Every Zhifa figure is taken next to its baseline in
// the same round (A B A B …) and the medians over the rounds are kept.
import { createHash, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { graphql, load, loop, median, processRssMb } from './measure.mjs';
import {
  DASHBOARD,
  DETAIL,
  evidenceInput,
  GENERATE_DECISION,
  LIST,
  LIST_COUNT,
  ME,
  RECORD_EVIDENCE,
  SIDE,
  SIDE_POSTGRAPHILE,
} from './queries.mjs';
import { JWT, ROOT, startProcess, startZhifa, withClient } from './setup.mjs';

const { signToken } = await import(join(ROOT, 'dist/auth/jwt.js'));

const body = (query, variables) => JSON.stringify({ query, variables });
const today = () => new Date().toISOString().slice(0, 10);

/** Officers, tokens and case ids the phases use, read from the seeded database. */
export async function identities(url) {
  return withClient(url, async (client) => {
    const officer = async (certificate) =>
      (
        await client.query(
          `select o.id, o.office_id from enforcement_certificate c join officer o on o.id = c.officer_id
           where c.number = $1`,
          [certificate],
        )
      ).rows[0];
    const token = (id) => signToken(id, JWT, 8 * 3600);
    const national = await officer('CN0001');
    const provincial = await officer('BJ0001');
    const county = await officer('HD0001');
    const decided = (
      await client.query(
        `select id from "case" where status = 'DECIDED_PENALTY' and number like '%〔____〕1_____号'
         order by md5(id::text) limit 300`,
      )
    ).rows.map((row) => row.id);
    // Investigating seeded cases with their two handlers: the rotating targets of recordEvidence.
    const investigating = (
      await client.query(
        `select c.id, c.version, array_agg(h.officer_id order by h.officer_id) as handlers
         from "case" c join case_handler h on h.case_id = c.id
         where c.status = 'INVESTIGATING' and c.number like '%〔____〕1_____号'
         group by c.id, c.version order by md5(c.id::text) limit 2000`,
      )
    ).rows.map((row) => ({ ...row, token: token(row.handlers[0]) }));
    // generateDocument: the demo's decided case (built through the API), its decision sections.
    const letter = (
      await client.query(
        `select c.id, e.actor_officer_id
         from "case" c join case_event e on e.case_id = c.id and e.action = 'decideCase'
         where c.status = 'DECIDED_PENALTY' and c.number not like '%〔____〕1_____号'
         order by c.created_at desc limit 1`,
      )
    ).rows[0];
    if (letter) {
      // The sections the steps recorded (facts, notice, hearing, decision …), latest first wins.
      const recorded = await client.query(
        `select payload -> 'documentSections' as sections from case_event
         where case_id = $1 and payload ? 'documentSections' order by sequence`,
        [letter.id],
      );
      letter.sections = Object.assign({}, ...recorded.rows.map((row) => row.sections));
    }
    const postgres = (await client.query('show server_version')).rows[0].server_version;
    return {
      national: token(national.id),
      provincial: token(provincial.id),
      county: token(county.id),
      decided,
      investigating,
      letter: letter && { ...letter, token: token(letter.actor_officer_id) },
      postgres,
    };
  });
}

/** The cap of `totalCount` (src/schema/connection.ts): beyond it the API says the count is not exact. */
const TOTAL_COUNT_CAP = 10_000;

/** The API answers what SQL says is there (counts of children, totalCount). */
async function verify(url, zhifaUrl, who) {
  const checks = [];
  await withClient(url, async (client) => {
    for (const id of who.decided.slice(0, 5)) {
      const answer = await graphql(zhifaUrl, who.national, DETAIL, { id });
      const expected = (
        await client.query(
          `select (select count(*) from evidence where case_id = $1)::int as evidence,
                  (select count(*) from decision where case_id = $1)::int as decisions,
                  (select count(*) from deadline where case_id = $1)::int as deadlines,
                  (select count(*) from case_document where case_id = $1)::int as documents,
                  (select count(*) from case_party where case_id = $1)::int as parties`,
          [id],
        )
      ).rows[0];
      const found = answer.data?.case;
      const got = found && {
        evidence: found.evidence.length,
        decisions: found.decisions.length,
        deadlines: found.deadlines.length,
        documents: found.documents.length,
        parties: found.parties.length,
      };
      checks.push({
        what: `detail ${id}`,
        ok: JSON.stringify(got) === JSON.stringify(expected),
        expected,
        got,
      });
    }
    const total = (await client.query('select count(*)::int as n from "case"')).rows[0].n;
    // totalCount is exact up to its cap (10 000) and says so in totalCountIsExact.
    const answer = await graphql(
      zhifaUrl,
      who.national,
      'query { cases(first: 1) { totalCount totalCountIsExact } }',
      {},
    );
    const { totalCount: got, totalCountIsExact: exact } = answer.data?.cases ?? {};
    const ok = exact ? got === total : got === TOTAL_COUNT_CAP && total > TOTAL_COUNT_CAP;
    checks.push({ what: 'national totalCount', ok, expected: total, got, exact });
  });
  return { ok: checks.every((check) => check.ok), checks };
}

/** Interleaves named measurements for `rounds` rounds; returns each one's per-round results. */
async function interleave(rounds, runs) {
  const out = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run] of Object.entries(runs)) {
      out[name].push(await run());
    }
  }
  return out;
}

/** Median of each numeric field over the rounds. */
function medians(runs) {
  const keys = ['p50', 'p99', 'perSecond', 'cpuMsPerRequest', 'errors', 'requests'];
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))]));
}

function summarizeAll(raw) {
  return Object.fromEntries(Object.entries(raw).map(([name, runs]) => [name, medians(runs)]));
}

/** Counts the SQL statements a request makes, from a ZHIFA_LOG_QUERIES=true server. */
async function statementCounts({ url, port, who, log }) {
  // Data statements; transaction control and the per-request RLS scope (begin, set_config,
  // savepoints, commit) are counted apart in `control`.
  let counter = 0;
  let control = 0;
  const server = await startZhifa({
    url,
    port,
    logQueries: true,
    onLine: (line) => {
      if (line.includes('"msg":"SQL"')) {
        const sql = JSON.parse(line).sql.replace(/^\[query\] /, '');
        if (/webhook_delivery|webhook_subscription|audit_checkpoint/.test(sql)) {
          // Background jobs (webhook dispatcher, checkpoints), not the request's.
          return;
        }
        if (/^(begin|commit|rollback|savepoint|release savepoint|select set_config\()/i.test(sql)) {
          control += 1;
        } else {
          counter += 1;
        }
      }
    },
  });
  const quiet = () => new Promise((resolve) => setTimeout(resolve, 150));
  const controls = {};
  const count = async (name, token, query, variables) => {
    let fewest = Infinity;
    let fewestControl = Infinity;
    // The webhook dispatcher polls in the background: the fewest of three is the request's own.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await quiet();
      const before = counter;
      const beforeControl = control;
      const answer = await graphql(server.url, token, query, variables);
      await quiet();
      if (answer.errors) {
        log(`  statement count: ${JSON.stringify(answer.errors).slice(0, 300)}`);
        return null;
      }
      fewest = Math.min(fewest, counter - before);
      fewestControl = Math.min(fewestControl, control - beforeControl);
    }
    controls[name] = fewestControl;
    return fewest;
  };
  try {
    const id = who.decided[0];
    const county = { status: ['INVESTIGATING'] };
    const counts = {
      authMe: await count('authMe', who.national, ME),
      detail: await count('detail', who.national, DETAIL, { id }),
      side: await count('side', who.national, SIDE, { id }),
      listNational10: await count('listNational10', who.national, LIST, { first: 10 }),
      listNational50: await count('listNational50', who.national, LIST, { first: 50 }),
      listCounty10: await count('listCounty10', who.county, LIST, { first: 10 }),
      listCounty50: await count('listCounty50', who.county, LIST, { first: 50 }),
      listNational50TotalCount: await count('listNational50TotalCount', who.national, LIST_COUNT, {
        first: 50,
      }),
      dashboard10: await count('dashboard10', who.county, DASHBOARD, { first: 10, filter: county }),
      dashboard50: await count('dashboard50', who.county, DASHBOARD, { first: 50, filter: county }),
    };
    // One real recordEvidence on a case the load phases do not use.
    const spare = who.investigating[who.investigating.length - 1];
    const before = counter;
    const answer = await graphql(server.url, spare.token, RECORD_EVIDENCE, {
      caseId: spare.id,
      version: spare.version,
      input: evidenceInput(spare.handlers, today()),
    });
    await quiet();
    counts.recordEvidence = answer.errors ? null : counter - before;
    if (answer.data) {
      spare.version = answer.data.recordEvidence.case.version;
    }
    // Per request: begin, the RLS scope and commit as they reach the database (some ride
    // together with a data statement and are then not sent apart).
    counts.control = controls;
    return counts;
  } finally {
    await server.stop();
  }
}

/** recordEvidence's writes as one hand-written SQL transaction (the mutation's floor). */
function rawRecordEvidence(pool) {
  return async (target) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const updated = await client.query(
        `update "case" set version = version + 1, updated_at = now() where id = $1 and version = $2
         returning version, status`,
        [target.id, target.version],
      );
      if (updated.rowCount !== 1) {
        throw new Error('version conflict');
      }
      const evidenceId = randomUUID();
      const input = evidenceInput(target.handlers, today());
      await client.query(
        `insert into evidence (id, updated_at, case_id, kind, title, description, source, collected_at, place, files)
         values ($1, now(), $2, $3, $4, $5, $6, now(), $7, '[]')`,
        [
          evidenceId,
          target.id,
          input.evidenceKind,
          input.title,
          input.description,
          input.source,
          input.place,
        ],
      );
      await client.query(
        'insert into evidence_collector (evidence_id, officer_id) values ($1, $2), ($1, $3)',
        [evidenceId, target.handlers[0], target.handlers[1]],
      );
      const head = (
        await client.query(
          'select sequence, hash from case_event where case_id = $1 order by sequence desc limit 1',
          [target.id],
        )
      ).rows[0];
      const payload = JSON.stringify({ input, actDate: today(), effects: [], deadlines: [] });
      const hash = createHash('sha256').update(`${head.hash}${payload}`).digest('hex');
      await client.query(
        `insert into case_event (id, case_id, sequence, occurred_at, action, actor_officer_id, actor_name,
           from_status, to_status, input_digest, payload, previous_hash, hash, act_date)
         values ($1, $2, $3, now(), 'recordEvidence', $4, '基准', 'INVESTIGATING', 'INVESTIGATING', $5, $6, $7, $8, $9)`,
        [
          randomUUID(),
          target.id,
          head.sequence + 1,
          target.handlers[0],
          createHash('sha256').update(payload).digest('hex'),
          payload,
          head.hash,
          hash,
          today(),
        ],
      );
      await client.query('commit');
      target.version = updated.rows[0].version;
      return true;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      const fresh = await client.query('select version from "case" where id = $1', [target.id]);
      target.version = fresh.rows[0]?.version ?? target.version;
      throw error;
    } finally {
      client.release();
    }
  };
}

/** One recordEvidence on a target (id, version, handlers, token); the target keeps the new version. */
export function zhifaRecordEvidence(zhifaUrl) {
  return async (target) => {
    const answer = await graphql(zhifaUrl, target.token, RECORD_EVIDENCE, {
      caseId: target.id,
      version: target.version,
      input: evidenceInput(target.handlers, today()),
    });
    const version = answer.data?.recordEvidence?.case?.version;
    if (version === undefined) {
      throw new Error(JSON.stringify(answer.errors ?? answer).slice(0, 300));
    }
    target.version = version;
    return true;
  };
}

/** Each worker takes its own cases in turn, so concurrent writers never share a case. */
function rotating(targets, connections, step) {
  const cursors = new Array(connections).fill(0);
  let lastError;
  const send = async (worker) => {
    const mine = Math.max(1, Math.floor(targets.length / connections));
    const target = targets[worker * mine + (cursors[worker]++ % mine)];
    try {
      return await step(target);
    } catch (error) {
      lastError = error;
      return false;
    }
  };
  send.lastError = () => lastError;
  return send;
}

export async function runPhases({ url, config, log, postgraphileNode, soak, machine }) {
  const { seconds, rounds, basePort } = config;
  // bench:ci counts requests instead of seconds: on a loaded machine a 2-second run may see no
  // Zhifa answer at all, while a fixed number of requests always gives a median and a CPU share.
  const span = (requests) => (config.ci ? { amount: requests } : { seconds });
  const who = await identities(url);
  machine.postgres = who.postgres;
  const zhifa = await startZhifa({ url, port: basePort + 1 });
  const peer = await startProcess({
    command: process.execPath,
    args: ['bench/peers/graphql-pg.mjs', url, String(basePort + 2), JWT.secret],
    ready: (line) => line.includes('peer ready'),
  });
  const peerUrl = `http://127.0.0.1:${basePort + 2}/graphql`;
  let postgraphile;
  if (postgraphileNode) {
    try {
      postgraphile = await startProcess({
        command: postgraphileNode,
        args: ['bench/peers/postgraphile.mjs', url, String(basePort + 3)],
        env: { GRAPHILE_ENV: 'production' },
        ready: (line) => line.includes('postgraphile ready'),
      });
    } catch (error) {
      log(`  PostGraphile did not start: ${String(error).slice(0, 300)}`);
    }
  }
  const postgraphileUrl = `http://127.0.0.1:${basePort + 3}/graphql`;
  const out = {};
  try {
    out.verify = await verify(url, zhifa.url, who);
    log(`  verify: ${out.verify.ok ? 'ok' : `FAILED ${JSON.stringify(out.verify.checks)}`}`);

    const detailBodies = who.decided.map((id) => body(DETAIL, { id }));
    // Every server answers the same number of requests first, so the figures are of warm code
    // on both sides: measured from the first requests, Zhifa's CPU per request included V8
    // compiling its request path (2–4 ms a request over its first ~2 000, ~1.2–1.9 ms after, at
    // load 10–15) and the peer's its own shorter warm-up (docs/performance.md, branch detail).
    const warm = async (target, token, bodies) =>
      config.warmRequests > 0
        ? load({ url: target, token, bodies, amount: config.warmRequests, connections: 10 })
        : load({ url: target, token, bodies, seconds: 1, connections: 2 });
    await warm(zhifa.url, who.national, detailBodies);
    await warm(peerUrl, who.national, detailBodies);

    // Case detail: latency at a fixed offered rate, then saturation throughput and server CPU.
    log('  case detail: Zhifa vs graphql-js + pg (one json_agg statement)');
    const detailRate = Number(process.env.BENCH_DETAIL_RATE || 20);
    out.detail = summarizeAll(
      await interleave(rounds, {
        zhifaAtRate: () =>
          load({
            url: zhifa.url,
            token: who.national,
            bodies: detailBodies,
            ...span(15),
            rate: detailRate,
            pid: zhifa.pid,
          }),
        peerAtRate: () =>
          load({
            url: peerUrl,
            token: who.national,
            bodies: detailBodies,
            ...span(15),
            rate: detailRate,
            pid: peer.pid,
          }),
        // As many requests as the peer's: with 30, each of the 10 connections made 3, so the
        // connections' setup and the run's ramp-down weighed on Zhifa's CPU per request 10×
        // more than on the peer's, and 30 requests are only ~10 ticks of /proc.
        zhifaSaturated: () =>
          load({
            url: zhifa.url,
            token: who.national,
            bodies: detailBodies,
            ...span(300),
            connections: 10,
            pid: zhifa.pid,
          }),
        peerSaturated: () =>
          load({
            url: peerUrl,
            token: who.national,
            bodies: detailBodies,
            ...span(300),
            connections: 10,
            pid: peer.pid,
          }),
      }),
    );
    out.detail.offeredRate = detailRate;

    if (postgraphile) {
      log('  side by side: Zhifa vs PostGraphile 5 (case + evidence + decisions)');
      const sideBodies = who.decided.map((id) => body(SIDE, { id }));
      const pglBodies = who.decided.map((id) => body(SIDE_POSTGRAPHILE, { id }));
      const probe = await graphql(postgraphileUrl, undefined, SIDE_POSTGRAPHILE, {
        id: who.decided[0],
      });
      if (probe.errors || !probe.data?.caseByRowId) {
        log(`  PostGraphile answered ${JSON.stringify(probe).slice(0, 300)}: side by side skipped`);
      } else {
        await warm(postgraphileUrl, undefined, pglBodies);
        out.side = summarizeAll(
          await interleave(rounds, {
            zhifaAtRate: () =>
              load({
                url: zhifa.url,
                token: who.national,
                bodies: sideBodies,
                seconds,
                rate: detailRate,
                pid: zhifa.pid,
              }),
            postgraphileAtRate: () =>
              load({
                url: postgraphileUrl,
                bodies: pglBodies,
                seconds,
                rate: detailRate,
                pid: postgraphile.pid,
              }),
            zhifaSaturated: () =>
              load({
                url: zhifa.url,
                token: who.national,
                bodies: sideBodies,
                seconds,
                connections: 10,
                pid: zhifa.pid,
              }),
            postgraphileSaturated: () =>
              load({
                url: postgraphileUrl,
                bodies: pglBodies,
                seconds,
                connections: 10,
                pid: postgraphile.pid,
              }),
          }),
        );
        out.side.offeredRate = detailRate;
      }
    }

    log('  authentication: { me { id } }');
    // Warmed first, and 1 000 requests a round under bench:ci: 100 requests right after the
    // detail phase measured its garbage collection and the path's first compilation (2–3 ms a
    // request, against ~1 ms warm on the same server), and 100 requests are ~10 ticks of /proc.
    await load({
      url: zhifa.url,
      token: who.national,
      bodies: [body(ME)],
      amount: 300,
      connections: 4,
    });
    out.auth = summarizeAll(
      await interleave(rounds, {
        zhifaSaturated: () =>
          load({
            url: zhifa.url,
            token: who.national,
            bodies: [body(ME)],
            ...span(1000),
            connections: 4,
            pid: zhifa.pid,
          }),
      }),
    );

    log(
      '  dashboard: page of 50 with deadlines + availableActions vs the plain page (county officer)',
    );
    const filter = { status: ['INVESTIGATING'] };
    const dashboardRate = Number(process.env.BENCH_DASHBOARD_RATE || 2);
    out.dashboard = summarizeAll(
      await interleave(rounds, {
        plainAtRate: () =>
          load({
            url: zhifa.url,
            token: who.county,
            bodies: [body(LIST, { first: 50, filter })],
            // 10 a round: the p50 of 5 moved the ratio between 2.8× and 3.7× on one tree.
            ...span(10),
            rate: dashboardRate,
            pid: zhifa.pid,
          }),
        dashboardAtRate: () =>
          load({
            url: zhifa.url,
            token: who.county,
            bodies: [body(DASHBOARD, { first: 50, filter })],
            ...span(10),
            rate: dashboardRate,
            pid: zhifa.pid,
          }),
      }),
    );
    out.dashboard.offeredRate = dashboardRate;

    if (config.lists) {
      log('  lists: page of 50 as national and county officers');
      const listRate = Number(process.env.BENCH_LIST_RATE || 5);
      const variant = (token, query, variables) => () =>
        load({
          url: zhifa.url,
          token,
          bodies: [body(query, variables)],
          seconds,
          rate: listRate,
          pid: zhifa.pid,
        });
      const investigating = { status: ['INVESTIGATING'] };
      // 星河云图: 50 cases at 10 k, all in Haidian (bench/seed.sql), 5 000 at 1 M: a full page from the
      // search's ids at both scales. 科技有限公司: every bench case, more than the ids' cap (5 000):
      // the list's ordered scan after the capped id probe.
      const search = { search: '星河云图' };
      const common = { search: '科技有限公司' };
      out.lists = summarizeAll(
        await interleave(rounds, {
          national: variant(who.national, LIST, { first: 50 }),
          nationalStatus: variant(who.national, LIST, { first: 50, filter: investigating }),
          nationalSearch: variant(who.national, LIST, { first: 50, filter: search }),
          nationalSearchCommon: variant(who.national, LIST, { first: 50, filter: common }),
          nationalTotalCount: variant(who.national, LIST_COUNT, { first: 50 }),
          county: variant(who.county, LIST, { first: 50 }),
          countyStatus: variant(who.county, LIST, { first: 50, filter: investigating }),
          countySearch: variant(who.county, LIST, { first: 50, filter: search }),
          countySearchCommon: variant(who.county, LIST, { first: 50, filter: common }),
        }),
      );
      out.lists.offeredRate = listRate;
    }

    log('  recordEvidence: Zhifa vs the same writes as one SQL transaction');
    const half = Math.floor(who.investigating.length / 2);
    const zhifaTargets = who.investigating.slice(0, half);
    const rawTargets = who.investigating.slice(half, who.investigating.length - 1);
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const mutationRate = Number(process.env.BENCH_MUTATION_RATE || 10);
    const zhifaSend = (connections) =>
      rotating(zhifaTargets, connections, zhifaRecordEvidence(zhifa.url));
    const rawSend = (connections) => rotating(rawTargets, connections, rawRecordEvidence(pool));
    try {
      const probe = zhifaSend(1);
      if (!(await probe(0))) {
        log(`  recordEvidence refused: ${String(probe.lastError()).slice(0, 300)}`);
      }
      // The same server as deployed on every core (ZHIFA_WORKERS): steps per second at 10
      // connections, next to the one process every other figure measures.
      const cluster =
        config.workers > 1
          ? await startZhifa({ url, port: basePort + 5, workers: config.workers })
          : undefined;
      const clusterSend = (connections) =>
        rotating(zhifaTargets, connections, zhifaRecordEvidence(cluster.url));
      if (cluster) {
        // Freshly forked workers compile everything on their first requests; the one process
        // has been warmed by the phases before. Warm the workers alike before measuring.
        await loop({ amount: 200, connections: 10, send: clusterSend(10) });
      }
      const runs = await interleave(rounds, {
        ...(cluster && {
          zhifaSaturatedWorkers: () =>
            loop({ ...span(150), connections: 10, pid: cluster.pid, send: clusterSend(10) }),
        }),
        zhifaAtRate: () =>
          loop({ ...span(12), rate: mutationRate, pid: zhifa.pid, send: zhifaSend(1) }),
        rawAtRate: () => loop({ ...span(12), rate: mutationRate, send: rawSend(1) }),
        // 15 steps a connection (3 gave a throughput dominated by the run's start and end).
        zhifaSaturated: () =>
          loop({ ...span(150), connections: 10, pid: zhifa.pid, send: zhifaSend(10) }),
        rawSaturated: () => loop({ ...span(300), connections: 10, send: rawSend(10) }),
      });
      out.mutation = summarizeAll(runs);
      out.mutation.offeredRate = mutationRate;
      out.mutation.workers = cluster ? config.workers : 1;
      await cluster?.stop();
    } finally {
      await pool.end();
    }

    log('  documents: decision letter render vs docxtemplater, generateDocument');
    const documents = JSON.parse(
      execFileSync(
        process.execPath,
        ['bench/peers/documents.mjs', url, String(seconds), String(rounds)],
        { cwd: ROOT, encoding: 'utf8' },
      )
        .trim()
        .split('\n')
        .pop(),
    );
    out.documents = {
      lines: documents.lines,
      zhifaBytes: documents.zhifaBytes,
      docxtemplaterBytes: documents.docxtemplaterBytes,
      renderPerCoreSecond: median(documents.zhifa),
      docxtemplaterPerCoreSecond: median(documents.docxtemplater),
    };
    if (who.letter) {
      const generate = async () => {
        const answer = await graphql(zhifa.url, who.letter.token, GENERATE_DECISION, {
          caseId: who.letter.id,
          sections: who.letter.sections,
        });
        if (!answer.data?.generateDocument) {
          throw new Error(JSON.stringify(answer.errors).slice(0, 300));
        }
        return true;
      };
      await generate().catch((error) => log(`  generateDocument refused: ${error.message}`));
      const generated = summarizeAll(
        await interleave(rounds, {
          zhifa: () => loop({ ...span(40), pid: zhifa.pid, send: generate }),
        }),
      ).zhifa;
      out.documents.generate = generated;
      out.documents.generatePerCoreSecond = 1000 / generated.cpuMsPerRequest;
    }

    log('  statement counts (ZHIFA_LOG_QUERIES server, one request at a time)');
    out.statements = await statementCounts({ url, port: basePort + 4, who, log });

    if (soak && config.soakSeconds > 0) {
      log(`  soak: ${config.soakSeconds} s mixed load, 10 connections`);
      out.soak = await soakTest({
        url,
        zhifa,
        who,
        seconds: config.soakSeconds,
        targets: zhifaTargets,
      });
    }
    out.serverRssMbAtEnd = processRssMb(zhifa.pid);
    return out;
  } finally {
    await Promise.all([zhifa.stop(), peer.stop(), postgraphile?.stop()]);
  }
}

/** 60 % list pages, 30 % case details, 10 % recordEvidence; RSS every 5 s, client sessions. */
export async function soakTest({ url, zhifa, who, seconds, targets }) {
  const samples = [];
  const sessions = [];
  const started = Date.now();
  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  const database = new URL(url).pathname.slice(1);
  const timer = setInterval(async () => {
    samples.push({ at: (Date.now() - started) / 1000, rssMb: processRssMb(zhifa.pid) });
    const active = await monitor
      .query(
        `select count(*)::int as n from pg_stat_activity
         where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()`,
        [database],
      )
      .catch(() => undefined);
    if (active) {
      sessions.push(active.rows[0].n);
    }
  }, 5000);
  const tokens = [who.national, who.provincial, who.county];
  const record = rotating(targets, 10, zhifaRecordEvidence(zhifa.url));
  let n = 0;
  const send = async (worker) => {
    const pick = n++ % 10;
    if (pick < 6) {
      const answer = await graphql(zhifa.url, tokens[n % 3], LIST, { first: 20 });
      return Boolean(answer.data);
    }
    if (pick < 9) {
      const answer = await graphql(zhifa.url, who.national, DETAIL, {
        id: who.decided[n % who.decided.length],
      });
      return Boolean(answer.data);
    }
    return record(worker);
  };
  let result;
  try {
    result = await loop({ seconds, connections: 10, pid: zhifa.pid, send });
  } finally {
    clearInterval(timer);
    await monitor.end();
  }
  samples.push({ at: (Date.now() - started) / 1000, rssMb: processRssMb(zhifa.pid) });
  // "After 1 minute" on a 5-minute soak; a fifth of the soak when it is shortened.
  const mark = Math.min(60, seconds / 5);
  const atMark = samples.find((sample) => sample.at >= mark) ?? samples[0];
  const atEnd = samples[samples.length - 1];
  return {
    ...result,
    seconds,
    markSeconds: mark,
    rssMbAtMark: atMark.rssMb,
    rssMbAtEnd: atEnd.rssMb,
    rssRatio: atEnd.rssMb / atMark.rssMb,
    maxClientSessions: Math.max(0, ...sessions),
    samples,
  };
}
