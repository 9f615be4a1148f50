import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** A failed action's friendly message, or nothing. */
export function Failure({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
