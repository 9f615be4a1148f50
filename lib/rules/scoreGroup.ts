import type { Grade, Params, Thresholds } from "../model";
import { forGroup, gradeFor } from "./grade";
import { applyQuota, type QuotaMark } from "./quota";
import { rankTotals } from "./rank";
import type { UnitWorking } from "./scoreUnit";
import { seriousCap } from "./serious";
import { disqualifiedCap } from "./disqualified";

/** Rules 7–10 for one unit: its place and how its 等次 came about. */
export interface Standing {
  rank: number;
  /** 等次 by the thresholds alone (rule 8). */
  gradeByLine: Grade;
  seriousDemoted: boolean;
  /** 取消评先资格 (平时考核) turned 优秀 into 良好. */
  disqualifiedDemoted?: boolean;
  quotaMark: QuotaMark;
  grade: Grade;
}

export interface GroupStandings {
  group: string;
  thresholds: Thresholds;
  /** In the order of the members given. */
  standings: Standing[];
  excellentLimit: number | null;
  quotaExceededByTie: boolean;
}

/** Rules 7–10 for one 排名分组: 名次, 等次 by the group's thresholds, the 情节严重 and 取消评先资格 caps, then the 优秀比例 quota. */
export function scoreGroup(group: string, members: readonly UnitWorking[], params: Params): GroupStandings {
  const thresholds = forGroup(params.thresholds, group);
  const ranks = rankTotals(members.map((m) => m.total.total), params.rankRule);
  const graded = members.map((member, index) => {
    const rank = ranks[index] ?? 0;
    const gradeByLine = gradeFor(member.total.total, thresholds);
    const capped = seriousCap(gradeByLine, member.serious);
    const barred = disqualifiedCap(capped.grade, member.daily?.record.disqualified != null);
    return { rank, gradeByLine, seriousDemoted: capped.demoted, disqualifiedDemoted: barred.demoted, grade: barred.grade };
  });
  const quota = applyQuota(graded, forGroup(params.excellentQuota, group));
  // Written out rather than spread (a spread copies field by field through a generic path), in the spread's order.
  const standings = graded.map(
    (g, index): Standing => ({
      rank: g.rank,
      gradeByLine: g.gradeByLine,
      seriousDemoted: g.seriousDemoted,
      disqualifiedDemoted: g.disqualifiedDemoted,
      grade: quota.grades[index] ?? g.grade,
      quotaMark: quota.marks[index] ?? null,
    }),
  );
  return { group, thresholds, standings, excellentLimit: quota.limit, quotaExceededByTie: quota.exceededByTie };
}
