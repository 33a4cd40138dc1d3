import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { createApolloServer } from '../app.js';
import { createRequestContext } from '../app-context.js';
import { signToken, type JwtSettings } from '../auth/jwt.js';
import { createDatabase, dropDatabase, withDatabase } from '../db/admin.js';
import { migrate } from '../db/database.js';
import { createOrmConfig } from '../db/mikro-orm.config.js';
import { ensureReferenceData } from '../db/seed/reference-data.js';
import { seedDemo } from '../demo/seed-demo.js';
import { toLocalDate } from '../procedure/local-date.js';

/**
 * Micro-benchmark of the read path in process (no HTTP): authentication alone and the
 * case detail, as server CPU per request, wall-time median and SQL statements per request
 * (all of them, BEGIN/COMMIT included, and the select/insert/update/delete ones alone).
 * `BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node dist/scripts/read-path-bench.js`
 * (creates and drops its own database; BENCH_ITERATIONS, default 2000; BENCH_ONLY=me,detail).
 */
const QUERIES: Record<string, string> = {
  me: '{ me { id } }',
  detail: `query($id: ID!) { case(id: $id) { id number status title
    office { id name } parties { id name } evidence { id kind title }
    decisions { id kind decidedOn } deadlines { kind dueDate } documents { id kind title } } }`,
  side: `query($id: ID!) { case(id: $id) { id number status title
    evidence { id kind title } decisions { id kind decidedOn } } }`,
};

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 2000);
  const name = `zhifa_bench_${randomBytes(4).toString('hex')}`;
  await createDatabase(serverUrl, name);
  let all = 0;
  let data = 0;
  const orm = await MikroORM.init(
    createOrmConfig({
      clientUrl: withDatabase(serverUrl, name),
      poolMax: 4,
      onQuery: (sql) => {
        all += 1;
        if (/\b(select|insert|update|delete)\b/i.test(sql)) {
          data += 1;
        }
      },
    }),
  );
  try {
    await migrate(orm);
    await ensureReferenceData(orm.em.fork());
    const today = toLocalDate(new Date());
    const demo = await seedDemo(orm, today);
    const jwt: JwtSettings = {
      secret: randomBytes(32).toString('hex'),
      issuer: 'zhifa',
      audience: 'zhifa-api',
    };
    const apollo = await createApolloServer({
      orm,
      jwt,
      production: true,
      logError: ({ error }) => console.error(error),
    });
    await apollo.start();
    const national = Object.entries(demo.officers).find(([n]) => n.startsWith('CN'))!;
    const token = `Bearer ${signToken(national[1].id, jwt, 3600)}`;
    // The demo case with the most evidence, decided where there is one.
    const [target] = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(
        `select c.id from "case" c left join evidence e on e.case_id = c.id
         group by c.id order by (c.decided_on is not null) desc, count(e.id) desc limit 1`,
      );
    const variables = { id: target!.id };

    const run = async (query: string) => {
      const contextValue = await createRequestContext(orm, jwt, token);
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      if (!result || result.errors) {
        throw new Error(JSON.stringify(result?.errors));
      }
      return result;
    };

    const results: Record<string, unknown> = {};
    const only = process.env.BENCH_ONLY?.split(',');
    for (const [label, query] of Object.entries(QUERIES)) {
      if (only && !only.includes(label)) {
        continue;
      }
      for (let i = 0; i < 200; i += 1) {
        await run(query);
      }
      all = 0;
      data = 0;
      await run(query);
      const statements = { all, data };
      const walls: number[] = [];
      const cpu = process.cpuUsage();
      for (let i = 0; i < iterations; i += 1) {
        const start = process.hrtime.bigint();
        await run(query);
        walls.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const used = process.cpuUsage(cpu);
      walls.sort((a, b) => a - b);
      results[label] = {
        cpuMsPerRequest: +((used.user + used.system) / 1000 / iterations).toFixed(3),
        p50Ms: +walls[Math.floor(walls.length / 2)]!.toFixed(3),
        p99Ms: +walls[Math.floor(walls.length * 0.99)]!.toFixed(3),
        statements,
      };
    }
    console.log(JSON.stringify({ iterations, node: process.version, results }, null, 2));
    await apollo.stop();
  } finally {
    await orm.close(true);
    await dropDatabase(serverUrl, name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
