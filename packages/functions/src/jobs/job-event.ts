import { SCHEDULES, type JobName } from "@stratdeck/core/orchestrator/schedules";
import * as z from "zod";

const JOB_NAMES = SCHEDULES.map((s) => s.job) as [JobName, ...JobName[]];

/**
 * A scheduled invocation: an EventBridge scheduled event, or the look-alike EventBridge Scheduler
 * sends (stacks/jobs.ts), whose `time` is the scheduled time. `detail.force` runs outside the
 * schedule grid and market hours (manual runs); `time` absent means now.
 */
export const ScheduledEvent = z.looseObject({
  id: z.string().optional(),
  "detail-type": z.string().optional(),
  source: z.string().optional(),
  time: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
  detail: z
    .looseObject({
      job: z.enum(JOB_NAMES).optional(),
      force: z.boolean().optional(),
    })
    .optional(),
});

/** A parsed {@link ScheduledEvent}. */
export type ScheduledEventInput = z.infer<typeof ScheduledEvent>;
