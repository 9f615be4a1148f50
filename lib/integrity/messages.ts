/** Every Chinese text of 核验 and of the fingerprint rows of 计算说明. */

/** 计算说明!A of the rows that record the fingerprint, below the parameters. */
export const STAMP_GROUP = "核验";

export const STAMP_ITEM = {
  fingerprint: "指纹",
  version: "程序版本",
  time: "计算时间",
  /** 指纹-评分: one sheet's digest. */
  sheet: (sheet: string): string => `指纹-${sheet}`,
  sheetPrefix: "指纹-",
} as const;

export const STAMP_EXPLAIN = {
  fingerprint:
    "SHA-256 指纹：对计算时各输入表读入的值和“结果”“汇总”的数字按规范格式计算。收到工作簿的人可用“核验”按钮或 kaohe verify 复核输入与结果是否一致。它证明工作簿前后一致，不是电子签名，不能证明由谁制作。",
  sheet: (sheet: string): string => `“${sheet}”表的指纹；核验时用来指出计算后改动了哪张表。`,
  version: "计算等次所用的程序及版本。",
  time: "计算等次的时间（本机时间）。",
} as const;

export const VERIFY = {
  passed: (fingerprint: string): string => `核验通过：输入与结果一致（指纹 ${fingerprint}）`,
  passedNoStamp: (fingerprint: string): string =>
    `核验通过：输入与结果一致（指纹 ${fingerprint}）。此工作簿计算时没有记录指纹（可能由旧版本计算），无法判断计算后输入是否改动过。`,
  failed: (count: number): string => `核验未通过：结果与输入不一致，共 ${count} 处不同。`,
  failedInputs: "核验未通过：按工作簿现有的输入无法计算等次，结果不是由现有输入算出的。",
  noResults: "核验未通过：此工作簿没有“结果”表，还没有计算等次，无从核验。请先计算等次。",
  difference: (place: string, found: string, expected: string, context: string): string =>
    `${place} 为 ${found}，按输入应为 ${expected}${context === "" ? "" : `（${context}）`}`,
  more: (count: number): string => `……另有 ${count} 处不同未列出。`,
  inputsChanged: (sheets: string): string => `计算等次之后，输入表“${sheets}”有改动（与计算时记录的指纹不同）。`,
  inputsChangedHarmless: (sheets: string): string =>
    `注意：计算等次之后，输入表“${sheets}”有改动（与计算时记录的指纹不同），但改动不影响结果。`,
  inputsUnchanged: "输入表与计算时记录的指纹一致，计算后没有改动。",
  changedScore: (place: string, context: string, was: string, now: string): string =>
    `${place}（${context}）计算等次时为 ${was}，现为 ${now}。`,
  moreChangedScores: (count: number): string => `……另有 ${count} 个评分单元格在计算后改动过，未列出。`,
  stampDamaged: "计算说明中记录的指纹与各表的指纹对不上：核验行本身被改动过。",
  outputsEdited: (sheets: string): string => `“${sheets}”表在计算等次之后被改动过（与计算时记录的指纹不同）。`,
  recordedAt: (version: string, time: string, fingerprint: string): string => `计算时记录：${version}，${time}，指纹 ${fingerprint}。`,
  otherVersion: (recorded: string, current: string): string =>
    `此工作簿由 ${recorded} 计算，本程序为 ${current}；若两版计分规则不同，也会造成差异。`,
  errorsHeading: (count: number): string => `现有输入有 ${count} 处错误：`,
  empty: "空白",
  text: (value: string): string => `“${value}”`,
  missingSheet: (sheet: string): string => `（缺少“${sheet}”表）`,
  extraRow: "多出的行",
} as const;
