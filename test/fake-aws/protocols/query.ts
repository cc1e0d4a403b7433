import type { IncomingMessage, ServerResponse } from "node:http";
import type { FakeAwsError } from "../request.js";
import { escapeXml, toQueryXml } from "../xml.js";

// The query protocol (IAM, STS): a form-encoded body with Action and Version, an XML answer.
const NAMESPACES: Record<string, string> = {
  iam: "https://iam.amazonaws.com/doc/2010-05-08/",
  sts: "https://sts.amazonaws.com/doc/2011-06-15/",
};

/** Reads the operation and its members from a form body. */
export function parseQuery(body: string): { operation: string; params: Record<string, unknown> } {
  const form = new URLSearchParams(body);
  const params: Record<string, unknown> = {};
  for (const [key, value] of form) if (key !== "Action" && key !== "Version") params[key] = value;
  return { operation: form.get("Action") ?? "", params };
}

export function writeQueryResult(response: ServerResponse, service: string, operation: string, output: unknown): void {
  const namespace = NAMESPACES[service] ?? "";
  const body =
    `<${operation}Response xmlns="${namespace}"><${operation}Result>${toQueryXml(output)}</${operation}Result>` +
    `<ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata></${operation}Response>`;
  response.writeHead(200, { "content-type": "text/xml" });
  response.end(body);
}

export function writeQueryError(response: ServerResponse, error: FakeAwsError): void {
  const body =
    `<ErrorResponse><Error><Type>Sender</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>fake-request</RequestId></ErrorResponse>`;
  response.writeHead(error.status, { "content-type": "text/xml" });
  response.end(body);
}

export type { IncomingMessage };
