/** Text files of the repository, read for the documentation checks (paths relative to the root). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../../src/paths.js';

export interface RepoFile {
  readonly path: string;
  readonly text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Files under the given folders (relative to the root) whose names end in one of `extensions`. */
export function repoFiles(folders: readonly string[], extensions: readonly string[]): RepoFile[] {
  return folders
    .flatMap((folder) => walk(join(projectRoot, folder)))
    .filter((file) => extensions.some((ext) => file.endsWith(ext)))
    .map((file) => ({
      path: relative(projectRoot, file).split('\\').join('/'),
      text: readFileSync(file, 'utf8'),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function readRepoFile(path: string): string {
  return readFileSync(join(projectRoot, path), 'utf8');
}

/** 1-based line number of a string offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
