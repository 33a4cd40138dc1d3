/* global URL, process, console */
// PostGraphile 5 (amber preset) on the bench database, for the side-by-side query. It needs
// Node >= 22: bench/run.mjs runs it with the Node binary of the npm package node@22 and the
// modules of bench/.tools. No authorization (no JWT, connects as the owner): it bounds the cost of
// serving the rows, not of Zhifa's scope checks.
// Usage: node22 bench/peers/postgraphile.mjs <database url> <port>
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(fileURLToPath(new URL('../.tools/package.json', import.meta.url)));
const resolve = (name) => import(require.resolve(name));

const [url, port] = process.argv.slice(2);
const { postgraphile } = await resolve('postgraphile');
const { PostGraphileAmberPreset } = await resolve('postgraphile/presets/amber');
const { makePgService } = await resolve('postgraphile/adaptors/pg');
const { grafserv } = await resolve('postgraphile/grafserv/node');

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({ connectionString: url, schemas: ['public'], poolConfig: { max: 10 } }),
  ],
  grafserv: { watch: false, graphiql: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 60_000;
serv.addTo(server);
server.listen(Number(port), '127.0.0.1', () => console.log(`postgraphile ready on ${port}`));
