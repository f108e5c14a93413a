import { defaultWindows } from '@/engine/simulator';
import type { ClientKind, ClientOs, ClientSide, ClientPreset, WindowsConfig } from '@/engine/simulator/types';
import { NON_WINDOWS_KINDS, WINDOWS_ONLY_KINDS } from './labels';

const windows10 = (): WindowsConfig => defaultWindows(19045);

/** A current, working client of each kind: the starting point when the user switches the stack. */
function fallbackClient(kind: ClientKind, windows: WindowsConfig | null): ClientSide {
  const base: ClientSide = {
    kind,
    os: 'windows',
    windows: windows ?? windows10(),
    driver: null,
    version: '',
    encrypt: 'mandatory',
    netfx: null,
    java: null,
    openssl: null,
    go: null,
    node: null,
  };
  switch (kind) {
    case 'windows-sqlclient-netfx':
      return {
        ...base,
        version: '4.8',
        netfx: { schUseStrongCrypto: null, systemDefaultTlsVersions: null, tls12Hotfix: false },
      };
    case 'microsoft-data-sqlclient':
      return { ...base, version: '5.1.0' };
    case 'odbc':
      return { ...base, driver: 'msodbcsql17', version: '17.10.5.1' };
    case 'oledb':
      return { ...base, driver: 'msoledbsql', version: '18.6.7.0' };
    case 'jdbc':
      return {
        ...base,
        version: '12.4.2',
        java: { version: '17', sslProtocol: 'TLS', legacyProtocolsAllowed: false },
      };
    case 'openssl':
      return {
        ...base,
        os: 'linux',
        windows: null,
        version: '18.3.2.1',
        openssl: { version: '3.0', minProtocol: null, secLevel: null },
      };
    case 'go':
      return { ...base, version: '1.7.0', go: { version: '1.21', minVersion: null } };
    case 'node':
      return { ...base, version: '16.6.1', node: { version: '20', minVersion: null } };
  }
}

/**
 * The client after the user picks another stack: the first preset of that stack if there is one (a
 * realistic, complete setup), else a current default; the machine's Windows settings are kept when both
 * run on Windows, so switching the stack does not undo what the user set there.
 */
export function switchClientKind(
  current: ClientSide,
  kind: ClientKind,
  presets: readonly ClientPreset[],
): ClientSide {
  if (kind === current.kind) return current;
  const preset = presets.find((p) => p.client.kind === kind)?.client;
  const next = structuredClone(preset ?? fallbackClient(kind, current.windows));
  if (next.os === 'windows' && current.windows) next.windows = structuredClone(current.windows);
  return next;
}

/** The OSes a stack runs on in this model. */
export function osChoices(kind: ClientKind): ClientOs[] {
  if (WINDOWS_ONLY_KINDS.includes(kind)) return ['windows'];
  if (NON_WINDOWS_KINDS.includes(kind)) return ['linux', 'macos'];
  return ['windows', 'linux', 'macos'];
}

/** The client on another OS: Windows settings appear (defaults) or go away. */
export function switchClientOs(current: ClientSide, os: ClientOs): ClientSide {
  if (os === current.os) return current;
  return { ...current, os, windows: os === 'windows' ? (current.windows ?? windows10()) : null };
}
