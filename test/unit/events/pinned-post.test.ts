import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToAddress } from '../../../src/events/pinned-post.js';

let received: { host: string | undefined; body: string; signature: string | undefined }[] = [];
const server = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    received.push({
      host: req.headers.host,
      body,
      signature: req.headers['zhifa-signature'] as string,
    });
    res.statusCode = 204;
    res.end();
  });
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('webhook delivery to the checked address (DNS pinning)', () => {
  it('connects to the given address without resolving the host name again', async () => {
    received = [];
    // .invalid never resolves (RFC 6761): the request can only arrive through the pinned address.
    const answer = await postToAddress(
      `http://hooks.rebind.invalid:${port}/hook`,
      '127.0.0.1',
      { 'content-type': 'application/json', 'zhifa-signature': 'sha256=00' },
      '{"id":"e1"}',
      2000,
    );
    expect(answer.status).toBe(204);
    expect(received).toEqual([
      { host: `hooks.rebind.invalid:${port}`, body: '{"id":"e1"}', signature: 'sha256=00' },
    ]);
  });

  it('fails like a network error when nothing listens on the pinned address', async () => {
    await expect(
      postToAddress('http://hooks.rebind.invalid:1/hook', '127.0.0.1', {}, '{}', 2000),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
