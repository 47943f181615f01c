import { SCHEDULES, type JobName } from "@stratdeck/core/orchestrator/schedules";
import "@stratdeck/core/validation/zod-english";
import * as z from "zod/mini";

const JOB_NAMES = SCHEDULES.map((s) => s.job) as [JobName, ...JobName[]];

/**
 * A scheduled invocation: an EventBridge scheduled event, or the look-alike EventBridge Scheduler
 * sends (stacks/jobs.ts), whose `time` is the scheduled time. `detail.force` runs outside the
 * schedule grid and market hours (manual runs); `time` absent means now.
 */
export const ScheduledEvent = z.looseObject({
  id: z.optional(z.string()),
  "detail-type": z.optional(z.string()),
  source: z.optional(z.string()),
  time: z.optional(z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" })),
  detail: z.optional(
    z.looseObject({
      job: z.optional(z.enum(JOB_NAMES)),
      force: z.optional(z.boolean()),
    }),
  ),
});

/** A parsed {@link ScheduledEvent}. */
export type ScheduledEventInput = z.infer<typeof ScheduledEvent>;
