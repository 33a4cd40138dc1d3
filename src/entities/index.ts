import { Case } from './case.entity.js';
import { Decision } from './decision.entity.js';
import { EnforcementCertificate } from './enforcement-certificate.entity.js';
import { Evidence } from './evidence.entity.js';
import { Office } from './office.entity.js';
import { Officer } from './officer.entity.js';
import { Party } from './party.entity.js';

export { Case, Decision, EnforcementCertificate, Evidence, Office, Officer, Party };

/** Registered as class references (globs break under vitest and in dist). */
export const entities = [Office, Officer, EnforcementCertificate, Party, Case, Evidence, Decision];
