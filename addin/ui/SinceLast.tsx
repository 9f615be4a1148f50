import { Text } from "@fluentui/react-components";
import { TRIAL_UI_TEXT } from "./trialMessages";

/**
 * "What changed since the last run" after a 计算等次 that replaced results (issue 16 §4): the heading (when those were
 * computed), each unit whose 总分, 名次 or 等次 moved (old → new), then the unchanged count. The lines are lib/whatif's
 * previousRunLines, the same the command line prints.
 */
export function SinceLast({ lines }: { lines: readonly string[] }) {
  const [heading, ...rest] = lines;
  return (
    <section aria-label={TRIAL_UI_TEXT.sinceLastHeading}>
      <Text weight="semibold" block>
        {heading}
      </Text>
      <ul>
        {rest.map((line) => (
          <li key={line}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
