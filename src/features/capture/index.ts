/** Packet captures on the paste page: the store, the view, the "how to capture" guide and the wiring helpers. */
export { useCaptureStore, type CaptureEntry, type CaptureStatus } from './captureStore';
export { CaptureList } from './CaptureView';
export { HowToCapture } from './HowToCapture';
export {
  captureDiagnosisInputs,
  cipherListsFrom,
  isCaptureFile,
  useCaptureDiagnosisInputs,
  type PastedCipherList,
} from './integration';
