import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('TRUST_PROXY', () => {
  it('trusts nobody when unset, 0 or false', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  });

  it('accepts proxy addresses and CIDRs, IPv4 and IPv6', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8' }).TRUST_PROXY).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
    ]);
  });

  it('accepts a hop count', () => {
    const trust = loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY;
    expect(typeof trust).toBe('function');
    if (typeof trust !== 'function') return;
    expect(trust('203.0.113.1', 0)).toBe(true);
    expect(trust('203.0.113.1', 1)).toBe(false);
  });

  it('refuses "true" (trust every client) and malformed entries, naming the variable', () => {
    for (const bad of ['true', 'proxy.local', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });
});
