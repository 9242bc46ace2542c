import { clientAddress, clientKey, parseTrustedProxies } from '../../../src/lib/admission/client-address';

describe('parseTrustedProxies', () => {
  it('takes addresses and CIDR blocks, IPv4 and IPv6, ignoring blanks', () => {
    const trusted = parseTrustedProxies(['10.0.0.0/8', ' 192.168.1.7 ', '', '2001:db8::/32', '::1']);
    for (const address of ['10.1.2.3', '192.168.1.7', '2001:db8:1::5', '::1', '::ffff:10.9.9.9']) expect(trusted.has(address)).toBe(true);
    for (const address of ['11.0.0.1', '192.168.1.8', '2001:db9::1', 'not an address', '']) expect(trusted.has(address)).toBe(false);
  });

  it.each(['10.0.0', '10.0.0.0/33', '10.0.0.0/x', 'proxy.local', '10.0.0.0/8/8', '2001:db8::/129'])('refuses %s, naming it', (entry) => {
    expect(() => parseTrustedProxies([entry])).toThrow(`"${entry}" is not an IP address or a CIDR block`);
  });
});

describe('clientAddress', () => {
  const none = parseTrustedProxies([]);
  const proxies = parseTrustedProxies(['10.0.0.0/8']);

  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9');
  });

  it('is the peer when the peer is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', proxies)).toBe('203.0.113.9');
  });

  it('behind trusted proxies: the rightmost address that is not one of them', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.7', proxies)).toBe('198.51.100.7');
    // The client wrote "6.6.6.6" itself; the proxies appended the real addresses.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.3', proxies)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '198.51.100.7:5123', proxies)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '[2001:db8::7]:443', proxies)).toBe('2001:db8::7');
  });

  it('a trusted proxy with nothing or garbage to the left stands for its client', () => {
    expect(clientAddress('10.0.0.2', '10.0.0.3', proxies)).toBe('10.0.0.3');
    expect(clientAddress('10.0.0.2', 'unknown, 10.0.0.3', proxies)).toBe('10.0.0.3');
    expect(clientAddress('10.0.0.2', '', proxies)).toBe('10.0.0.2');
  });
});

describe('clientKey', () => {
  it('IPv4 as is, IPv6 by its /64', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('2001:db8:0:12:a:b:c:d')).toBe('2001:db8:0:12::/64');
    expect(clientKey('2001:DB8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('2001:0db8:0000:0012::9')).toBe(clientKey('2001:db8:0:12::1'));
  });
});
