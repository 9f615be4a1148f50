import { checkCommand } from "./check";
import { collectCommand } from "./collect";
import type { Command } from "./command";
import { formsCommand } from "./forms";
import { importPlanCommand } from "./importPlan";
import { layoutCommand } from "./layout";
import { scoreCommand } from "./score";
import { templateCommand } from "./template";
import { reportCommand } from "./report";
import { verifyCommand } from "./verify";
import { quarterCommand } from "./quarter";
import { carryOverCommand } from "./carryOver";

export type { Command } from "./command";

/** The subcommands, in the order --help lists them. Add new commands here. */
export const COMMANDS: readonly Command[] = [templateCommand, checkCommand, scoreCommand, importPlanCommand, layoutCommand, quarterCommand, formsCommand, collectCommand, verifyCommand, reportCommand, carryOverCommand];

/** The command of that name, if kaohe has one. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
