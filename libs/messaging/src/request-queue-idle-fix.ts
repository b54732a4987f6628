/**
 * kafkajs 2.2.4 keeps every broker connection's request queue polling once a millisecond for as long as the
 * connection lives: `scheduleCheckPendingRequests` re-arms its timer after every check, and with nothing pending
 * and no throttle the delay is `-1 - Date.now()`, which Node turns into 1 ms (and, on Node 24, a
 * TimeoutNegativeWarning). Upstream: tulios/kafkajs#1556, #1704, #1751, unmerged fixes #1667, #1768; kafkajs has no
 * release since 2.2.4. Each service holds several connections, so the loop cost about a tenth of a core per idle
 * process here and woke every event loop a few thousand times a second under load.
 *
 * The fix schedules a check only when it can do something: requests are pending (as before), or a broker-imposed
 * throttle ends in the future. With nothing pending the queue needs no timer: `push` schedules a check when it
 * has to queue a request, and each answer or timeout checks the queue again.
 */

interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs' own interval for re-checking a queue whose requests wait on the in-flight limit. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;
const PATCHED = Symbol.for('cx.kafkajs.requestQueueIdleFix');

// Deep import: the queue is internal to kafkajs (no "exports" map restricts it). The version is pinned in
// package-lock.json; a release that renames the method fails the guard below at start-up instead of silently.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as {
  prototype: RequestQueueInternals & { [PATCHED]?: true };
};

export function stopIdleRequestQueuePolling(): void {
  const prototype = RequestQueue.prototype;
  if (prototype[PATCHED]) return;
  if (typeof prototype.scheduleCheckPendingRequests !== 'function') {
    throw new Error('kafkajs RequestQueue.scheduleCheckPendingRequests is gone: review request-queue-idle-fix.ts');
  }
  prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueInternals) {
    if (this.throttleCheckTimeoutId) return;
    const untilUnthrottled = this.throttledUntil - Date.now();
    let delay: number;
    if (this.pending.length > 0) delay = untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS;
    else if (untilUnthrottled > 0) delay = untilUnthrottled;
    else return;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, delay);
  };
  prototype[PATCHED] = true;
}
