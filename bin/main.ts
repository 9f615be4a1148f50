import { parseCommandArgs } from "./args";
import { COMMANDS, findCommand } from "./commands";
import { CliError } from "./errors";
import { EXIT, printableIo, processIo, type Io } from "./io";
import { MSG } from "./messages";
import { renderTable } from "./table";

/** The command line: runs `kaohe <command> …` and returns the exit status (0 done, 1 data errors, 2 usage or file errors). */
export async function main(argv: string[], rawIo: Io = processIo): Promise<number> {
  // Texts from a workbook (names, sheet names, cell values quoted in messages) may carry control characters such as
  // ESC: every line is made printable before it reaches the terminal.
  const io = printableIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(MSG.noCommand);
    io.err(programHelp());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    // `kaohe help score` is `kaohe score --help`.
    const [topic, ...extra] = rest;
    if (name !== "help" || topic === undefined) {
      io.out(programHelp());
      return EXIT.ok;
    }
    const command = findCommand(topic);
    if (command === undefined || extra.length > 0) {
      io.err(command === undefined ? MSG.unknownCommand(topic) : MSG.extraArguments(extra.join(" ")));
      io.err(MSG.helpHint);
      return EXIT.usage;
    }
    io.out(command.help);
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (command === undefined) {
    io.err(MSG.unknownCommand(name));
    io.err(MSG.helpHint);
    return EXIT.usage;
  }
  try {
    const args = parseCommandArgs(rest, command.options);
    if (args.values.help === true) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (cause) {
    if (!(cause instanceof CliError)) return reportBug(cause, io);
    io.err(`kaohe ${command.name}：${cause.message}`);
    if (cause.isUsage) io.err(MSG.commandHelpHint(command.name));
    return EXIT.usage;
  }
}

/** A thrown error that is not a CliError is a bug: say so plainly, with the details a maintainer needs. */
function reportBug(cause: unknown, io: Io): number {
  io.err(MSG.internalError);
  io.err(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause));
  return EXIT.internal;
}

/** The program's help, listing every command of the table with its synopsis and what it does. */
function programHelp(): string {
  const list = renderTable(["", ""], COMMANDS.map((command) => [command.usage, command.summary])).slice(1);
  return [MSG.programTitle, "", MSG.usageTitle, ...list.map((line) => `  ${line}`), "", MSG.programFooter].join("\n");
}
