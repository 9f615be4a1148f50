import { useCallback, useEffect, useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { DocumentTableRegular } from "@fluentui/react-icons";
import { INPUT_SHEETS } from "../../lib/layout";
import { parseTemplateYear } from "../../lib/template/year";
import type { AssessmentHost, TemplateOutcome } from "./host";
import { TEXT } from "./messages";
import { Failure } from "./Failure";
import { useAction } from "./useAction";

export interface TemplateSectionProps {
  host: AssessmentHost;
  defaultYear: number;
  /** Called after sheets were created, so the pane can refresh what depends on them (参数). */
  onCreated?: () => void;
}

/** 加载考核模板: year, blank or example; says which input sheets exist and adds only the missing ones. */
export function TemplateSection({ host, defaultYear, onCreated }: TemplateSectionProps) {
  const [year, setYear] = useState(String(defaultYear));
  const [kind, setKind] = useState<"blank" | "example">("blank");
  const [existing, setExisting] = useState<string[] | null>(null);
  const [outcome, setOutcome] = useState<TemplateOutcome | null>(null);

  const refresh = useCallback(async () => {
    setExisting(await host.listExistingInputSheets());
  }, [host]);
  const listing = useAction(refresh);
  const { run: runListing } = listing;
  useEffect(() => {
    void runListing();
  }, [runListing]);

  const create = useCallback(async () => {
    const typed = parseTemplateYear(year);
    if (typed === null) return;
    const done = await host.createTemplate({ year: typed, example: kind === "example", onlyMissing: true });
    setOutcome(done);
    await refresh();
    onCreated?.();
  }, [host, year, kind, refresh, onCreated]);
  const creating = useAction(create);

  const yearValid = parseTemplateYear(year) !== null;
  const present = existing ?? [];
  const missing = INPUT_SHEETS.filter((name) => !present.includes(name));
  const allExist = existing !== null && missing.length === 0;

  return (
    <section aria-label={TEXT.templateTitle}>
      <Field label={TEXT.templateYear} validationMessage={yearValid ? undefined : TEXT.templateYearInvalid}>
        <Input value={year} inputMode="numeric" onChange={(_e, data) => setYear(data.value)} />
      </Field>
      <Field label={TEXT.templateKind}>
        <RadioGroup value={kind} onChange={(_e, data) => setKind(data.value === "example" ? "example" : "blank")}>
          <Radio value="blank" label={TEXT.templateBlank} />
          <Radio value="example" label={TEXT.templateExample} />
        </RadioGroup>
      </Field>
      {present.length > 0 ? (
        <MessageBar intent={allExist ? "success" : "warning"}>
          <MessageBarBody>
            {allExist ? TEXT.templateAllExist : `${TEXT.templateExisting(present)}${TEXT.templateMissing(missing)}`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Button
        icon={<DocumentTableRegular />}
        disabled={creating.running || !yearValid || allExist || existing === null}
        onClick={() => void creating.run()}
      >
        {present.length > 0 ? TEXT.templateAddMissing : TEXT.templateButton}
      </Button>
      {outcome ? <Text block>{TEXT.templateDone(outcome.created)}</Text> : null}
      <Failure message={creating.failure ?? listing.failure} />
    </section>
  );
}
