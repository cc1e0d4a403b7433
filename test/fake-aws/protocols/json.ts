import type { ServerResponse } from "node:http";
import type { FakeAwsError } from "../request.js";

// The JSON protocols: awsJson1_1 (Organizations, CloudTrail, Glue, KMS) and awsJson1_0 (SQS)
// name the operation in X-Amz-Target; REST-JSON (Security Lake, Lake Formation, RAM, Access
// Analyzer) routes by method and path. Both carry times as epoch seconds in bodies.

/** The service and operation an X-Amz-Target header names. */
export const TARGET_PREFIXES: Record<string, string> = {
  AWSOrganizationsV20161128: "organizations",
  CloudTrail_20131101: "cloudtrail",
  AWSGlue: "glue",
  TrentService: "kms",
  AmazonSQS: "sqs",
};

export function parseTarget(target: string): { service: string; operation: string } | undefined {
  const dot = target.lastIndexOf(".");
  const service = TARGET_PREFIXES[target.slice(0, dot)];
  return service === undefined ? undefined : { service, operation: target.slice(dot + 1) };
}

/** Serializes output members: Dates become epoch seconds, as JSON protocols carry timestamps. */
export function toJson(output: unknown): string {
  return JSON.stringify(output ?? {}).replace(/"__date:(-?\d+(?:\.\d+)?)"/g, "$1");
}

/**
 * Replaces Dates before stringifying, because JSON.stringify calls Date.toJSON before any
 * replacer sees the Date. Models that mark timestamps `date-time` (Security Lake, Access
 * Analyzer) get RFC 3339 text; the rest get epoch seconds.
 */
export function encodeDates(value: unknown, iso: boolean): unknown {
  if (value instanceof Date) return iso ? value.toISOString() : `__date:${value.getTime() / 1000}`;
  if (Array.isArray(value)) return value.map((item) => encodeDates(item, iso));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, encodeDates(member, iso)]));
  }
  return value;
}

/** Services whose models give their timestamps the `date-time` format. */
const ISO_TIME_SERVICES = new Set(["securitylake", "accessanalyzer"]);

export function writeJsonResult(response: ServerResponse, contentType: string, service: string, output: unknown): void {
  response.writeHead(200, { "content-type": contentType });
  response.end(toJson(encodeDates(output, ISO_TIME_SERVICES.has(service))));
}

export function writeJsonError(response: ServerResponse, contentType: string, error: FakeAwsError, rest: boolean): void {
  const headers: Record<string, string> = { "content-type": contentType };
  if (rest) headers["x-amzn-errortype"] = error.code;
  response.writeHead(error.status, headers);
  response.end(JSON.stringify(rest ? { message: error.message } : { __type: error.code, message: error.message }));
}
