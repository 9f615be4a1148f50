import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons";
import { COMPUTE_STAGES, type ComputeStage } from "./host";
import { TEXT } from "./messages";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
});

/** 读取 → 计算 → 写入, the current stage highlighted and the finished ones ticked. */
export function StageProgress({ current, finished }: { current: ComputeStage | null; finished: boolean }) {
  const styles = useStyles();
  const at = current === null ? -1 : COMPUTE_STAGES.indexOf(current);
  return (
    <ol className={styles.row} aria-label="进度" style={{ listStyleType: "none", padding: 0 }}>
      {COMPUTE_STAGES.map((stage, index) => {
        const done = finished ? index <= at : index < at;
        const active = !finished && index === at;
        return (
          <li key={stage} aria-current={active ? "step" : undefined}>
            <Badge
              appearance={active ? "filled" : done ? "tint" : "outline"}
              color={done ? "success" : "brand"}
              icon={done ? <CheckmarkRegular /> : undefined}
            >
              {TEXT.stages[stage]}
            </Badge>
            {index < COMPUTE_STAGES.length - 1 ? " → " : null}
          </li>
        );
      })}
    </ol>
  );
}
