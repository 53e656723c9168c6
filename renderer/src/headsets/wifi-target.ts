export type WifiTargetError = 'hostRequired' | 'hostInvalid' | 'portRange';

export type WifiTargetCheck =
  | { ok: true; value: { host: string; port: number } }
  | { ok: false; errors: Partial<Record<'host' | 'port', WifiTargetError>> };

// The same shapes main accepts (an IPv4 address or a host name), checked here to answer inline.
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function checkWifiTarget(hostInput: string, portInput: string): WifiTargetCheck {
  const host = hostInput.trim();
  const port = Number(portInput.trim());
  const errors: Partial<Record<'host' | 'port', WifiTargetError>> = {};
  if (host === '') errors.host = 'hostRequired';
  else if (!IPV4.test(host) && !HOSTNAME.test(host)) errors.host = 'hostInvalid';
  if (!/^\d{1,5}$/.test(portInput.trim()) || port < 1 || port > 65535) errors.port = 'portRange';
  if (errors.host || errors.port) return { ok: false, errors };
  return { ok: true, value: { host, port } };
}
