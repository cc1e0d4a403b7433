import type { ServerResponse } from "node:http";
import type { FakeAwsError } from "../request.js";
import { escapeXml } from "../xml.js";

// S3 (REST-XML, path-style): GET /<bucket>?<subresource> names the operation.
const SUBRESOURCES: Record<string, string> = {
  policy: "GetBucketPolicy",
  versioning: "GetBucketVersioning",
  "object-lock": "GetObjectLockConfiguration",
  encryption: "GetBucketEncryption",
  publicAccessBlock: "GetPublicAccessBlock",
};

/** The S3 operation and bucket of a path-style request. */
export function matchS3(method: string, url: URL): { operation: string; bucket: string } {
  const [bucket = "", ...key] = url.pathname.replace(/^\//, "").split("/");
  if (key.length > 0 && key.join("/") !== "") return { operation: method === "GET" ? "GetObject" : `${method}Object`, bucket };
  if (method !== "GET") return { operation: `${method} /${bucket}?${[...url.searchParams.keys()].join("&")}`, bucket };
  for (const [subresource, operation] of Object.entries(SUBRESOURCES)) if (url.searchParams.has(subresource)) return { operation, bucket };
  return { operation: bucket === "" ? "ListBuckets" : "ListObjects", bucket };
}

/** Writes an S3 answer: a raw body (bucket policy JSON) or an XML document. */
export function writeS3Result(response: ServerResponse, body: string, contentType = "application/xml"): void {
  response.writeHead(200, { "content-type": contentType });
  response.end(body);
}

export function writeS3Error(response: ServerResponse, error: FakeAwsError): void {
  response.writeHead(error.status, { "content-type": "application/xml" });
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message><RequestId>fake-request</RequestId></Error>`);
}
