import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { createApolloServer } from '../app.js';
import { createRequestContext } from '../app-context.js';
import { signToken, type JwtSettings } from '../auth/jwt.js';
import { seedDemoOrganization, type DemoOrganization } from '../db/seed/demo-data.js';
import { Case } from '../entities/case.entity.js';
import { logger } from '../observability/logger.js';
import type { LocalDate } from '../procedure/local-date.js';
import { buildDemoCases, type BuiltDemoCase } from './demo-cases.js';
import type { Execute } from './penalty-case.scenario.js';

export interface SeededDemo extends DemoOrganization {
  /** The demo cases by key (see DEMO_CASE_PLANS), as the engine left them. */
  cases: Record<string, Case>;
  built: BuiltDemoCase[];
}

/**
 * What `npm start` loads into an empty database: the demo organization, then the demo cases
 * walked through the GraphQL schema — the same resolvers, runner, transactions and error
 * formatting as a client's request — by the demo officers, with the request clock set to each
 * act's date. The schema runs on a private Apollo instance with a throwaway signing key.
 */
export async function seedDemo(orm: MikroORM, today: LocalDate): Promise<SeededDemo> {
  const organization = await seedDemoOrganization(orm.em.fork(), today);
  const jwt: JwtSettings = {
    secret: randomBytes(32).toString('hex'),
    issuer: 'zhifa-demo-seed',
    audience: 'zhifa-demo-seed',
  };
  const failures: unknown[] = [];
  const apollo = await createApolloServer({
    orm,
    jwt,
    production: false,
    // One line per seeding step would drown the start-up log; failures are thrown below.
    logger: logger.child({ component: 'demo-seed' }, { level: 'warn' }),
    logError: ({ error }) => failures.push(error),
  });
  await apollo.start();
  let built: BuiltDemoCase[];
  try {
    const execute: Execute = async (query, variables, certificate, day) => {
      const officer = organization.officers[certificate];
      if (!officer) {
        throw new Error(`demo seeding: no demo officer ${certificate}`);
      }
      const contextValue = await createRequestContext(
        orm,
        jwt,
        `Bearer ${signToken(officer.id, jwt, 600)}`,
        // 10:00 China time on the act date.
        () => new Date(`${day}T02:00:00Z`),
      );
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      if (!result || result.errors) {
        throw new Error(
          `demo seeding step refused (${certificate}, ${day}): ${JSON.stringify(result?.errors ?? failures, null, 2)}\n${query}`,
        );
      }
      return result.data as Record<string, unknown>;
    };
    built = await buildDemoCases(execute, organization, today);
  } finally {
    await apollo.stop();
  }
  const em = orm.em.fork();
  const cases: Record<string, Case> = {};
  for (const demoCase of built) {
    cases[demoCase.key] = await em.findOneOrFail(Case, { id: demoCase.caseId });
  }
  return { ...organization, cases, built };
}
