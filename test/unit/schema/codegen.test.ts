import { generate } from '@graphql-codegen/cli';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/paths.js';

/**
 * What a frontend team does with schema.graphql: GraphQL Code Generator (typescript-operations,
 * which emits the enums and inputs the operations use) over real operations
 * (test/fixtures/operations, taken from the README's examples), with strict scalars.
 */
describe('GraphQL Code Generator on schema.graphql', () => {
  let generated: string;
  const scratch = mkdtempSync(join(tmpdir(), 'zhifa-codegen-'));

  beforeAll(async () => {
    const files = await generate(
      {
        cwd: projectRoot,
        schema: join(projectRoot, 'schema.graphql'),
        documents: join(projectRoot, 'test/fixtures/operations/*.graphql'),
        silent: true,
        generates: {
          'operations.ts': {
            plugins: ['typescript-operations'],
            config: {
              strictScalars: true,
              scalars: {
                Money: 'string',
                LocalDate: 'string',
                DateTimeISO: 'string',
                JSON: 'unknown',
              },
            },
          },
        },
      },
      false,
    );
    expect(files).toHaveLength(1);
    generated = files[0]!.content;
  }, 120_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('types every amount as the Money scalar (a decimal string), never number', () => {
    expect(generated).toMatch(/amountYuan: string/);
    expect(generated).toMatch(/outstandingYuan: string/);
    expect(generated).not.toMatch(/Yuan\??: number/);
  });

  it('emits the closed sets as unions: DocumentKind, CaseEventAction, ProcedureAction, CaseStatus', () => {
    expect(generated).toMatch(/export type DocumentKind =[^;]*\| 'PENALTY_DECISION'/);
    expect(generated).toMatch(/export type CaseEventAction =[^;]*\| 'generateDocument'/);
    expect(generated).toMatch(/export type ProcedureAction =[^;]*\| 'decideDocketing'/);
    expect(generated).toMatch(
      /GenerateDocumentMutationVariables = Exact<\{[^}]*kind: DocumentKind;/,
    );
    expect(generated).toMatch(/fromStatus: CaseStatus \| null/);
    expect(generated).toMatch(/amountYuan: string;/); // RecordPayment's $amountYuan: Money!
  });

  it('refetches by global id through the Node interface', () => {
    expect(generated).toMatch(/export type RefetchNodeQuery = /);
    expect(generated).toMatch(/__typename: 'Case'/);
    expect(generated).toMatch(/__typename: 'Party'/);
  });

  it('compiles under tsc --strict', () => {
    const file = join(scratch, 'operations.ts');
    writeFileSync(file, generated);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
