/** Process exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  runtimeError: 1,
  usageOrInputError: 2,
  /** Findings at or above `--fail-on` (the Prowler convention). */
  findingsAtThreshold: 3,
  /** Coverage gaps with `--fail-on-incomplete`; 3 wins when both apply. */
  incompleteCoverage: 4,
} as const;
