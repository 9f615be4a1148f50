/**
 * The program's name and version as recorded in 计算说明 at 计算等次. Kept equal to package.json's version by a test
 * (test/integrity.test.ts): lib/ cannot read package.json, and a build that forgot to inject it would record nothing.
 */
export const PROGRAM_NAME = "kaohe";
export const PROGRAM_VERSION = "0.1.0";
