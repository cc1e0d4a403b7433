import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseTarget, writeJsonError, writeJsonResult } from "./protocols/json.js";
import { parseQuery, writeQueryError, writeQueryResult } from "./protocols/query.js";
import { matchRoute, REST_JSON_SIGNING_NAMES, restJsonParams } from "./protocols/rest-json.js";
import { matchS3, writeS3Error, writeS3Result } from "./protocols/rest-xml.js";
import { FakeAwsError, type FakeRequest, type ServiceHandlers } from "./request.js";
import { ACCESS_ANALYZER } from "./services/accessanalyzer.js";
import { CLOUDTRAIL } from "./services/cloudtrail.js";
import { GLUE } from "./services/glue.js";
import { IAM } from "./services/iam.js";
import { KMS } from "./services/kms.js";
import { LAKE_FORMATION } from "./services/lakeformation.js";
import { ORGANIZATIONS } from "./services/organizations.js";
import { RAM } from "./services/ram.js";
import { S3 } from "./services/s3.js";
import { SECURITY_LAKE } from "./services/securitylake.js";
import { SQS } from "./services/sqs.js";
import { STS } from "./services/sts.js";
import type { FakeWorld } from "./world.js";

/** The static keys tests give the collector: they stand for the management account. */
export const FAKE_CREDENTIALS = { accessKeyId: "AKIAFAKEBASEKEY00000", secretAccessKey: "fake-base-secret" };

const HANDLERS: Record<string, ServiceHandlers> = {
  sts: STS,
  iam: IAM,
  organizations: ORGANIZATIONS,
  securitylake: SECURITY_LAKE,
  s3: S3,
  kms: KMS,
  glue: GLUE,
  lakeformation: LAKE_FORMATION,
  sqs: SQS,
  cloudtrail: CLOUDTRAIL,
  ram: RAM,
  accessanalyzer: ACCESS_ANALYZER,
};

/** One operation as the fake received it. */
export interface ReceivedOperation {
  readonly service: string;
  readonly operation: string;
  readonly accountId: string;
  readonly region: string;
}

/** A running fake: its endpoint, what it received, and how to stop it. */
export interface FakeAws {
  readonly endpoint: string;
  readonly received: ReceivedOperation[];
  /** The maximum number of requests in flight at once, by `<service>`, `<service>/<account>` and `account/<account>` (STS left out). */
  readonly peakInFlight: Map<string, number>;
  /** Returns the maximum number of accounts (other than the caller's) with a request in flight at once. */
  peakAccountsInFlight(): number;
  close(): Promise<void>;
}

type Protocol = "query" | "json1.0" | "json1.1" | "rest-json" | "rest-xml";

interface Decoded {
  readonly protocol: Protocol;
  readonly request: FakeRequest;
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startFakeAws(world: FakeWorld): Promise<FakeAws> {
  const received: ReceivedOperation[] = [];
  const inFlight = new InFlight();
  const server = createServer((incoming, response) => {
    readBody(incoming)
      .then((body) => answer(world, received, inFlight, incoming, body, response))
      .catch((error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(`fake AWS failed: ${String(error)}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    peakInFlight: inFlight.peaks,
    peakAccountsInFlight: () => inFlight.peakAccounts,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Counts requests in flight per service and per service and account, keeping the peaks. */
class InFlight {
  readonly peaks = new Map<string, number>();
  peakAccounts = 0;
  private readonly current = new Map<string, number>();
  private readonly accounts = new Map<string, number>();

  enter(request: FakeRequest): void {
    for (const key of keysOf(request)) {
      const count = (this.current.get(key) ?? 0) + 1;
      this.current.set(key, count);
      this.peaks.set(key, Math.max(this.peaks.get(key) ?? 0, count));
    }
    if (!request.accessKeyId.startsWith("ASIAFAKE")) return;
    this.accounts.set(request.accountId, (this.accounts.get(request.accountId) ?? 0) + 1);
    this.peakAccounts = Math.max(this.peakAccounts, this.accounts.size);
  }

  leave(request: FakeRequest): void {
    for (const key of keysOf(request)) this.current.set(key, (this.current.get(key) ?? 1) - 1);
    if (!request.accessKeyId.startsWith("ASIAFAKE")) return;
    const left = (this.accounts.get(request.accountId) ?? 1) - 1;
    if (left === 0) this.accounts.delete(request.accountId);
    else this.accounts.set(request.accountId, left);
  }
}

/** The counters a request takes part in; STS stays out of the per-account one, since AssumeRole is the caller's. */
function keysOf(request: FakeRequest): string[] {
  const keys = [request.service, `${request.service}/${request.accountId}`];
  if (request.service !== "sts") keys.push(`account/${request.accountId}`);
  return keys;
}

async function answer(world: FakeWorld, received: ReceivedOperation[], inFlight: InFlight, incoming: IncomingMessage, body: string, response: ServerResponse): Promise<void> {
  let decoded: Decoded;
  try {
    decoded = decode(world, incoming, body);
  } catch (error) {
    writeJsonError(response, "application/json", asAwsError(error), true);
    return;
  }

  const { protocol, request } = decoded;
  received.push({ service: request.service, operation: request.operation, accountId: request.accountId, region: request.region });
  inFlight.enter(request);
  if (world.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, world.latencyMs));
  inFlight.leave(request);
  try {
    // Checked here rather than in decode, so the error goes out in the request's own protocol.
    if (request.accountId === UNKNOWN_ACCOUNT) throw new FakeAwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
    throttleIfAsked(world, protocol, request.operation);
    denyIfAsked(world, protocol, request);
    const handler = HANDLERS[request.service]?.[request.operation];
    if (!handler) throw new FakeAwsError("UnknownOperationException", `the fake does not implement ${request.service}:${request.operation}`);
    writeResult(response, protocol, request, handler(request, world));
  } catch (error) {
    writeError(response, protocol, asAwsError(error));
  }
}

function throttleIfAsked(world: FakeWorld, protocol: Protocol, operation: string): void {
  const remaining = world.throttles[operation] ?? 0;
  if (remaining <= 0) return;
  world.throttles[operation] = remaining - 1;
  if (protocol === "rest-xml") throw new FakeAwsError("SlowDown", "Please reduce your request rate.", 503);
  if (protocol === "query") throw new FakeAwsError("Throttling", "Rate exceeded", 400);
  throw new FakeAwsError(protocol === "rest-json" ? "ThrottlingException" : "ThrottlingException", "Rate exceeded", protocol === "rest-json" ? 429 : 400);
}

function denyIfAsked(world: FakeWorld, protocol: Protocol, request: FakeRequest): void {
  if (!world.deniedOperations.has(request.operation)) return;
  const code = protocol === "query" || protocol === "rest-xml" ? "AccessDenied" : "AccessDeniedException";
  const action = `${request.service}:${request.operation}`;
  throw new FakeAwsError(code, `User: arn:aws:sts::${request.accountId}:assumed-role/LakewardenAudit/lakewarden-test is not authorized to perform: ${action} with an explicit deny in a service control policy`, 403);
}

function decode(world: FakeWorld, incoming: IncomingMessage, body: string): Decoded {
  const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
  const method = incoming.method ?? "GET";
  const signing = parseAuthorization(String(incoming.headers.authorization ?? ""));
  const accountId = accountOf(world, signing.accessKeyId);
  const base = { region: signing.region, accountId, accessKeyId: signing.accessKeyId, pathParams: {} };

  const target = incoming.headers["x-amz-target"];
  if (typeof target === "string") {
    const parsed = parseTarget(target);
    if (!parsed) throw new FakeAwsError("UnknownOperationException", `the fake does not serve X-Amz-Target ${target}`);
    const protocol = String(incoming.headers["content-type"]).includes("1.0") ? "json1.0" : "json1.1";
    return { protocol, request: { ...base, ...parsed, params: body ? (JSON.parse(body) as Record<string, unknown>) : {} } };
  }
  if (signing.service === "iam" || signing.service === "sts") {
    return { protocol: "query", request: { ...base, service: signing.service, ...parseQuery(body) } };
  }
  if (signing.service === "s3") {
    const { operation, bucket } = matchS3(method, url);
    return { protocol: "rest-xml", request: { ...base, service: "s3", operation, params: {}, pathParams: { bucket } } };
  }

  const service = REST_JSON_SIGNING_NAMES[signing.service];
  if (!service) throw new FakeAwsError("UnknownOperationException", `the fake does not serve ${signing.service}`);
  const operation = matchRoute(service, method, url.pathname) ?? `${method} ${url.pathname}`;
  return { protocol: "rest-json", request: { ...base, service, operation, params: restJsonParams(url, body) } };
}

/** Reads the access key, Region and service from a SigV4 Authorization header. */
function parseAuthorization(header: string): { accessKeyId: string; region: string; service: string } {
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header);
  if (!match) throw new FakeAwsError("MissingAuthenticationToken", "request is not signed with SigV4", 403);
  return { accessKeyId: match[1] as string, region: match[2] as string, service: match[3] as string };
}

/** The account an access key belongs to, or UNKNOWN_ACCOUNT for a key the fake never issued. */
function accountOf(world: FakeWorld, accessKeyId: string): string {
  if (accessKeyId === FAKE_CREDENTIALS.accessKeyId) return world.managementAccountId;
  const assumed = /^ASIAFAKE(\d{12})$/.exec(accessKeyId);
  return assumed ? (assumed[1] as string) : UNKNOWN_ACCOUNT;
}

const UNKNOWN_ACCOUNT = "unknown";

function writeResult(response: ServerResponse, protocol: Protocol, request: FakeRequest, output: unknown): void {
  if (protocol === "query") return writeQueryResult(response, request.service, request.operation, output);
  if (protocol === "rest-xml") {
    const { raw, contentType } = output as { raw: string; contentType?: string };
    return writeS3Result(response, raw, contentType);
  }
  writeJsonResult(response, contentTypeOf(protocol), request.service, output);
}

function writeError(response: ServerResponse, protocol: Protocol, error: FakeAwsError): void {
  if (protocol === "query") return writeQueryError(response, error);
  if (protocol === "rest-xml") return writeS3Error(response, error);
  writeJsonError(response, contentTypeOf(protocol), error, protocol === "rest-json");
}

function contentTypeOf(protocol: Protocol): string {
  if (protocol === "json1.0") return "application/x-amz-json-1.0";
  if (protocol === "json1.1") return "application/x-amz-json-1.1";
  return "application/json";
}

function asAwsError(error: unknown): FakeAwsError {
  return error instanceof FakeAwsError ? error : new FakeAwsError("InternalFailure", String(error), 500);
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
