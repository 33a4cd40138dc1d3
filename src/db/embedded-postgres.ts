import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { placeCluster } from './embedded-postgres-root.js';
import { logger } from '../observability/logger.js';

export interface PostgresConnection {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface RunningPostgres {
  connection: PostgresConnection;
  stop(): Promise<void>;
}

/** A port nobody listens on now (asks the OS), so we never clash with a PostgreSQL on 5432. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolvePort(address.port);
        } else {
          reject(new Error('could not determine a free port'));
        }
      });
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/**
 * A postmaster left behind by a killed run (SIGKILL orphans it) would make the
 * next start fail. If postmaster.pid names a live process whose command line
 * mentions our data dir, it is ours: stop it (SIGINT = fast shutdown) and wait.
 */
async function recoverStaleServer(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    return;
  }
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!cmdline.includes(clusterDir)) {
    return;
  }
  process.kill(pid, 'SIGINT');
  if (!(await waitUntilDead(pid, 15_000))) {
    process.kill(pid, 'SIGKILL');
    await waitUntilDead(pid, 5_000);
  }
}

/** The superuser password is generated with the cluster and kept beside it (mode 0600), never in code. */
function clusterPassword(dataDir: string): string {
  const file = join(dataDir, 'pg-password');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

interface OwnerRecord {
  pid: number;
  port: number;
}

/**
 * A cluster started by another live Zhifa process (say `npm start` while
 * `npm run token` runs) is shared, not restarted: its owner writes
 * owner.json with its pid and port.
 */
function liveOwner(dataDir: string): OwnerRecord | undefined {
  const file = join(dataDir, 'owner.json');
  if (!existsSync(file)) {
    return undefined;
  }
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as OwnerRecord;
    return owner.pid !== process.pid && isAlive(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `<dataDir>/pg`,
 * UTF-8, listening on loopback on a free port, fsync off only when asked (tests).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { fsync?: boolean; log?: (message: string) => void } = {},
): Promise<RunningPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const placement = await placeCluster(dataDir);
  const { clusterDir, EmbeddedPostgres } = placement;
  if (placement.note) {
    logger.info(placement.note);
  }
  if (process.getuid?.() === 0) {
    // As root the library runs PostgreSQL as the `postgres` user, which must be able to enter the data dir.
    chmodSync(dataDir, statSync(dataDir).mode | 0o711);
  }
  const password = clusterPassword(dataDir);
  const owner = liveOwner(dataDir);
  if (owner) {
    return {
      connection: { host: '127.0.0.1', port: owner.port, user: 'postgres', password },
      stop: async () => {},
    };
  }
  await recoverStaleServer(clusterDir);
  const port = await findFreePort();
  // Claimed before initdb and start, so a second process (npm run token) shares
  // this cluster and waits for it instead of racing to start its own.
  const ownerFile = join(dataDir, 'owner.json');
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port } satisfies OwnerRecord));
  const connection: PostgresConnection = {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
  };
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: connection.user,
    password: connection.password,
    persistent: true,
    createPostgresUser: true,
    // Without explicit flags a stripped environment (LANG unset) gets SQL_ASCII.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      `unix_socket_directories=${clusterDir}`,
      '-c',
      'listen_addresses=127.0.0.1',
      ...(options.fsync === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
    ],
    onLog: (message: unknown) => {
      logs.push(String(message));
      options.log?.(String(message));
    },
    onError: (message: unknown) => {
      logs.push(String(message));
      options.log?.(String(message));
    },
  });
  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    rmSync(ownerFile, { force: true });
    // The library rejects with `undefined`; surface what PostgreSQL said instead.
    const tail = logs.slice(-20).join('\n');
    throw new Error(
      `embedded PostgreSQL failed to start in ${clusterDir}: ${String(error)}\n${tail}`,
    );
  }
  return {
    connection,
    stop: async () => {
      await pg.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}
