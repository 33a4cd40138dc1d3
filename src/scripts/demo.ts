import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApolloServer } from '../app.js';
import { createRequestContext } from '../app-context.js';
import { signToken, type JwtSettings } from '../auth/jwt.js';
import { connectionUrl, createDatabase, withDatabase } from '../db/admin.js';
import { migrate } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { createOrmConfig } from '../db/mikro-orm.config.js';
import { seedDemoOrganization } from '../db/seed/demo-data.js';
import { ensureReferenceData } from '../db/seed/reference-data.js';
import { runDemoCase } from '../demo/penalty-case.scenario.js';
import { exportCaseFile } from '../commands/case-file.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { Case } from '../entities/case.entity.js';
import { projectRoot } from '../paths.js';
import { toLocalDate } from '../procedure/local-date.js';

/**
 * `npm run demo -- --out <dir>`: runs a realistic case from the clue to the
 * decision through the GraphQL API on a fresh embedded database (in a temporary
 * folder, so it never touches your data or a running server) and writes every
 * document it produced into <dir>.
 */
function outDir(argv: string[]): string {
  const index = argv.indexOf('--out');
  const value = index >= 0 ? argv[index + 1] : undefined;
  return resolve(process.cwd(), value ?? join(projectRoot, 'out'));
}

async function main(): Promise<void> {
  const out = outDir(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-demo-'));
  const postgres = await startEmbeddedPostgres(dataDir, { fsync: false });
  const serverUrl = connectionUrl(postgres.connection, 'postgres');
  await createDatabase(serverUrl, 'zhifa_demo');
  const orm = await MikroORM.init(
    createOrmConfig({ clientUrl: withDatabase(serverUrl, 'zhifa_demo') }),
  );
  try {
    await migrate(orm);
    await ensureReferenceData(orm.em.fork());
    const demo = await seedDemoOrganization(orm.em.fork(), toLocalDate(new Date()));
    const jwt: JwtSettings = {
      secret: randomBytes(32).toString('hex'),
      issuer: 'zhifa',
      audience: 'zhifa-api',
    };
    const apollo = await createApolloServer({
      orm,
      jwt,
      production: false,
      logError: ({ error }) => console.error(error),
    });
    await apollo.start();
    const { caseId, caseNumber } = await runDemoCase(
      async (query, variables, certificate, today) => {
        const token = signToken(demo.officers[certificate]!.id, jwt, 600);
        const contextValue = await createRequestContext(
          orm,
          jwt,
          `Bearer ${token}`,
          () => new Date(`${today}T02:00:00Z`),
        );
        const response = await apollo.executeOperation({ query, variables }, { contextValue });
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        if (!result || result.errors) {
          throw new Error(
            `demo step failed (${certificate}, ${today}): ${JSON.stringify(result?.errors, null, 2)}`,
          );
        }
        return result.data as Record<string, unknown>;
      },
      demo,
    );
    await apollo.stop();

    const documents = await orm.em
      .fork()
      .find(
        CaseDocument,
        { case: caseId },
        { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['content'] },
      );
    mkdirSync(out, { recursive: true });
    const index: string[] = [`${caseNumber} 违法处理个人信息案 — 执法文书`, ''];
    documents.forEach((document, i) => {
      const name = `${String(i + 1).padStart(2, '0')}-${document.title}${document.number ? `-${document.number}` : ''}.docx`;
      writeFileSync(join(out, name), document.content);
      index.push(`${name}\n    SHA-256 ${document.sha256}`);
    });
    writeFileSync(join(out, 'INDEX.txt'), index.join('\n') + '\n');
    // The case file as an archive or a court receives it: documents, index, verified audit trail.
    const em = orm.em.fork();
    const caseFile = await exportCaseFile(em, await em.findOneOrFail(Case, { id: caseId }));
    writeFileSync(join(out, caseFile.fileName), caseFile.content);
    index.push(
      `${caseFile.fileName}\n    SHA-256 ${caseFile.sha256}（全过程记录哈希链${caseFile.auditChainIntact ? '完整' : '断裂'}）`,
    );
    console.log(
      `case ${caseNumber}: ${documents.length} documents and the case-file zip written to ${out}`,
    );
    for (const line of index.slice(2)) {
      console.log('  ' + line.split('\n')[0]);
    }
  } finally {
    await orm.close(true);
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('demo failed:', error);
  process.exit(1);
});
