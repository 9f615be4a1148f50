const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral as documents number their items (一 … 九十九, 一百零五); null if it is not one. */
export function chineseNumeral(text: string): number | null {
  if (text === "") return null;
  let value = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
    } else if (ch === "十" || ch === "百") {
      // 十 alone means ten (十一 = 11); 二十 means two tens.
      value += (digit ?? 1) * (ch === "十" ? 10 : 100);
      digit = null;
    } else {
      return null;
    }
  }
  return value + (digit ?? 0);
}
