import {
  CLIENT_KINDS,
  ENCRYPT_MODES,
  OPENSSL_MIN_PROTOCOLS,
  SIM_PROTOCOLS,
  type ClientPreset,
  type ClientSide,
  type DriverId,
  type JavaSettings,
  type OpensslMinProtocol,
  type SimProtocol,
} from '@/engine/simulator/types';
import { DRIVER_LABELS } from '@/engine/simulator';
import { osChoices, switchClientKind, switchClientOs } from './clientKind';
import { CheckField, FieldGroup, SelectField, TextInput, SidePanel } from './fields';
import { CLIENT_KIND_LABELS, CLIENT_OS_LABELS, ENCRYPT_LABELS } from './labels';
import { WindowsFields } from './WindowsFields';

const ODBC_DRIVERS: DriverId[] = [
  'sql-server',
  'sqlncli10',
  'sqlncli11',
  'msodbcsql11',
  'msodbcsql13',
  'msodbcsql17',
  'msodbcsql18',
];
const OLEDB_DRIVERS: DriverId[] = ['sqloledb', 'sqlncli10', 'sqlncli11', 'msoledbsql', 'msoledbsql19'];

const triState = [
  { value: 'unset', label: 'Not set' },
  { value: '1', label: '1 (on)' },
  { value: '0', label: '0 (off)' },
] as const;
const fromTri = (v: string): boolean | null => (v === 'unset' ? null : v === '1');
const toTri = (v: boolean | null) => (v === null ? 'unset' : v ? '1' : '0');

const VERSION_HINTS: Record<ClientSide['kind'], { label: string; hint: string }> = {
  'windows-sqlclient-netfx': {
    label: '.NET Framework version',
    hint: 'The version the application runs on, e.g. 4.5.2, 4.6.2 or 4.8.',
  },
  'microsoft-data-sqlclient': {
    label: 'Microsoft.Data.SqlClient version',
    hint: 'The NuGet package version, e.g. 2.1.4, 4.0.1 or 5.1.0.',
  },
  odbc: { label: 'Driver file version', hint: 'From ODBC Data Sources, Drivers tab, e.g. 17.10.5.1.' },
  oledb: { label: 'Provider file version', hint: 'The DLL file version, e.g. 18.6.7.0 or 11.0.6538.0.' },
  jdbc: { label: 'JDBC driver version', hint: 'mssql-jdbc version, e.g. 9.4.1 or 12.4.2.' },
  openssl: { label: 'ODBC driver version', hint: 'The Linux or macOS ODBC driver version, e.g. 18.3.2.1.' },
  go: { label: 'go-mssqldb version', hint: 'The module version, e.g. 1.7.0.' },
  node: { label: 'tedious version', hint: 'The npm package version, e.g. 16.6.1.' },
};

/** The client: which stack connects, its versions and settings, and the Windows machine it runs on. */
export function ClientPanel({
  client,
  presets,
  onChange,
}: {
  client: ClientSide;
  presets: readonly ClientPreset[];
  onChange: (next: ClientSide) => void;
}) {
  const set = (patch: Partial<ClientSide>) => onChange({ ...client, ...patch });
  const oses = osChoices(client.kind);
  const versionText = VERSION_HINTS[client.kind];
  const drivers = client.kind === 'oledb' ? OLEDB_DRIVERS : ODBC_DRIVERS;
  return (
    <SidePanel id="client-panel" title="Client">
      <SelectField
        id="client-kind"
        label="Client stack"
        hint="What opens the connection: the driver or library the application uses."
        value={client.kind}
        options={CLIENT_KINDS.map((k) => ({ value: k, label: CLIENT_KIND_LABELS[k] }))}
        onChange={(kind) => onChange(switchClientKind(client, kind, presets))}
      />
      {oses.length > 1 && (
        <SelectField
          id="client-os"
          label="Client operating system"
          hint="On Windows the TLS comes from Schannel; elsewhere from the library's own TLS."
          value={client.os}
          options={oses.map((o) => ({ value: o, label: CLIENT_OS_LABELS[o] }))}
          onChange={(os) => onChange(switchClientOs(client, os))}
        />
      )}
      {(client.kind === 'odbc' || client.kind === 'oledb') && (
        <SelectField
          id="client-driver"
          label={client.kind === 'odbc' ? 'ODBC driver' : 'OLE DB provider'}
          hint="The driver name in the connection string or DSN."
          value={client.driver ?? drivers[0]!}
          options={drivers.map((d) => ({ value: d, label: DRIVER_LABELS[d] }))}
          onChange={(driver) => set({ driver })}
        />
      )}
      <TextInput
        id="client-version"
        label={versionText.label}
        hint={versionText.hint}
        value={client.version}
        onChange={(version) => set({ version })}
      />
      <SelectField
        id="client-encrypt"
        label="Encrypt (connection string)"
        hint="The Encrypt keyword; Strict needs a driver that speaks TDS 8."
        value={client.encrypt}
        options={ENCRYPT_MODES.map((m) => ({ value: m, label: ENCRYPT_LABELS[m] }))}
        onChange={(encrypt) => set({ encrypt })}
      />
      {client.kind === 'windows-sqlclient-netfx' && client.netfx && (
        <FieldGroup
          legend=".NET Framework TLS settings"
          hint="HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 registry values."
        >
          <SelectField
            id="client-netfx-strong"
            label="SchUseStrongCrypto"
            value={toTri(client.netfx.schUseStrongCrypto)}
            options={triState}
            onChange={(v) => set({ netfx: { ...client.netfx!, schUseStrongCrypto: fromTri(v) } })}
          />
          <SelectField
            id="client-netfx-system-default"
            label="SystemDefaultTlsVersions"
            value={toTri(client.netfx.systemDefaultTlsVersions)}
            options={triState}
            onChange={(v) => set({ netfx: { ...client.netfx!, systemDefaultTlsVersions: fromTri(v) } })}
          />
          <CheckField
            id="client-netfx-hotfix"
            label=".NET TLS 1.2 hotfix installed"
            hint="KB3106994, KB3099842, KB3099844, KB3099845 or KB3106991 (only for .NET older than 4.6)."
            checked={client.netfx.tls12Hotfix}
            onChange={(tls12Hotfix) => set({ netfx: { ...client.netfx!, tls12Hotfix } })}
          />
        </FieldGroup>
      )}
      {client.kind === 'jdbc' && client.java && (
        <FieldGroup legend="Java runtime">
          <TextInput
            id="client-java-version"
            label="Java version"
            hint="java -version, e.g. 7u95, 8u202, 8u291, 11, 17."
            value={client.java.version}
            onChange={(version) => set({ java: { ...client.java!, version } })}
          />
          <SelectField
            id="client-java-ssl-protocol"
            label="sslProtocol (connection property)"
            value={client.java.sslProtocol}
            options={(['TLS', 'TLSv1', 'TLSv1.1', 'TLSv1.2'] as const).map((p) => ({
              value: p,
              label: p === 'TLS' ? 'TLS (default)' : p,
            }))}
            onChange={(sslProtocol: JavaSettings['sslProtocol']) =>
              set({ java: { ...client.java!, sslProtocol } })
            }
          />
          <CheckField
            id="client-java-legacy"
            label="TLSv1 and TLSv1.1 allowed again (java.security override)"
            hint="jdk.tls.disabledAlgorithms edited to remove TLSv1, TLSv1.1."
            checked={client.java.legacyProtocolsAllowed}
            onChange={(legacyProtocolsAllowed) => set({ java: { ...client.java!, legacyProtocolsAllowed } })}
          />
        </FieldGroup>
      )}
      {client.kind === 'openssl' && client.openssl && (
        <FieldGroup legend="OpenSSL">
          <TextInput
            id="client-openssl-version"
            label="OpenSSL version"
            hint="openssl version, e.g. 1.1.1 or 3.0."
            value={client.openssl.version}
            onChange={(version) => set({ openssl: { ...client.openssl!, version } })}
          />
          <SelectField
            id="client-openssl-min"
            label="MinProtocol (openssl.cnf)"
            value={client.openssl.minProtocol ?? 'unset'}
            options={[
              { value: 'unset', label: 'Not set (distribution default)' },
              ...OPENSSL_MIN_PROTOCOLS.map((p) => ({ value: p, label: p })),
            ]}
            onChange={(v) =>
              set({
                openssl: {
                  ...client.openssl!,
                  minProtocol: v === 'unset' ? null : (v as OpensslMinProtocol),
                },
              })
            }
          />
          <SelectField
            id="client-openssl-seclevel"
            label="Security level (CipherString @SECLEVEL)"
            value={client.openssl.secLevel === null ? 'unset' : String(client.openssl.secLevel)}
            options={[
              { value: 'unset', label: 'Not set (library default)' },
              ...[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `@SECLEVEL=${n}` })),
            ]}
            onChange={(v) =>
              set({ openssl: { ...client.openssl!, secLevel: v === 'unset' ? null : Number(v) } })
            }
          />
        </FieldGroup>
      )}
      {client.kind === 'go' && client.go && (
        <FieldGroup legend="Go">
          <TextInput
            id="client-go-version"
            label="Go version"
            hint="go version of the build, e.g. 1.17 or 1.21."
            value={client.go.version}
            onChange={(version) => set({ go: { ...client.go!, version } })}
          />
          <SelectField
            id="client-go-min"
            label="Lowest TLS version allowed (MinVersion)"
            value={client.go.minVersion ?? 'unset'}
            options={[
              { value: 'unset', label: "Not set (Go's default)" },
              ...SIM_PROTOCOLS.filter((p) => p !== 'SSL 3.0').map((p) => ({ value: p, label: p })),
            ]}
            onChange={(v) =>
              set({ go: { ...client.go!, minVersion: v === 'unset' ? null : (v as SimProtocol) } })
            }
          />
        </FieldGroup>
      )}
      {client.kind === 'node' && client.node && (
        <FieldGroup legend="Node.js">
          <TextInput
            id="client-node-version"
            label="Node.js major version"
            hint="node --version, e.g. 16, 18, 20."
            value={client.node.version}
            onChange={(version) => set({ node: { ...client.node!, version } })}
          />
          <SelectField
            id="client-node-min"
            label="Lowest TLS version allowed (minVersion)"
            value={client.node.minVersion ?? 'unset'}
            options={[
              { value: 'unset', label: "Not set (Node's default)" },
              ...OPENSSL_MIN_PROTOCOLS.map((p) => ({ value: p, label: p })),
            ]}
            onChange={(v) =>
              set({ node: { ...client.node!, minVersion: v === 'unset' ? null : (v as OpensslMinProtocol) } })
            }
          />
        </FieldGroup>
      )}
      {client.windows && (
        <FieldGroup legend="The client's Windows">
          <WindowsFields
            idPrefix="client"
            role="client"
            windows={client.windows}
            onChange={(windows) => set({ windows })}
          />
        </FieldGroup>
      )}
    </SidePanel>
  );
}
