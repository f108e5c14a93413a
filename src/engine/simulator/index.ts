/**
 * Public API of the handshake simulator (issue 9). Pure TypeScript: runs in the page, a Web Worker and Node.
 *
 *   const r = simulate(server, client);                 // SimulationResult: outcome, steps, explanation
 *   const fixes = findSmallestFixes(server, client);    // FixOption[], safest first
 *   const next = applyChange({ server, client }, fixes[0].changes[0]);
 *   const link = encodeSimState({ server, client });    // #/simulator?s=<link>
 *   const pair = resolvePreset('dhe-2012r2-dhe-first-vs-win10');   // #/simulator?preset=<id>
 *
 * Outcome ids are the project's stable ids (engine/ids.ts): 'success', a ScenarioId, an OtherErrorId
 * ('strict-encryption' for TDS 8 mismatches), or 'unsupported-setup' (a setting the client library does not
 * have, such as Encrypt=Strict on System.Data.SqlClient). tcp-listener-overload is load-related and never
 * predicted from configuration.
 */
export type * from './types';
export {
  SIM_PROTOCOLS,
  CERT_HASHES,
  ENCRYPT_MODES,
  CLIENT_KINDS,
  CLIENT_OSES,
  DRIVER_IDS,
  OPENSSL_MIN_PROTOCOLS,
} from './types';
export { simulate, simulateQuick, effectiveCertHash } from './simulate';
export { applyChange, applyChanges, describeChange, currentOrder } from './changes';
export { findSmallestFixes, candidateChanges, commandsFor, LATEST, type FixSearchOptions } from './fixes';
export {
  SERVER_PRESETS,
  CLIENT_PRESETS,
  SCENARIO_PRESETS,
  HARDENED_GCM_ORDER,
  serverPreset,
  clientPreset,
  scenarioPreset,
  presetServer,
  presetClient,
  resolvePreset,
} from './presets';
export { encodeSimState, decodeSimState, SIM_STATE_VERSION } from './codec';
export { sidesFromAnalyses } from './from-facts';
export { simulateMatrix, type MatrixOptions } from './matrix';
export { defaultServer, defaultClient, defaultWindows, normaliseServer, normaliseClient } from './normalise';
export { DRIVER_LABELS, clientLabel, windowsName, sqlTls12Target, libCaps } from './model';
