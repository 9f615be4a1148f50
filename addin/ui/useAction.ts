import { useCallback, useRef, useState } from "react";
import { friendlyMessage } from "./errors";

export interface Action<A extends unknown[], R> {
  running: boolean;
  /** Friendly Chinese message of the last failure, or null. */
  failure: string | null;
  /** Runs the action unless it is already running: a second click meanwhile does nothing and returns undefined. */
  run: (...args: A) => Promise<R | undefined>;
}

/** One async action at a time. The guard is a ref, not state, so that two clicks in the same tick still run it once. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): Action<A, R> {
  const busy = useRef(false);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setRunning(true);
      setFailure(null);
      try {
        return await action(...args);
      } catch (error) {
        setFailure(friendlyMessage(error));
        return undefined;
      } finally {
        busy.current = false;
        setRunning(false);
      }
    },
    [action],
  );
  return { running, failure, run };
}
