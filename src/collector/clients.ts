import { AccessAnalyzerClient } from "@aws-sdk/client-accessanalyzer";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { GlueClient } from "@aws-sdk/client-glue";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { LakeFormationClient } from "@aws-sdk/client-lakeformation";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { RAMClient } from "@aws-sdk/client-ram";
import { S3Client } from "@aws-sdk/client-s3";
import { SecurityLakeClient } from "@aws-sdk/client-securitylake";
import { SQSClient } from "@aws-sdk/client-sqs";
import { STSClient } from "@aws-sdk/client-sts";
import { LakewardenError } from "../shared/errors.js";
import { isReadOnlyOperation } from "./read-only-operations.js";

const CLIENTS = {
  accessanalyzer: AccessAnalyzerClient,
  cloudtrail: CloudTrailClient,
  glue: GlueClient,
  iam: IAMClient,
  kms: KMSClient,
  lakeformation: LakeFormationClient,
  organizations: OrganizationsClient,
  ram: RAMClient,
  s3: S3Client,
  securitylake: SecurityLakeClient,
  sqs: SQSClient,
  sts: STSClient,
} as const;

/** A set of AWS credentials, as the SDK takes them. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** A source of credentials that the SDK calls when it needs fresh ones. */
export type CredentialsProvider = () => Promise<Credentials>;

/** An AWS service the collector reads, by its SDK client folder name. */
export type ServiceName = keyof typeof CLIENTS;

/** The SDK client type of one service. */
export type ClientOf<S extends ServiceName> = InstanceType<(typeof CLIENTS)[S]>;

/** Settings shared by every client: credentials, retries, timeouts and, in tests, the fake's endpoint. */
export interface ClientSettings {
  readonly credentials: Credentials | CredentialsProvider;
  /** Attempts per call including the first, with the SDK's adaptive retry mode. */
  readonly maxAttempts: number;
  /** Milliseconds a call may wait for a response before it fails. */
  readonly requestTimeoutMs: number;
  /** A local endpoint that replaces every AWS endpoint (tests only). */
  readonly endpoint?: string;
  /** Called once per operation the guard lets through, before it is signed. */
  readonly onCall?: (service: ServiceName, operation: string) => void;
  /** Called for every HTTP attempt, retries included, so retries can be counted. */
  readonly onAttempt?: () => void;
}

/**
 * Builds the client of `service` in `region`. Every client the collector uses comes from here,
 * so the read-only guard runs in front of every operation.
 */
export function createClient<S extends ServiceName>(service: S, region: string, settings: ClientSettings): ClientOf<S> {
  const Client = CLIENTS[service] as unknown as new (config: Record<string, unknown>) => ClientOf<S>;
  const config: Record<string, unknown> = {
    region,
    credentials: settings.credentials,
    retryMode: "adaptive",
    maxAttempts: settings.maxAttempts,
    requestHandler: { connectionTimeout: Math.min(settings.requestTimeoutMs, 5_000), requestTimeout: settings.requestTimeoutMs },
  };
  if (settings.endpoint !== undefined) config.endpoint = settings.endpoint;
  // Path-style keeps bucket names out of host names, which a local endpoint cannot resolve.
  if (service === "s3") config.forcePathStyle = true;

  const client = new Client(config);
  installReadOnlyGuard(client, service, settings.onCall);
  if (settings.onAttempt) installAttemptCounter(client, settings.onAttempt);
  return client;
}

interface MiddlewareHost {
  middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>,
      options: { step: "initialize" | "finalizeRequest"; name: string; priority: "high" | "low" },
    ): void;
  };
}

/** Counts HTTP attempts: the SDK's retry middleware runs first in this step, so each retry passes here again. */
function installAttemptCounter(client: unknown, onAttempt: () => void): void {
  (client as MiddlewareHost).middlewareStack.add(
    (next) => async (args) => {
      onAttempt();
      return next(args);
    },
    { step: "finalizeRequest", name: "lakewardenAttemptCounter", priority: "low" },
  );
}

/**
 * Rejects, before serialization or signing, every operation that is not on the read-only list.
 * The check runs at the first middleware step, so a rejected command never reaches the network.
 */
export function installReadOnlyGuard(client: unknown, service: ServiceName, onCall?: ClientSettings["onCall"]): void {
  (client as MiddlewareHost).middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? "").replace(/Command$/, "");
      if (!isReadOnlyOperation(service, operation)) {
        throw new LakewardenError(
          "readOnlyViolation",
          `${service}:${operation || "(unnamed command)"} is not on the collector's read-only operation list; it was not sent`,
        );
      }

      onCall?.(service, operation);
      return next(args);
    },
    { step: "initialize", name: "lakewardenReadOnlyGuard", priority: "high" },
  );
}
