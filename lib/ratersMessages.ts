/** Texts of the 评议单位 rule (lib/raters.ts). */
export const RATERS_TEXT = {
  unknownWord: (word: string, kinds: string) =>
    `参数“互评评议单位”中的“${word}”不是考核对象中任何单位的类别或排名分组，这些单位不会参加互评。请改为考核对象中的类别（${kinds}）或排名分组，用“、”分隔。`,
} as const;
