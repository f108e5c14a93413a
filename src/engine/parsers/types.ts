import type { ArtifactKind, ParseResult } from '../model';

/**
 * One artifact kind's parser. Every parser module exports one of these (see parsers/index.ts for the
 * ordered registry). Offsets in the result are relative to the `text` given; detect() shifts them to
 * the whole paste.
 */
export interface ArtifactParser<K extends ArtifactKind = ArtifactKind, F = Record<string, unknown>> {
  kind: K;
  /**
   * How much `text` looks like this kind, 0 (not at all) to 1 (certain). Cheap and linear in the
   * length of the text: detection calls it on every part of every paste.
   */
  sniff(text: string): number;
  /**
   * The highest score sniff() can return (1 when not given). Detection skips a parser whose highest score
   * cannot beat the best score found for a block so far (ties go to the earlier parser), so a value here
   * must never be below a score sniff() returns: the property tests check every fixture and fuzzed input.
   */
  sniffMax?: number;
  /** Never throws, never hangs: whatever could not be read becomes a Problem. */
  parse(text: string): ParseResult<K, F> | Promise<ParseResult<K, F>>;
}
