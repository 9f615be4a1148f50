/**
 * A date typed in a cell, for 参数 such as 发文日期: an Excel date (a Date from a file, a serial number from Excel's
 * API, which gives a date cell's value as its serial), or text as clerks write it (2026-01-15, 2026/1/15, 2026.1.15,
 * 2026年1月15日, also in full-width digits). A calendar day only: no time, no time zone.
 */
import type { CellValue } from "../grid";

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is before any date we read). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serials of 1950-01-01 and 2099-12-31: a number outside is not meant as a date. */
const SERIAL_RANGE = { min: 18264, max: 73415 } as const;

const TEXT_DATE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;

function valid(year: number, month: number, day: number): CalendarDay | null {
  const time = new Date(Date.UTC(year, month - 1, day));
  if (time.getUTCFullYear() !== year || time.getUTCMonth() !== month - 1 || time.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The calendar day a cell holds, or null when it holds none (blank cells are the caller's business). */
export function readCalendarDay(value: CellValue): CalendarDay | null {
  if (value instanceof Date) {
    // Files store a date as a serial without a zone; readers give it as that day's UTC midnight.
    if (Number.isNaN(value.getTime())) return null;
    return valid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < SERIAL_RANGE.min || value > SERIAL_RANGE.max) return null;
    const time = new Date(EXCEL_EPOCH_UTC + value * DAY_MS);
    return valid(time.getUTCFullYear(), time.getUTCMonth() + 1, time.getUTCDate());
  }
  if (typeof value !== "string") return null;
  const match = TEXT_DATE.exec(value.normalize("NFKC").trim());
  if (match === null) return null;
  return valid(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A day as Chinese official documents print it (GB/T 9704 7.3.5.3: no leading zeros): "2026年1月15日". */
export function chineseDate(day: CalendarDay): string {
  return `${day.year}年${day.month}月${day.day}日`;
}
