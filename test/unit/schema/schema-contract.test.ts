import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/paths.js';
import { printZhifaSchema } from '../../../src/schema/print-schema.js';

describe('schema.graphql, the contract with frontend teams', () => {
  it('matches the schema the code builds (run `npm run schema:print` and review the diff when it changes)', async () => {
    const committed = readFileSync(join(projectRoot, 'schema.graphql'), 'utf8');
    expect(await printZhifaSchema()).toBe(committed);
  });

  it('keeps the names frontends rely on', async () => {
    const sdl = await printZhifaSchema();
    for (const type of [
      'Office',
      'Officer',
      'EnforcementCertificate',
      'Party',
      'Case',
      'Evidence',
      'Decision',
      'PageInfo',
    ]) {
      expect(sdl).toMatch(new RegExp(`^type ${type} \\{`, 'm'));
    }
    for (const query of [
      'me:',
      'office(',
      'offices(',
      'officer(',
      'officers(',
      'party(',
      'parties(',
      'case(',
      'cases(',
    ]) {
      expect(sdl).toContain(`  ${query}`);
    }
  });
});
