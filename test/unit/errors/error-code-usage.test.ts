import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST, ERROR_CODES, isErrorCode } from '../../../src/errors/error-codes.js';
import { projectRoot } from '../../../src/paths.js';

/**
 * The compiler checks codes passed to DomainError and its factories; this scan also
 * covers codes written into GraphQL extensions and HTTP error bodies by hand, and finds
 * registry entries nothing raises any more. src/procedure is left out: its codes are
 * rule codes, another vocabulary.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'procedure' && dir.endsWith('src') ? [] : sourceFiles(path);
    }
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const registryFile = join(projectRoot, 'src/errors/error-codes.ts');
const sources = sourceFiles(join(projectRoot, 'src'))
  .filter((path) => path !== registryFile)
  .map((path) => ({ path: relative(projectRoot, path), text: readFileSync(path, 'utf8') }));

const CODE = "'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})'";

/**
 * Where an error code is written: constructors and factories, extensions, HTTP bodies.
 * DocumentError and CalendarError carry their own typed vocabularies, translated before
 * they reach the API (DOCUMENT_INCOMPLETE with details.documentError, CALENDAR_YEAR_NOT_LOADED).
 */
const USES = [
  new RegExp(`new (?!DocumentError|CalendarError)\\w*Error\\(\\s*${CODE}`, 'g'),
  new RegExp(`Error\\.(?:field|duplicate|create)\\(\\s*${CODE}`, 'g'),
  new RegExp(`extensions: \\{\\s*code: ${CODE}`, 'g'),
  new RegExp(`error: \\{\\s*code: ${CODE}`, 'g'),
  new RegExp(`code: ${CODE},\\s*message:`, 'g'),
  new RegExp(`problem\\(\\s*res,\\s*\\d+,\\s*${CODE}`, 'g'),
  new RegExp(`readonly code = ${CODE}`, 'g'),
];

/** Layers whose `code: '…'` literals are error codes (elsewhere they may be rule codes). */
const ERROR_LAYERS = /^src\/(http|schema|errors|auth|app\.ts|graphiql\.ts)/;

function usedCodes(): { code: string; where: string }[] {
  const found: { code: string; where: string }[] = [];
  for (const { path, text } of sources) {
    const patterns = ERROR_LAYERS.test(path) ? [...USES, new RegExp(`code: ${CODE}`, 'g')] : USES;
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        found.push({ code: match[1]!, where: path });
      }
    }
  }
  return found;
}

describe('error codes in the source', () => {
  it('every code written in src is registered', () => {
    const used = usedCodes();
    expect(used.length).toBeGreaterThan(80);
    const unregistered = new Set(
      used.filter(({ code }) => !isErrorCode(code)).map(({ code, where }) => `${where}: ${code}`),
    );
    expect([...unregistered]).toEqual([]);
  });

  it('a code constructed with an explicit category uses its registered category', () => {
    const mismatches: string[] = [];
    const pattern = new RegExp(`new \\w*Error\\(\\s*${CODE},\\s*'([A-Z_]+)'`, 'g');
    for (const { path, text } of sources) {
      for (const [, code, category] of text.matchAll(pattern)) {
        if (isErrorCode(code) && ERROR_CODES[code].category !== category) {
          mismatches.push(`${path}: ${code} as ${category}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('every registered code is raised somewhere (no stale entries)', () => {
    const all = sources.map(({ text }) => text).join('\n');
    const notFoundEntities = new Set(
      [...all.matchAll(/NotFoundError\.of\(\s*'([A-Z_]+)'/g)].map((m) => `${m[1]}_NOT_FOUND`),
    );
    const unused = ERROR_CODE_LIST.filter(
      (code) => !all.includes(`'${code}'`) && !notFoundEntities.has(code),
    );
    expect(unused).toEqual([]);
  });
});
