import net from 'node:net';

/**
 * Who a request comes from, for the per-client rate limit: the peer's
 * address, or, when the peer is one of the configured proxies, the address
 * that proxy put in X-Forwarded-For. The header is read from the right (each
 * proxy appends the address it received from): the first address not itself
 * a trusted proxy is the client's, so a client cannot choose its own identity
 * by sending the header itself. IPv6 clients are counted by /64, the block
 * one subscriber is given.
 *
 * Pure: imports nothing from Strapi, so it is unit-tested alone.
 */
export interface TrustedProxies {
  has(address: string): boolean;
}

/** `::ffff:10.0.0.1` (an IPv4 peer of a dual-stack socket) is 10.0.0.1. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** Addresses and CIDR blocks (`10.0.0.0/8`, `2001:db8::/32`); throws on anything else, naming it. */
export function parseTrustedProxies(entries: string[]): TrustedProxies {
  const list = new net.BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [address, prefix, extra] = entry.split('/');
    const family = net.isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (family === 0 || extra !== undefined || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
      throw new Error(`"${entry}" is not an IP address or a CIDR block (such as 10.0.0.0/8 or 2001:db8::/32)`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return {
    has(address) {
      const normal = normalize(address);
      const family = net.isIP(normal);
      return family !== 0 && list.check(normal, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** An X-Forwarded-For entry without the port or brackets some proxies add (`1.2.3.4:5678`, `[2001:db8::1]:443`). */
function entryAddress(entry: string): string {
  const value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1];
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
  return withPort ? withPort[1] : value;
}

/** The client's address (see above); `peer` is the socket's remote address. */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let address = normalize(peer ?? '');
  if (!forwardedFor || !trusted.has(address)) return address;
  const hops = forwardedFor.split(',').map(entryAddress).reverse();
  for (const hop of hops) {
    // Not an address: the proxy that wrote it is the last one known, and stands for its client.
    if (net.isIP(normalize(hop)) === 0) return address;
    address = normalize(hop);
    if (!trusted.has(address)) return address;
  }
  return address;
}

/** The rate limit's key for an address: IPv4 as is, IPv6 by its /64 (its first four groups). */
export function clientKey(address: string): string {
  if (net.isIP(address) !== 6) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const groups = head === '' ? [] : head.split(':');
  const rest = tail === '' ? [] : tail.split(':');
  // A `::` stands for as many zero groups as needed to make eight.
  const full = address.includes('::') ? [...groups, ...Array(8 - groups.length - rest.length).fill('0'), ...rest] : groups;
  return `${full.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
