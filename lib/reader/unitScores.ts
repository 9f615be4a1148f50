import type { D } from "../decimal";
import { cellAddress } from "../grid";
import type { ScoreEntry } from "../model";
import { ReadCell } from "./cells";

/** 不适用 in a slot of UnitScores. */
const NOT_APPLICABLE = "notApplicable";

/** What a slot of UnitScores holds: the score, 不适用, or nothing (the cell gave no usable score). */
export type ScoreSlot = D | typeof NOT_APPLICABLE | undefined;

/** The indicator columns of one 评分 sheet, shared by every unit row: 编号 → position, and each position's column. */
export class ScoreColumns {
  readonly positions = new Map<string, number>();
  readonly codes: string[] = [];
  readonly columns: number[] = [];

  constructor(readonly sheet: string) {}

  add(code: string, column: number): number {
    const position = this.codes.length;
    this.positions.set(code, position);
    this.codes.push(code);
    this.columns.push(column);
    POSITIONS.delete(this);
    return position;
  }

  /**
   * The position of each indicator's 编号 (−1 where the sheet has no column for it), in the order given. Every unit
   * row of a sheet shares one ScoreColumns and the rules ask with the same 考核指标 list for every unit: worked out
   * once, not a map lookup per cell.
   */
  positionsOf(indicators: readonly { code: string }[]): Int32Array {
    const known = POSITIONS.get(this);
    if (known !== undefined && known.indicators === indicators) return known.positions;
    const positions = new Int32Array(indicators.length);
    indicators.forEach((indicator, i) => {
      positions[i] = this.positions.get(indicator.code) ?? -1;
    });
    POSITIONS.set(this, { indicators, positions });
    return positions;
  }
}

// ScoreColumns.positionsOf's last answer, kept beside the instance rather than in it: its fields are part of the
// 核验 fingerprint (see UnitScores).
const POSITIONS = new WeakMap<ScoreColumns, { indicators: readonly { code: string }[]; positions: Int32Array }>();

/**
 * One unit's row of 评分 as the rules read it (编号 → entry), kept as one array of Decimals instead of a Map of
 * entry objects: a province's workbook has a million score cells, and a million long-lived small objects cost more
 * time in garbage collection than the scoring itself. Entries, with their cell, are made when asked for.
 */
export class UnitScores implements ReadonlyMap<string, ScoreEntry> {
  // The fields of this class (and of ScoreColumns) are what the 核验 fingerprint writes for 评分 (lib/integrity
  // canonical.ts writes an instance's own fields, holes included): a new field, or slots filled differently, would
  // change the fingerprint of every workbook already sent out.
  private readonly slots: ScoreSlot[] = [];
  private count = 0;

  constructor(
    readonly columns: ScoreColumns,
    private readonly row: number,
  ) {}

  /** The slot at a position of `columns` (see positionsOf): the score itself, without making its entry and cell. */
  slotAt(position: number): ScoreSlot {
    return position < 0 ? undefined : this.slots[position];
  }

  setScore(position: number, value: D): void {
    this.fill(position, value);
  }

  setNotApplicable(position: number): void {
    this.fill(position, NOT_APPLICABLE);
  }

  private fill(position: number, slot: D | typeof NOT_APPLICABLE): void {
    if (this.slots[position] === undefined) this.count += 1;
    this.slots[position] = slot;
  }

  get size(): number {
    return this.count;
  }

  has(code: string): boolean {
    const position = this.columns.positions.get(code);
    return position !== undefined && this.slots[position] !== undefined;
  }

  get(code: string): ScoreEntry | undefined {
    const position = this.columns.positions.get(code);
    return position === undefined ? undefined : this.entryAt(position);
  }

  private entryAt(position: number): ScoreEntry | undefined {
    const slot = this.slots[position];
    if (slot === undefined) return undefined;
    const column = this.columns.columns[position] ?? 0;
    if (slot === NOT_APPLICABLE) return { kind: "notApplicable", ref: { sheet: this.columns.sheet, cell: cellAddress(this.row, column) } };
    return new ScoreCell(slot, this.columns.sheet, this.row, column);
  }

  *entries(): MapIterator<[string, ScoreEntry]> {
    for (let position = 0; position < this.slots.length; position += 1) {
      const entry = this.entryAt(position);
      const code = this.columns.codes[position];
      if (entry !== undefined && code !== undefined) yield [code, entry];
    }
  }

  *keys(): MapIterator<string> {
    for (const [code] of this.entries()) yield code;
  }

  *values(): MapIterator<ScoreEntry> {
    for (const [, entry] of this.entries()) yield entry;
  }

  [Symbol.iterator](): MapIterator<[string, ScoreEntry]> {
    return this.entries();
  }

  forEach(visit: (entry: ScoreEntry, code: string, map: ReadonlyMap<string, ScoreEntry>) => void): void {
    for (const [code, entry] of this.entries()) visit(entry, code, this);
  }
}

/** A score entry: its value, and its cell's address made when asked for (the rules read the value only). */
class ScoreCell extends ReadCell {
  readonly kind = "score";

  constructor(
    readonly value: D,
    sheet: string,
    row: number,
    column: number,
  ) {
    super(sheet, row, column);
  }
}
