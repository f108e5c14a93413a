/** What the bench times, bundled by scripts/bench/engine.ts into one module as the app ships it. */
export { analyzeText, PARSERS } from '../../src/engine/parsers/index';
export { diagnose, inputFromAnalysis } from '../../src/engine/diagnosis/index';
export { buildSyntheticCapture, measureThroughput } from '../../src/engine/capture/bench.testing';
