/**
 * When the stream task runs, New York time on weekdays: a few minutes before the 09:30 open (to
 * connect and warm the snapshots) until shortly after the 16:00 close. Holidays are left to the
 * task, which idles outside NYSE sessions. 6 h 50 min a trading day.
 */
export const STREAM_WINDOW = {
  start: { hour: "9", minute: "20" },
  stop: { hour: "16", minute: "10" },
} as const;
