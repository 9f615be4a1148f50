import { useMemo } from "react";
import { makeStyles, Text, Title2, tokens } from "@fluentui/react-components";
import type { AssessmentResult } from "../../lib/model";
import { toJson } from "../../lib/output";
import { GradeChart } from "./GradeChart";
import { TEXT } from "./messages";
import { ResultsTable } from "./ResultsTable";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * The chart and the sortable 结果 table after a 计算等次. Their own script (with lib/'s output and the table
 * components), loaded on demand and fetched at start (preloadResults): not part of the page's first load (issue 14).
 */
export function ResultsSections({ result }: { result: AssessmentResult }) {
  const styles = useStyles();
  const rows = useMemo(() => toJson(result, []).units, [result]);
  return (
    <>
      <section className={styles.section} aria-labelledby="chart-heading">
        <Title2 as="h2" id="chart-heading">
          {TEXT.chartHeading}
        </Title2>
        <GradeChart groups={result.groups} />
      </section>
      <section className={styles.section} aria-labelledby="results-heading">
        <Title2 as="h2" id="results-heading">
          {TEXT.resultsHeading}
        </Title2>
        <Text>{TEXT.sortHint}</Text>
        <ResultsTable rows={rows} />
      </section>
    </>
  );
}
