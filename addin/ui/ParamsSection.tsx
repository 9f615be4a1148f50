import { useCallback, useEffect, useState } from "react";
import { Button, Link, Table, TableBody, TableCell, TableRow, Text } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { SHEET } from "../../lib/layout";
import type { AssessmentHost, ParamRow } from "./host";
import { TEXT } from "./messages";
import { Failure } from "./Failure";
import { useAction } from "./useAction";

/** 参数 at a glance, with a link that shows the 参数 sheet. `version` changes when the sheet may have changed. */
export function ParamsSection({ host, version }: { host: AssessmentHost; version: number }) {
  const [rows, setRows] = useState<ParamRow[] | null>(null);
  const load = useCallback(async () => {
    setRows(await host.readParams());
  }, [host]);
  const loading = useAction(load);
  const { run } = loading;
  useEffect(() => {
    void run();
  }, [run, version]);
  const show = useAction(useCallback(async () => host.showSheet?.(SHEET.params), [host]));

  return (
    <section aria-label={TEXT.paramsTitle}>
      {host.showSheet ? <Link onClick={() => void show.run()}>{TEXT.paramsShowSheet}</Link> : null}{" "}
      <Button size="small" appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={() => void run()}>
        {TEXT.paramsRefresh}
      </Button>
      {rows !== null && rows.length === 0 ? <Text block>{TEXT.paramsEmpty}</Text> : null}
      {rows !== null && rows.length > 0 ? (
        <Table size="extra-small" aria-label={TEXT.paramsTitle}>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.name}>
                <TableCell>{row.name}</TableCell>
                <TableCell>{row.value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Failure message={loading.failure ?? show.failure} />
    </section>
  );
}
