import { type ParseArgsConfig, parseArgs } from "node:util";

/** Thrown for wrong usage; the command prints its usage and exits 2. */
export class UsageError extends Error {}

/** `node:util` parseArgs in strict mode, with its English errors turned into German usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-[^']*)'/.exec(message)?.[1];
    throw new UsageError(
      option ? `Unbekannte oder unvollständige Option: ${option}` : `Ungültige Argumente: ${message}`,
    );
  }
}

/** Options without positional arguments; throws UsageError in German. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  const { values, positionals } = parseCommandArgs(args, options);
  if (positionals.length > 0) throw new UsageError(`Unerwartetes Argument: ${positionals[0]}`);
  return values;
}

/**
 * The commands that take only `--db`: true when the arguments are fine, else the German message and the
 * usage are printed (the command then exits 2).
 */
export function onlyDatabaseOption(args: string[], usage: string): boolean {
  try {
    parseOptions(args, { db: { type: "string" } });
    return true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return false;
  }
}
