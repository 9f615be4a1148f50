import type { FileHost, FileHostDeps } from "./fileHost";

/** What the page uses of its host: FileHost's public members (its private state is not part of the contract). */
export type PageHost = Pick<FileHost, keyof FileHost>;

type Method = (...args: never[]) => unknown;
/** FileHost's methods that answer with a promise: these wait for the host to load. */
type AsyncKey = { [K in keyof PageHost]: PageHost[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof PageHost];

/**
 * The standalone page's host, loaded on first use (issue 14 item 3): FileHost brings the .xlsx reader and writer,
 * lib/'s rules with decimal.js, the template, forms and plan code, about a third of the page's script, none of which is
 * needed to show the page. `preload()` fetches it at start, while the page is surely online: once loaded, the page
 * must keep working offline.
 *
 * Every public member of FileHost is forwarded here by name; typecheck fails until a method added to FileHost is
 * added below too (one line: `name = this.forward("name")`, or a plain answer for a method that answers at once).
 */
export class LazyFileHost implements PageHost {
  private real: FileHost | null = null;
  private loading: Promise<FileHost> | null = null;

  constructor(
    private readonly deps: FileHostDeps,
    private readonly loadHost: (deps: FileHostDeps) => Promise<FileHost> = async (d) => new (await import("./fileHost")).FileHost(d),
  ) {}

  /** Loads the host now (idempotent); the page calls it at start. */
  preload(): Promise<FileHost> {
    this.loading ??= this.loadHost(this.deps).then((host) => {
      this.real = host;
      this.listen();
      return host;
    });
    return this.loading;
  }

  private forward<K extends AsyncKey>(name: K): PageHost[K] {
    const call = async (...args: unknown[]) => {
      const host = await this.preload();
      return (host[name] as unknown as Method).apply(host, args as never[]);
    };
    return call as unknown as PageHost[K];
  }

  // Answered at once. Before the host has loaded no workbook can be open: these give what FileHost gives then.
  /** The open file's state; listeners registered before the host loaded are told of its changes once it has. */
  readonly fileState = (): ReturnType<FileHost["fileState"]> => this.real?.fileState() ?? null;
  private readonly listeners = new Set<() => void>();
  private listening = false;
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.listen();
    return () => this.listeners.delete(listener);
  };
  private listen(): void {
    if (this.listening || this.real === null) return;
    this.listening = true;
    this.real.subscribe(() => this.listeners.forEach((listener) => listener()));
  }
  cellText(sheet: string, cell: string): string {
    return this.real?.cellText(sheet, cell) ?? "";
  }
  fileName(): string | null {
    return this.real?.fileName() ?? null;
  }
  scoredFileName(): string | null {
    return this.real?.scoredFileName() ?? null;
  }
  isEmptyWorkbook(): boolean {
    if (this.real === null) throw new Error("FileHost: no workbook is open");
    return this.real.isEmptyWorkbook();
  }
  planUnits(): ReturnType<FileHost["planUnits"]> {
    return this.real?.planUnits();
  }
  indicatorRowCount(): number {
    return this.real?.indicatorRowCount() ?? 0;
  }

  load = this.forward("load");
  openFile = this.forward("openFile");
  listExistingInputSheets = this.forward("listExistingInputSheets");
  createTemplate = this.forward("createTemplate");
  check = this.forward("check");
  compute = this.forward("compute");
  readParams = this.forward("readParams");
  quarter = this.forward("quarter");
  exportQuarter = this.forward("exportQuarter");
  saveFile = this.forward("saveFile");
  readPlanContext = this.forward("readPlanContext");
  importIndicators = this.forward("importIndicators");
  distributeForms = this.forward("distributeForms");
  previewCollect = this.forward("previewCollect");
  applyCollect = this.forward("applyCollect");
  previewLayout = this.forward("previewLayout");
  writeLayout = this.forward("writeLayout");
  makeNotice = this.forward("makeNotice");
  makeFeedback = this.forward("makeFeedback");
  verify = this.forward("verify");
  prepareTrial = this.forward("prepareTrial");
  applyTrial = this.forward("applyTrial");
  readLastYearFile = this.forward("readLastYearFile");
  previewCarryOver = this.forward("previewCarryOver");
  writeCarryOver = this.forward("writeCarryOver");
}
