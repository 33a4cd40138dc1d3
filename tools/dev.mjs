/* global process, URL */
// `npm run dev`: tsc in watch mode (incremental) and the server restarted by
// `node --watch` whenever the compiled output changes. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let server;

const compiler = spawn(
  process.execPath,
  [tsc, '-p', join(root, 'tsconfig.build.json'), '--watch', '--preserveWatchOutput'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
compiler.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  // The first clean compilation starts the server; later ones restart it through --watch.
  if (!server && /Found 0 errors/.test(text)) {
    server = spawn(process.execPath, ['--watch', join(root, 'dist', 'server.js')], {
      stdio: 'inherit',
      cwd: root,
    });
    server.on('exit', (code) => {
      compiler.kill('SIGTERM');
      process.exit(code ?? 0);
    });
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    compiler.kill('SIGTERM');
    if (server) {
      server.kill(signal);
    } else {
      process.exit(130);
    }
  });
}
