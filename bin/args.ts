import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./errors";
import { MSG } from "./messages";

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** Every command takes --help. */
const USAGE = { usage: true };

const HELP: Options = { help: { type: "boolean", short: "h" } };

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** node:util parseArgs, strict, with its English errors turned into Chinese CliErrors. */
export function parseCommandArgs(argv: readonly string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { ...HELP, ...options }, strict: true, allowPositionals: true });
    return { values: values as Parsed["values"], positionals };
  } catch (cause) {
    throw translate(cause);
  }
}

function translate(cause: unknown): CliError {
  const code = (cause as { code?: string }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  const option = /'(-[^']*?)(?: <value>)?'/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new CliError(MSG.unknownOption(option), USAGE);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return new CliError(/argument missing/.test(message) ? MSG.optionNeedsValue(option) : MSG.optionTakesNoValue(option), USAGE);
    default:
      return new CliError(MSG.badArguments(message), USAGE);
  }
}

/** Exactly one positional (the file); otherwise a CliError naming what is missing or extra. */
export function onePositional(positionals: readonly string[], what: string): string {
  const [first, ...extra] = positionals;
  if (first === undefined) throw new CliError(MSG.missingFile(what), USAGE);
  if (extra.length > 0) throw new CliError(MSG.extraArguments(extra.join(" ")), USAGE);
  return first;
}
