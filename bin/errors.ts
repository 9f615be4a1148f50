/**
 * A problem with how kaohe was called or with a file (not with the data in the workbook): exit status 2.
 * The message is Chinese and says what to do instead.
 */
export class CliError extends Error {
  override readonly name = "CliError";
  /** A usage mistake (unknown option, missing file name): point to --help. File problems need no help text. */
  readonly isUsage: boolean;
  constructor(message: string, options: { usage?: boolean } = {}) {
    super(message);
    this.isUsage = options.usage ?? false;
  }
}
