/**
 * `npm run analyze -- [--json] FILE...` (`-` = standard input): the same engine as the app, from the
 * command line (../shared/docs/design.md §4). Exit 0 whenever a report was printed, 2 for unusable
 * arguments.
 */
import { readFileSync } from 'node:fs';
import { buildReport, parseArgs, toJson, toText, USAGE, type FileRead } from './run';

function readStdin(): Uint8Array {
  try {
    return new Uint8Array(readFileSync(0));
  } catch {
    return new Uint8Array(0);
  }
}

function readFile(name: string): FileRead {
  if (name === '-') return { source: 'stdin', bytes: readStdin() };
  try {
    return { source: name, bytes: new Uint8Array(readFileSync(name)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'the file does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : (error as Error).message;
    return { source: name, error: `Could not read this file: ${why}.` };
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.ok) {
    process.stderr.write(`${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const report = await buildReport(args.files.map(readFile));
  process.stdout.write(args.json ? `${JSON.stringify(toJson(report), null, 2)}\n` : toText(report));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `analyze failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
