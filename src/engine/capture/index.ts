/** Packet-capture analysis (pcap / pcapng): see analyze.ts. */
export { analyzeCapture, CaptureAnalyzer, type AnalyzeOptions, type PacketCaptureResult } from './analyze';
export type * from './types';
