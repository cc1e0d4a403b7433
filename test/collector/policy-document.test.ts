import { describe, expect, it } from "vitest";
import { decodeIamPolicyDocument } from "../../src/collector/iam/policy-document.js";
import { isUndecodable } from "../../src/model/snapshot.js";

const policy = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::lake/a+b/100%/é" }],
};
const plain = JSON.stringify(policy);

describe("decodeIamPolicyDocument", () => {
  const decoded = [
    ["URL-encoded", encodeURIComponent(plain)],
    ["already plain", plain],
    ["entity-escaped", plain.replace(/"/g, "&#34;")],
    // IAM encodes `+` as %2B; a literal `+` must stay a plus sign, never become a space.
    ["literal plus", encodeURIComponent(plain).replace(/%2B/g, "+")],
  ] as const;

  it.each(decoded)("decodes %s", (_name, text) => {
    expect(decodeIamPolicyDocument(text)).toEqual(policy);
  });

  it("keeps %2B as a plus sign", () => {
    expect(JSON.stringify(decodeIamPolicyDocument(encodeURIComponent(plain)))).toContain("a+b");
  });

  it("decodes %25 once", () => {
    expect(JSON.stringify(decodeIamPolicyDocument(encodeURIComponent(plain)))).toContain("100%/");
  });

  it("decodes non-ASCII", () => {
    expect(JSON.stringify(decodeIamPolicyDocument(encodeURIComponent(plain)))).toContain("é");
  });

  const undecodable = [
    ["bad percent-encoding", "%7B%22Version%ZZ", /percent-encoding/],
    ["not JSON", encodeURIComponent("Version: 2012-10-17"), /not JSON/],
    ["a JSON array", encodeURIComponent("[1,2]"), /not an object/],
  ] as const;

  it.each(undecodable)("records %s", (_name, text, reason) => {
    const document = decodeIamPolicyDocument(text);
    expect(isUndecodable(document)).toBe(true);
    expect((document as { undecodable: { reason: string } }).undecodable.reason).toMatch(reason);
  });

  it("keeps an excerpt of the undecodable text", () => {
    const document = decodeIamPolicyDocument("%7B%22Version%ZZ") as { undecodable: { excerpt: string } };
    expect(document.undecodable.excerpt).toBe("%7B%22Version%ZZ");
  });
});
