/**
 * Test-only helpers (not bundled): parse PowerShell with tree-sitter-powershell (WebAssembly) so tests can
 * check commands without a PowerShell installation. Import from tests only; it reads a file from
 * node_modules and is therefore not part of the engine that runs in the page.
 */
import { Language, Parser, type Node } from 'web-tree-sitter';

let parserPromise: Promise<Parser> | undefined;

async function createParser(): Promise<Parser> {
  await Parser.init();
  const language = await Language.load('node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm');
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

export interface ParsedPowerShell {
  /** true when tree-sitter found a syntax error or a missing token */
  hasError: boolean;
  /** the first error or missing node, as "row:column text", for test messages */
  firstError?: string;
  /** every command name in the script (the first word of each command), in order */
  commandNames: string[];
}

/** Parses a script; the parser is created once and shared. */
export async function parsePowerShell(code: string): Promise<ParsedPowerShell> {
  parserPromise ??= createParser();
  const parser = await parserPromise;
  const tree = parser.parse(code);
  if (!tree) return { hasError: true, firstError: 'no tree', commandNames: [] };
  const commandNames: string[] = [];
  let firstError: string | undefined;
  const visit = (node: Node): void => {
    if ((node.isError || node.isMissing) && firstError === undefined) {
      firstError = `${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? 'missing ' + node.type : node.text.slice(0, 60)}`;
    }
    if (node.type === 'command_name') commandNames.push(node.text);
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  const result: ParsedPowerShell = { hasError: tree.rootNode.hasError, commandNames };
  if (firstError !== undefined) result.firstError = firstError;
  tree.delete();
  return result;
}

/** Common PowerShell aliases: commands we show must use full cmdlet names, never these. */
export const POWERSHELL_ALIASES: ReadonlySet<string> = new Set([
  'gci',
  'gp',
  'gpv',
  'gi',
  'select',
  'where',
  '%',
  '?',
  'ls',
  'dir',
  'cat',
  'foreach',
  'sort',
  'ft',
  'fl',
  'echo',
  'type',
  'rm',
  'del',
  'cp',
  'mv',
  'iex',
  'sls',
  'gsv',
  'sasv',
  'ni',
  'sp',
  'gwmi',
  'gcim',
  'write',
  'gcm',
  'measure',
  'tee',
  'gc',
  'sc',
  'ac',
]);

/** A full cmdlet name (Verb-Noun). */
export const CMDLET_NAME = /^[A-Z][A-Za-z]+-[A-Za-z0-9]+$/;
