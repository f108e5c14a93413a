/**
 * How to take a packet capture of the failing handshake, per tool, as copyable commands. Every capture is
 * read-only for the system (it writes a capture file and nothing else) but needs an elevated prompt or root.
 * Flags as documented: pktmon start / filter add / etl2pcap (learn.microsoft.com, Windows Server commands),
 * netsh trace start, microsoft/etl2pcapng ("etl2pcapng.exe in.etl out.pcapng"), dumpcap, tcpdump.
 */
import type { CommandBlock } from './types';

export interface CaptureMethod {
  id: string;
  /** e.g. "Windows: pktmon (built in)" */
  title: string;
  /** when to choose it, in a sentence or two */
  body: string;
  commands: CommandBlock[];
}

export const CAPTURE_METHODS: readonly CaptureMethod[] = [
  {
    id: 'pktmon',
    title: 'Windows: pktmon (built in)',
    body: 'Packet Monitor ships with Windows 10 version 2004 and later and Windows Server 2019 and later, so there is nothing to install. The filter keeps only port 1433; if the instance listens on another port, change 1433 in the filter to that port. The option --comp nics records each packet once, at the network card (connections on the same machine, over loopback, are not seen this way).',
    commands: [
      {
        id: 'capture-pktmon-start',
        title: 'Start a pktmon capture of SQL Server traffic (port 1433)',
        language: 'powershell',
        code: [
          "New-Item -ItemType Directory -Path 'C:\\Temp' -Force | Out-Null",
          'pktmon filter add SQL -p 1433',
          'pktmon start --capture --comp nics --pkt-size 0 -f C:\\Temp\\sql-tls.etl',
        ].join('\n'),
        changesSystem: false,
        runAsAdministrator: true,
        where: 'both',
        requires: 'Windows 10 version 2004 or Windows Server 2019 and later (etl2pcap needs them).',
        readResult:
          'Now reproduce the failing connection (run the application or sqlcmd until the error appears), then stop the capture.',
      },
      {
        id: 'capture-pktmon-stop',
        title: 'Stop pktmon, convert the capture to pcapng and remove the filter',
        language: 'powershell',
        code: [
          'pktmon stop',
          'pktmon etl2pcap C:\\Temp\\sql-tls.etl --out C:\\Temp\\sql-tls.pcapng',
          'pktmon filter remove',
        ].join('\n'),
        changesSystem: false,
        runAsAdministrator: true,
        where: 'both',
        readResult: 'Drop C:\\Temp\\sql-tls.pcapng on this page. The .etl file itself cannot be read here.',
      },
    ],
  },
  {
    id: 'netsh',
    title: 'Windows: netsh trace (older Windows versions)',
    body: 'Works on Windows 7 and Windows Server 2008 R2 and later. It records all traffic of the machine (no port filter), so keep the capture short. Its .etl file must be converted with Microsoft\'s free etl2pcapng tool (github.com/microsoft/etl2pcapng, "Releases"): run the conversion from the folder where you unpacked it.',
    commands: [
      {
        id: 'capture-netsh-start',
        title: 'Start a netsh trace with packet capture',
        language: 'powershell',
        code: [
          "New-Item -ItemType Directory -Path 'C:\\Temp' -Force | Out-Null",
          'netsh trace start capture=yes report=disabled tracefile=C:\\Temp\\sql-tls.etl maxsize=512',
        ].join('\n'),
        changesSystem: false,
        runAsAdministrator: true,
        where: 'both',
        readResult: 'Now reproduce the failing connection, then stop the trace.',
      },
      {
        id: 'capture-netsh-stop',
        title: 'Stop the netsh trace and convert it to pcapng',
        language: 'powershell',
        code: ['netsh trace stop', '.\\etl2pcapng.exe C:\\Temp\\sql-tls.etl C:\\Temp\\sql-tls.pcapng'].join(
          '\n',
        ),
        changesSystem: false,
        runAsAdministrator: true,
        where: 'both',
        requires: 'etl2pcapng.exe from github.com/microsoft/etl2pcapng, in the current folder.',
        readResult:
          'Stopping takes a while ("Merging traces"). Then drop C:\\Temp\\sql-tls.pcapng on this page.',
      },
    ],
  },
  {
    id: 'wireshark',
    title: 'Wireshark or dumpcap (if already installed)',
    body: 'In Wireshark, type this capture filter before starting the capture (Capture > Options), then save the result as pcapng. Or capture from PowerShell with dumpcap, which comes with Wireshark.',
    commands: [
      {
        id: 'capture-wireshark-filter',
        title: 'Wireshark capture filter for SQL Server traffic',
        language: 'text',
        code: 'tcp port 1433',
        changesSystem: false,
        runAsAdministrator: false,
        where: 'both',
        readResult: 'For a named instance on another port, use that port number instead of 1433.',
      },
      {
        id: 'capture-dumpcap',
        title: 'Capture port 1433 with dumpcap',
        language: 'powershell',
        code: "& 'C:\\Program Files\\Wireshark\\dumpcap.exe' -f 'tcp port 1433' -w 'C:\\Temp\\sql-tls.pcapng'",
        changesSystem: false,
        runAsAdministrator: true,
        where: 'both',
        requires: 'Wireshark (with Npcap) installed in its default folder.',
        readResult:
          'Reproduce the failure, then press Ctrl+C to stop. Without -i dumpcap uses the first interface; run it with -D to list the interfaces and add -i and the right number if needed.',
      },
    ],
  },
  {
    id: 'tcpdump',
    title: 'Linux: tcpdump',
    body: 'On a Linux client or on SQL Server on Linux. The option -i any listens on every interface and -s 0 keeps whole packets.',
    commands: [
      {
        id: 'capture-tcpdump',
        title: 'Capture port 1433 with tcpdump',
        language: 'shell',
        code: "sudo tcpdump -i any -s 0 -w sql.pcap 'tcp port 1433'",
        changesSystem: false,
        runAsAdministrator: true,
        where: 'both',
        requires: 'tcpdump (package tcpdump) and root rights (sudo).',
        readResult: 'Reproduce the failure, then press Ctrl+C to stop, and drop sql.pcap on this page.',
      },
    ],
  },
];

/** Every capture command, for tests and the CLI. */
export const CAPTURE_COMMANDS: readonly CommandBlock[] = CAPTURE_METHODS.flatMap((m) => m.commands);
