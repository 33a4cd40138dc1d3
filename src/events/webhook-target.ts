import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Webhook targets: http(s) on public addresses only. Loopback, private,
 * link-local (cloud metadata), carrier-grade NAT, multicast and reserved ranges are
 * refused unless the operator allow-lists them (ZHIFA_WEBHOOK_PRIVATE_ALLOWLIST: IPs or
 * CIDRs, comma-separated). Host names are resolved at registration and again before
 * every delivery, so a name that later points inside the network is refused then; the
 * delivery then connects to the address checked (pinned-post.ts), not a new lookup.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are checked against the IPv4 ranges by BlockList.
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

let allowList = parseAllowList(process.env.ZHIFA_WEBHOOK_PRIVATE_ALLOWLIST);

function parseAllowList(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address)) {
      throw new Error(`ZHIFA_WEBHOOK_PRIVATE_ALLOWLIST: "${entry}" is not an IP address or CIDR`);
    }
    if (prefix === undefined) {
      list.addAddress(address, family);
    } else {
      list.addSubnet(address, Number(prefix), family);
    }
  }
  return list;
}

/** Sets the allow-list of private targets (server start from config; tests). */
export function configureWebhookAllowList(entries: readonly string[]): void {
  allowList = parseAllowList(entries.join(','));
}

function isAllowedAddress(address: string): boolean {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return allowList.check(address, family) || !NON_PUBLIC.check(address, family);
}

/** `addresses`: what the host resolved to and was checked (empty: it did not resolve). */
export type TargetCheck = { ok: true; addresses: string[] } | { ok: false; address: string };

async function addressesOf(hostname: string): Promise<string[] | undefined> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    return [host];
  }
  try {
    const found = await Promise.race([
      lookup(host, { all: true, verbatim: true }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('timeout')), 2000).unref(),
      ),
    ]);
    return found.map((a) => a.address);
  } catch {
    return undefined;
  }
}

/**
 * Every address the URL's host resolves to must be public (or allow-listed). A name
 * that does not resolve now passes registration; delivery resolves it again.
 */
export async function checkWebhookTarget(url: string): Promise<TargetCheck> {
  const addresses = (await addressesOf(new URL(url).hostname)) ?? [];
  for (const address of addresses) {
    if (!isAllowedAddress(address)) {
      return { ok: false, address };
    }
  }
  return { ok: true, addresses };
}
