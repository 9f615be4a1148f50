import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { TEXT } from "./messages";

/** Shown instead of a blank pane when office.js is missing or blocked, or the page is opened outside Excel. */
export function NoOffice({ reason }: { reason: "noOffice" | "notExcel" }) {
  return (
    <div style={{ padding: 16 }}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{TEXT.title}</MessageBarTitle>
          <p data-testid="no-office">{reason === "noOffice" ? TEXT.noOffice : TEXT.notExcel}</p>
          <Link href="standalone.html">{TEXT.noOfficeLink}</Link>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
