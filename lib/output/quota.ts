import type { D } from "../decimal";
import type { Params } from "../model";

/** 优秀比例上限 of a rank group: its own row (优秀比例上限-乡镇), else the plain one; null when there is no quota. */
export function quotaOf(params: Params, rankGroup: string): D | null {
  const own = params.excellentQuota.byGroup.get(rankGroup);
  return own === undefined ? params.excellentQuota.base : own;
}
