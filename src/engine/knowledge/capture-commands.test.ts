import { describe, expect, it } from 'vitest';
import { parsePowerShell } from '../powershell/syntax.testing';
import { CAPTURE_COMMANDS, CAPTURE_METHODS } from './capture-commands';
import { allCommandBlocks } from './index';

const CMDLET = /^[A-Z][A-Za-z]+-[A-Za-z0-9]+$/;
/** native tools the capture commands call */
const TOOLS = new Set(['pktmon', 'netsh', '.\\etl2pcapng.exe']);
const byId = (id: string) => CAPTURE_COMMANDS.find((c) => c.id === id)!;
const powershell = CAPTURE_COMMANDS.filter((c) => c.language === 'powershell');

describe('capture commands', () => {
  it('cover pktmon, netsh trace, Wireshark/dumpcap and tcpdump', () => {
    expect(CAPTURE_METHODS.map((m) => m.id)).toEqual(['pktmon', 'netsh', 'wireshark', 'tcpdump']);
    expect(powershell.length).toBe(5);
  });

  it.each(powershell.map((c) => [c.id]))('%s parses as PowerShell', async (id) => {
    const parsed = await parsePowerShell(byId(id).code);
    expect(parsed.firstError, `${id}: ${parsed.firstError}`).toBeUndefined();
    expect(parsed.hasError).toBe(false);
  });

  it.each(powershell.map((c) => [c.id]))('%s calls only full cmdlet names and known tools', async (id) => {
    const { commandNames } = await parsePowerShell(byId(id).code);
    // a tool called by its full path ("& 'C:\\...\\dumpcap.exe'") has no command name node
    if (commandNames.length === 0) expect(byId(id).code).toMatch(/^& '[A-Z]:\\[^']+\.exe' /);
    for (const name of commandNames)
      expect(CMDLET.test(name) || TOOLS.has(name), `${id}: ${name}`).toBe(true);
  });

  it.each(CAPTURE_COMMANDS.map((c) => [c.id]))('%s has no placeholder left to fill', (id) => {
    const c = byId(id);
    expect(c.code).not.toMatch(/[<>]|\{\{|\}\}|\bfile\b|\bXXX\b|\.\.\./i);
    expect(c.code).not.toContain('`');
    expect(c.parameters ?? []).toEqual([]);
    expect(c.code.trim()).toBe(c.code);
  });

  it('label every capture as read-only, elevated (except the Wireshark filter text) and for both sides', () => {
    for (const c of CAPTURE_COMMANDS) {
      expect(c.changesSystem, c.id).toBe(false);
      expect(c.where, c.id).toBe('both');
      expect(c.runAsAdministrator, c.id).toBe(c.language !== 'text');
    }
  });

  it('capture whole packets, filter port 1433, and convert the very file they wrote', () => {
    const start = byId('capture-pktmon-start').code;
    const stop = byId('capture-pktmon-stop').code;
    expect(start).toContain('pktmon start --capture --comp nics --pkt-size 0 -f C:\\Temp\\sql-tls.etl');
    expect(start).toContain('pktmon filter add SQL -p 1433');
    expect(stop).toContain('pktmon etl2pcap C:\\Temp\\sql-tls.etl --out C:\\Temp\\sql-tls.pcapng');
    expect(stop, 'the filter is removed again').toContain('pktmon filter remove');
    const netshStart = byId('capture-netsh-start').code;
    const netshStop = byId('capture-netsh-stop').code;
    expect(netshStart).toContain('netsh trace start capture=yes');
    expect(netshStart).toContain('tracefile=C:\\Temp\\sql-tls.etl');
    expect(netshStop).toContain('netsh trace stop');
    expect(netshStop).toContain('etl2pcapng.exe C:\\Temp\\sql-tls.etl C:\\Temp\\sql-tls.pcapng');
    expect(byId('capture-tcpdump').code).toBe("sudo tcpdump -i any -s 0 -w sql.pcap 'tcp port 1433'");
    expect(byId('capture-wireshark-filter').code).toBe('tcp port 1433');
    expect(byId('capture-dumpcap').code).toContain("-f 'tcp port 1433'");
  });

  it('use ids that do not clash with the knowledge base', () => {
    const kb = new Set(allCommandBlocks().map((b) => b.id));
    for (const c of CAPTURE_COMMANDS) expect(kb.has(c.id), c.id).toBe(false);
    expect(new Set(CAPTURE_COMMANDS.map((c) => c.id)).size).toBe(CAPTURE_COMMANDS.length);
  });
});
