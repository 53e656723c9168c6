import { hostname, networkInterfaces } from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';

/** What the listener needs to know of this machine's network (injectable for tests). */
export interface LanNetwork {
  readonly interfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  readonly hostname: () => string;
}

export const osNetwork: LanNetwork = { interfaces: networkInterfaces, hostname };

/** This machine's non-internal IPv4 addresses, in the order the OS lists them. */
export function lanAddresses(network: LanNetwork): string[] {
  const addresses: string[] = [];
  for (const list of Object.values(network.interfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal && !addresses.includes(info.address)) addresses.push(info.address);
  }
  return addresses;
}

/**
 * The Host values the listener answers to (DNS-rebinding guard): this machine's LAN IPv4 addresses, its
 * host name and `<host name>.local`, localhost and 127.0.0.1, each with the listener's port. Lower case.
 */
export function allowedLanHosts(network: LanNetwork, port: number, bindHost?: string): Set<string> {
  const name = network.hostname().toLowerCase();
  const names = [...lanAddresses(network), name, `${name}.local`, 'localhost', '127.0.0.1', ...(bindHost ? [bindHost.toLowerCase()] : [])];
  return new Set(names.filter((n) => n !== '' && n !== '.local').map((n) => `${n}:${port}`));
}

/** Base addresses an LMS can use, best first: each LAN IPv4 address, then the mDNS name. */
export function lanOrigins(network: LanNetwork, port: number, bindHost?: string): string[] {
  if (bindHost && bindHost !== '0.0.0.0') return [`http://${bindHost}:${port}`];
  const name = network.hostname();
  return [...lanAddresses(network).map((address) => `http://${address}:${port}`), ...(name ? [`http://${name}.local:${port}`] : [])].slice(0, 32);
}
