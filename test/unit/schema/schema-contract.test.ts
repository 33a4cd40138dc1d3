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
      expect(sdl).toMatch(new RegExp(`^type ${type} (implements Node )?\\{`, 'm'));
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

  it('types money exactly: no Float anywhere, amounts are the Money decimal-string scalar', async () => {
    const sdl = await printZhifaSchema();
    expect(sdl).not.toMatch(/\bFloat\b/);
    expect(sdl).toMatch(/^scalar Money$/m);
    expect(sdl).toMatch(/^ {2}amountYuan: Money!$/m);
    expect(sdl).toMatch(/^ {2}outstandingYuan: Money!$/m);
  });

  it('gives closed sets their enums and makes the Relay Node interface refetchable by id', async () => {
    const sdl = await printZhifaSchema();
    expect(sdl).toMatch(/^enum DocumentKind \{/m);
    expect(sdl).toMatch(/^ {4}kind: DocumentKind!$/m); // generateDocument's and previewDocument's argument
    expect(sdl).toMatch(/^interface Node \{\n(.*\n)* {2}id: ID!\n\}/m);
    for (const type of [
      'Case',
      'Party',
      'Officer',
      'Office',
      'Evidence',
      'Decision',
      'CaseDocument',
      'Deadline',
    ]) {
      expect(sdl).toMatch(new RegExp(`^type ${type} implements Node \\{`, 'm'));
    }
    expect(sdl).toContain('  node(');
    expect(sdl).toContain('  nodes(');
  });
});
