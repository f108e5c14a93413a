import { CERT_HASHES, type ServerSide } from '@/engine/simulator/types';
import { CheckField, FieldGroup, SelectField, TextInput, SidePanel } from './fields';
import { CERT_HASH_LABELS } from './labels';
import { WindowsFields } from './WindowsFields';

const SQL_BUILD_RE = /^\d{1,2}\.\d{1,2}\.\d{1,5}(\.\d{1,5})?$/;

/** The SQL Server machine: Windows and its SCHANNEL settings, then SQL Server's build, certificate and flags. */
export function ServerPanel({
  server,
  onChange,
}: {
  server: ServerSide;
  onChange: (next: ServerSide) => void;
}) {
  const set = (patch: Partial<ServerSide>) => onChange({ ...server, ...patch });
  const buildOk = SQL_BUILD_RE.test(server.sqlBuild.trim());
  return (
    <SidePanel id="server-panel" title="Server">
      <WindowsFields
        idPrefix="server"
        role="server"
        windows={server.windows}
        onChange={(windows) => set({ windows })}
      />
      <FieldGroup legend="SQL Server">
        <TextInput
          id="server-sql-build"
          label="SQL Server build"
          hint="SELECT SERVERPROPERTY('ProductVersion'), e.g. 12.0.2000.8 for SQL Server 2014 RTM."
          error={buildOk ? undefined : 'Type a build like 13.0.5026.0 (major.minor.build.revision).'}
          value={server.sqlBuild}
          onChange={(sqlBuild) => set({ sqlBuild })}
        />
        <SelectField
          id="server-cert-hash"
          label="Certificate signature hash"
          hint="Signature algorithm of the certificate SQL Server loaded (certutil or the certificate's Details tab)."
          value={server.certificateHash}
          options={CERT_HASHES.map((h) => ({ value: h, label: CERT_HASH_LABELS[h] }))}
          onChange={(certificateHash) => set({ certificateHash })}
        />
        <CheckField
          id="server-self-generated"
          label="SQL Server uses its self-generated certificate"
          hint="No certificate configured: ERRORLOG says “A self-generated certificate was successfully loaded”."
          checked={server.selfGeneratedCertificate}
          onChange={(selfGeneratedCertificate) => set({ selfGeneratedCertificate })}
        />
        <CheckField
          id="server-force-encryption"
          label="Force Encryption = Yes"
          hint="SQL Server Configuration Manager, Protocols for the instance, Flags."
          checked={server.forceEncryption}
          onChange={(forceEncryption) => set({ forceEncryption })}
        />
        <CheckField
          id="server-force-strict"
          label="Force Strict Encryption = Yes (TDS 8)"
          hint="SQL Server 2022 only: every client must connect with Encrypt=Strict."
          checked={server.forceStrict}
          onChange={(forceStrict) => set({ forceStrict })}
        />
      </FieldGroup>
    </SidePanel>
  );
}
