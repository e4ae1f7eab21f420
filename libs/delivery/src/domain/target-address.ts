import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may be sent. `strict` (production) refuses loopback, private and reserved
 * addresses, so a registered URL cannot make the worker call services on its own network
 * (SSRF). `allow-loopback` additionally accepts 127.0.0.0/8 and ::1: only for test and
 * development, where the receiver runs on the same machine.
 */
export type TargetPolicy = 'strict' | 'allow-loopback';

export function targetPolicy(nodeEnv: 'development' | 'test' | 'production'): TargetPolicy {
  return nodeEnv === 'production' ? 'strict' : 'allow-loopback';
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Never a webhook target: private, link-local (cloud metadata), shared, documentation, multicast, reserved. */
const REFUSED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
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
  REFUSED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  REFUSED.addSubnet(network, prefix, 'ipv6');
}

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** Why a webhook may not go to this IP address, or null when it may. */
export function addressRefusal(raw: string, policy: TargetPolicy): string | null {
  let address = raw.replace(/^\[|\]$/g, '');
  const mapped = MAPPED_IPV4.exec(address);
  if (mapped) address = mapped[1];
  const family = isIP(address);
  if (family === 0) return `${raw} is not an IP address`;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (LOOPBACK.check(address, type)) {
    return policy === 'allow-loopback' ? null : `${raw} is a loopback address`;
  }
  if (REFUSED.check(address, type)) return `${raw} is a private or reserved address`;
  return null;
}

/**
 * Why a URL may not be registered, or null when it may (its host name is resolved and
 * checked again before every call).
 */
export function urlRefusal(raw: string, policy: TargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (url.username || url.password) return 'must not contain a user name or password';
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return policy === 'allow-loopback' ? null : 'must not point at localhost';
  }
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) {
    const refusal = addressRefusal(host, policy);
    return refusal ? `must not point at ${refusal.replace(/^\S+ is /, '')}` : null;
  }
  return null;
}
