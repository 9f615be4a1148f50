import { OPERATION_BYTES, REQUEST_BUDGET } from "./budget";

/** One queued piece of work for Excel, with the estimated bytes it adds to the request. */
export interface Operation {
  bytes: number;
  queue: () => void;
}

/** An operation of a few Office calls that carry no bulk data. */
export function small(queue: () => void, calls = 1): Operation {
  return { bytes: calls * OPERATION_BYTES, queue };
}

/**
 * Queues operations in order and syncs whenever the next one would take the request over the budget,
 * then once at the end: the fewest syncs that keep every request under Excel on the web's limit.
 */
export async function runInBatches(context: { sync(): Promise<unknown> }, operations: readonly Operation[], budget = REQUEST_BUDGET): Promise<void> {
  let bytes = 0;
  let pending = 0;
  for (const operation of operations) {
    if (pending > 0 && bytes + operation.bytes > budget) {
      await context.sync();
      bytes = 0;
      pending = 0;
    }
    operation.queue();
    bytes += operation.bytes;
    pending += 1;
  }
  if (pending > 0) await context.sync();
}
