/** Every rule, scenarios first. Each is a small pure function of the signals. */
import type { Rule } from '../types';
import { cipherMismatchRule } from './cipher-mismatch';
import { dheCiphersRule, dheLeadingZeroRule } from './dhe';
import { listenerOverloadRule } from './listener-overload';
import { LOOK_ALIKE_RULES } from './look-alikes';
import { protocolMismatchRule } from './protocol-mismatch';
import { weakCertificateRule } from './weak-certificate';

export const SCENARIO_RULES: Rule[] = [
  protocolMismatchRule,
  cipherMismatchRule,
  dheCiphersRule,
  weakCertificateRule,
  dheLeadingZeroRule,
  listenerOverloadRule,
];

export { LOOK_ALIKE_RULES };
export const RULES: Rule[] = [...SCENARIO_RULES, ...LOOK_ALIKE_RULES];
