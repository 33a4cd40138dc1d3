import type { ApolloServer } from '@apollo/server';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { actorOnlyCheckOf, createApolloServer, createRequestContext } from '../../src/app.js';
import type { RequestContext } from '../../src/auth/context.js';
import { signToken, type JwtSettings } from '../../src/auth/jwt.js';
import { createDatabase, dropDatabase, withDatabase } from '../../src/db/admin.js';
import { migrate } from '../../src/db/database.js';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import { seedDemoOrganization } from '../../src/db/seed/demo-data.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { ensureReferenceData } from '../../src/db/seed/reference-data.js';
import type { LocalDate } from '../../src/procedure/local-date.js';
import { seedFixtureCases, type DemoData } from './fixture-cases.js';

/** Fixed "today" of the test scenarios (tests never read the real clock for rules). */
export const TEST_TODAY = '2026-11-22' as LocalDate;

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
}

export interface TestApp {
  orm: MikroORM;
  demo: DemoData;
  jwt: JwtSettings;
  apollo: ApolloServer<RequestContext>;
  serverUrl: string;
  clientUrl: string;
  /** SQL statements run since the last resetQueryCount(). */
  queryCount(): number;
  resetQueryCount(): void;
  tokenFor(certificateNumber: string, ttlSeconds?: number): string;
  /** Pins the business date the rules see (default TEST_TODAY, at 10:00 China time). */
  setToday(date: string): void;
  /** Runs an operation through Apollo with the same context building (JWT → officer) as HTTP. */
  run<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: string | { authorization: string },
  ): Promise<GraphQLResult<T>>;
  /** Row counts of every table, to prove a refused mutation wrote nothing. */
  tableCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

async function withAdmin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestAppOptions {
  /**
   * `fixtures` (default): the demo organization plus the bare fixture cases of
   * fixture-cases.ts. `startup`: exactly what `npm start` seeds in an empty database — the demo
   * organization and the demo cases walked through the mutations on `startupToday` (then
   * `demo.cases` holds them by key).
   */
  seed?: 'fixtures' | 'startup';
  startupToday?: LocalDate;
}

/** A fresh database with the committed migrations and the demo data, for one test file. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = inject('postgresServerUrl');
  const name = `zhifa_t_${randomBytes(6).toString('hex')}`;
  await createDatabase(serverUrl, name);
  const clientUrl = withDatabase(serverUrl, name);
  let statements = 0;
  const orm = await MikroORM.init(
    createOrmConfig({
      clientUrl,
      poolMax: 4,
      onQuery: (message) => {
        if (/\b(select|insert|update|delete)\b/i.test(message)) {
          statements += 1;
        }
      },
    }),
  );
  await migrate(orm);
  await ensureReferenceData(orm.em.fork());
  const demo: DemoData =
    options.seed === 'startup'
      ? await seedDemo(orm, options.startupToday ?? TEST_TODAY)
      : await seedFixtureCases(
          orm.em.fork(),
          await seedDemoOrganization(orm.em.fork(), TEST_TODAY),
          TEST_TODAY,
        );
  // ZHIFA_TEST_LOGIN_POOL=1: run() serves requests from a pool that logs in as the
  // application role, as the embedded server does, instead of the owner's pool with a
  // role switch per request (default). Same results expected either way.
  const loginRole = process.env.ZHIFA_TEST_LOGIN_POOL === '1' ? `${name}_app` : undefined;
  let requestOrm: MikroORM = orm;
  if (loginRole) {
    await orm.em
      .getConnection()
      .execute(`create role ${loginRole} login password '${name}' nobypassrls in role zhifa_app`);
    const url = new URL(clientUrl);
    url.username = loginRole;
    url.password = name;
    requestOrm = await MikroORM.init(createOrmConfig({ clientUrl: url.toString(), poolMax: 4 }));
  }
  const jwt: JwtSettings = {
    secret: randomBytes(32).toString('hex'),
    issuer: 'zhifa',
    audience: 'zhifa-api',
  };
  const errors: unknown[] = [];
  const apollo = await createApolloServer({
    orm,
    jwt,
    production: false,
    logError: ({ error }) => errors.push(error),
  });
  await apollo.start();

  let today: string = TEST_TODAY;
  const now = () => new Date(`${today}T02:00:00Z`);
  const tokenFor = (certificateNumber: string, ttlSeconds = 3600) => {
    const officer = demo.officers[certificateNumber];
    if (!officer) {
      throw new Error(`no demo officer with certificate ${certificateNumber}`);
    }
    return signToken(officer.id, jwt, ttlSeconds);
  };

  return {
    orm,
    demo,
    jwt,
    apollo,
    serverUrl,
    clientUrl,
    queryCount: () => statements,
    resetQueryCount: () => {
      statements = 0;
    },
    tokenFor,
    setToday(date: string) {
      today = date;
    },
    async run(query, variables, as) {
      const authorization =
        as === undefined
          ? undefined
          : typeof as === 'string'
            ? `Bearer ${tokenFor(as)}`
            : as.authorization;
      const contextValue = await createRequestContext(
        requestOrm,
        jwt,
        authorization,
        now,
        loginRole ? { role: undefined } : undefined,
        // As the HTTP server does: an operation reading only the actor opens no scope, and
        // the actor's officer enters the identity map on first read (mutations: before
        // their resolvers, app.ts).
        { actorOnly: actorOnlyCheckOf(apollo)(query), lazyOfficer: true },
      );
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') {
        throw new Error('incremental delivery not expected');
      }
      return response.body.singleResult as never;
    },
    async tableCounts() {
      const rows: { table_name: string }[] = await orm.em
        .getConnection()
        .execute(
          `select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations' order by 1`,
        );
      const counts: Record<string, number> = {};
      for (const { table_name } of rows) {
        const [row] = await orm.em
          .getConnection()
          .execute(`select count(*)::int as n from "${table_name}"`);
        counts[table_name] = (row as { n: number }).n;
      }
      return counts;
    },
    async close() {
      await apollo.stop();
      if (requestOrm !== orm) {
        await requestOrm.close(true);
      }
      await orm.close(true);
      await dropDatabase(serverUrl, name);
      if (loginRole) {
        await withAdmin(serverUrl, `drop role if exists ${loginRole}`);
      }
    },
  };
}

/** The first error's extensions.code, or undefined when the operation succeeded. */
export function errorCode(result: GraphQLResult): unknown {
  return result.errors?.[0]?.extensions?.code;
}
