import 'reflect-metadata';
import { signToken } from '../auth/jwt.js';
import { resolveSigningSecret } from '../auth/signing-key.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { EnforcementCertificate } from '../entities/enforcement-certificate.entity.js';
import { toLocalDate } from '../procedure/local-date.js';
import { migrationsList } from '../db/migrations/index.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const START_FIRST =
  'start the server first (npm start, with the same ZHIFA_DATA_DIR), then run this again';

/** The server may still be migrating or loading demo data: wait for it, within bounds. */
async function waitForSchema(orm: MikroORM, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const [row] = (await orm.em
        .getConnection()
        .execute(
          `select (select count(*)::int from mikro_orm_migrations) as migrations, (select count(*)::int from enforcement_certificate) as certificates`,
        )) as { migrations: number; certificates: number }[];
      if (row!.migrations >= migrationsList.length && row!.certificates > 0) {
        return true;
      }
    } catch {
      // Tables not there yet: the server is still creating them.
    }
    if (Date.now() >= until) {
      return false;
    }
    if (!told) {
      console.error('waiting for the server to finish starting …');
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * `npm run token -- <certificate-number>`: prints a bearer token for the
 * officer holding that enforcement certificate (demo: BJ0001 … XH0006).
 */
async function main(): Promise<void> {
  const number = process.argv[2];
  if (!number) {
    console.error('usage: npm run token -- <certificate-number>   (e.g. BJ0001)');
    process.exit(2);
  }
  const config = loadConfig();
  // No embedded cluster yet: do not create an empty one here.
  // A server started a moment ago creates it within seconds.
  const password = join(config.dataDir, 'pg-password');
  for (let i = 0; i < 30 && !config.databaseUrl && !existsSync(password); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!config.databaseUrl && !existsSync(password)) {
    console.error(`no database in ${config.dataDir} yet: ${START_FIRST}`);
    process.exit(1);
  }
  // A server still starting its cluster refuses connections for a while: retry, within bounds.
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  const until = Date.now() + 90_000;
  while (!database) {
    try {
      database = await openDatabase(config);
    } catch (error) {
      if (Date.now() >= until) {
        console.error(`cannot open the database (${String(error).split('\n')[0]}): ${START_FIRST}`);
        process.exit(1);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    if (!(await waitForSchema(database.orm, 90_000))) {
      console.error(`the database has no schema or demo data after 90 s: ${START_FIRST}`);
      process.exitCode = 1;
      return;
    }
    const em = database.orm.em.fork();
    const certificate = await em.findOne(
      EnforcementCertificate,
      { number },
      { populate: ['officer', 'officer.office'] },
    );
    if (!certificate) {
      console.error(
        `no enforcement certificate numbered ${number} (has the server loaded its demo data? run npm start once)`,
      );
      process.exitCode = 1;
      return;
    }
    const officer = certificate.officer;
    if (!officer.active) {
      console.error(`officer ${officer.name} is inactive`);
      process.exitCode = 1;
      return;
    }
    const today = toLocalDate(new Date());
    const secret = resolveSigningSecret(config.jwtSecret, config.dataDir);
    const token = signToken(
      officer.id,
      { secret, issuer: config.jwtIssuer, audience: config.jwtAudience },
      config.tokenTtlSeconds,
    );
    console.error(
      `${officer.name}（${officer.office.name}，${officer.roles.join('/')}）` +
        (certificate.isValidOn(today) ? '' : ' — note: this certificate is not valid today'),
    );
    console.log(token);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
