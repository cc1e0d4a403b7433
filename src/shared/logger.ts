import { pino, type Logger } from "pino";

/** Paths pino replaces before writing: credentials must never reach a log line. */
export const REDACTED_PATHS = [
  "*.secretAccessKey",
  "*.sessionToken",
  "*.SecretAccessKey",
  "*.SessionToken",
  "*.authorizationApiKeyValue",
  "*.credentials",
  "credentials",
  "req.headers.authorization",
  "req.headers.cookie",
];

export type LogFormat = "pretty" | "json";

export interface LoggerOptions {
  /** `json` writes one JSON object per line; `pretty` writes short human lines to stderr. */
  format?: LogFormat;
  /** @default "info" */
  level?: string;
}

/** Creates the process logger; it writes to stderr so stdout stays free for results. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LAKEWARDEN_LOG_LEVEL ?? "info";
  const redact = { paths: REDACTED_PATHS, censor: "[redacted]" };
  if (options.format === "json") {
    return pino({ level, redact }, pino.destination(2));
  }
  return pino(
    {
      level,
      redact,
      base: undefined,
      timestamp: false,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.destination(2),
  );
}

export type { Logger };
