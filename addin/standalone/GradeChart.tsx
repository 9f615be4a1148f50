import { GRADES, type Grade, type GroupSummary } from "../../lib";
import { TEXT } from "./messages";

/** Bar colours per 等次: strong enough to read as bars, in the same hues as the sheets' fills. */
export const GRADE_BAR_COLORS: Record<Grade, string> = {
  优秀: "#107C10",
  良好: "#0F6CBD",
  合格: "#B58900",
  不合格: "#C50F1F",
};

export type ChartGroup = Pick<GroupSummary, "rankGroup" | "byGrade">;

const BAR = 32;
const BAR_GAP = 6;
const GROUP_GAP = 48;
const PLOT_HEIGHT = 160;
const TOP = 28;
const LEFT = 24;
const AXIS_LABEL = 44;
const LEGEND = 30;

/** Where each bar of the chart goes; pure geometry, so it can be tested without a browser. */
export interface BarLayout {
  rankGroup: string;
  grade: Grade;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars per 排名分组, one per 等次 in GRADES order; heights proportional to the largest count. */
export function layoutBars(groups: readonly ChartGroup[]): { bars: BarLayout[]; width: number; height: number } {
  const largest = Math.max(1, ...groups.flatMap((g) => GRADES.map((grade) => g.byGrade[grade])));
  const clusterWidth = GRADES.length * BAR + (GRADES.length - 1) * BAR_GAP;
  const bars = groups.flatMap((group, groupIndex) =>
    GRADES.map((grade, gradeIndex) => {
      const count = group.byGrade[grade];
      const height = (count / largest) * PLOT_HEIGHT;
      return {
        rankGroup: group.rankGroup,
        grade,
        count,
        x: LEFT + groupIndex * (clusterWidth + GROUP_GAP) + gradeIndex * (BAR + BAR_GAP),
        y: TOP + PLOT_HEIGHT - height,
        width: BAR,
        height,
      };
    }),
  );
  const width = LEFT * 2 + groups.length * clusterWidth + Math.max(0, groups.length - 1) * GROUP_GAP;
  return { bars, width: Math.max(width, 320), height: TOP + PLOT_HEIGHT + AXIS_LABEL + LEGEND };
}

/** The chart's text alternative: 乡镇：优秀 3 个、良好 5 个…; for screen readers and as a tooltip. */
export function describeChart(groups: readonly ChartGroup[]): string {
  return groups
    .map((g) => `${g.rankGroup}：${GRADES.map((grade) => `${grade} ${g.byGrade[grade]} 个`).join("、")}`)
    .join("；");
}

export interface GradeChartProps {
  groups: readonly ChartGroup[];
}

/** A plain SVG bar chart of the 等次 distribution per 排名分组 (no chart library: nothing to load). */
export function GradeChart({ groups }: GradeChartProps) {
  const { bars, width, height } = layoutBars(groups);
  const baseline = TOP + PLOT_HEIGHT;
  const clusterWidth = GRADES.length * BAR + (GRADES.length - 1) * BAR_GAP;
  return (
    <svg
      role="img"
      aria-label={`${TEXT.chartTitle}。${describeChart(groups)}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ maxWidth: "100%", height: "auto", fontFamily: "inherit" }}
    >
      <title>{describeChart(groups)}</title>
      <line x1={LEFT / 2} x2={width - LEFT / 2} y1={baseline} y2={baseline} stroke="#8A8886" strokeWidth={1} />
      {bars.map((bar) => (
        <g key={`${bar.rankGroup}-${bar.grade}`} data-grade={bar.grade} data-group={bar.rankGroup}>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={GRADE_BAR_COLORS[bar.grade]} rx={2} />
          <text x={bar.x + bar.width / 2} y={bar.y - 6} textAnchor="middle" fontSize={13} fill="#242424">
            {bar.count}
          </text>
          <text x={bar.x + bar.width / 2} y={baseline + 16} textAnchor="middle" fontSize={11} fill="#424242">
            {bar.grade}
          </text>
        </g>
      ))}
      {groups.map((group, index) => (
        <text
          key={group.rankGroup}
          x={LEFT + index * (clusterWidth + GROUP_GAP) + clusterWidth / 2}
          y={baseline + 36}
          textAnchor="middle"
          fontSize={14}
          fontWeight={600}
          fill="#242424"
        >
          {group.rankGroup}
        </text>
      ))}
      {GRADES.map((grade, index) => (
        <g key={grade} transform={`translate(${LEFT + index * 76}, ${height - 12})`}>
          <rect x={0} y={-10} width={12} height={12} fill={GRADE_BAR_COLORS[grade]} rx={2} />
          <text x={18} y={0} fontSize={12} fill="#424242">
            {grade}
          </text>
        </g>
      ))}
    </svg>
  );
}
