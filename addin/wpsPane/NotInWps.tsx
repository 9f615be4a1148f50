import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { WPS_PANE_TEXT } from "./messages";

/** Shown instead of a blank pane when the page is opened outside WPS 表格 (a browser, WPS 文字). */
export function NotInWps({ reason }: { reason: "noWps" | "notEt" }) {
  return (
    <div style={{ padding: 16 }}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{WPS_PANE_TEXT.title}</MessageBarTitle>
          <p data-testid="not-in-wps">{reason === "noWps" ? WPS_PANE_TEXT.noWps : WPS_PANE_TEXT.notEt}</p>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
