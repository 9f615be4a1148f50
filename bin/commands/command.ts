import type { Options, Parsed } from "../args";
import type { Io } from "../io";

/**
 * One subcommand of kaohe. To add one (kaohe import-plan …), write a module exporting a Command
 * and add it to the table in commands/index.ts; main.ts parses its options and handles --help.
 */
export interface Command {
  name: string;
  /** The synopsis for the program's help: "kaohe check 考核.xlsx". */
  usage: string;
  /** One Chinese line for the program's help. */
  summary: string;
  /** Chinese help shown by `kaohe <name> --help`. */
  help: string;
  options: Options;
  /** Runs with parsed arguments; returns the exit status. Throws CliError for usage and file problems. */
  run(args: Parsed, io: Io): Promise<number>;
}
