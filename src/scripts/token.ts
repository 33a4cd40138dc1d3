import 'reflect-metadata';
import { signToken } from '../auth/jwt.js';
import { resolveSigningSecret } from '../auth/signing-key.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { EnforcementCertificate } from '../entities/enforcement-certificate.entity.js';
import { toLocalDate } from '../procedure/local-date.js';

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
  const database = await openDatabase(config);
  try {
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
