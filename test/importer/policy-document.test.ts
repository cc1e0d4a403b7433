import { describe, expect, it } from "vitest";
import { decodePolicyDocument } from "../../src/importer/policy-document.js";

const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };

describe("decodePolicyDocument", () => {
  it.each([
    ["an object", policy],
    ["a JSON string", JSON.stringify(policy)],
    ["a URL-encoded string", encodeURIComponent(JSON.stringify(policy))],
    ["a URL-encoded string with spaces", encodeURIComponent(JSON.stringify(policy, null, 4))],
  ])("decodes %s", (_form, value) => {
    expect(decodePolicyDocument(value, "f.json", "$.Policy")).toEqual(policy);
  });

  it("keeps literal plus signs", () => {
    const encoded = "%7B%22Sid%22%3A%22a+b%22%7D";
    expect(decodePolicyDocument(encoded, "f.json", "$.P")).toEqual({ Sid: "a+b" });
  });

  it("decodes %2B, %25 and UTF-8 escapes", () => {
    const encoded = "%7B%22Sid%22%3A%22a%2Bb%20100%25%20Zo%C3%AB%22%7D";
    expect(decodePolicyDocument(encoded, "f.json", "$.P")).toEqual({ Sid: "a+b 100% Zoë" });
  });

  it("reads a JSON string that holds a percent sign", () => {
    expect(decodePolicyDocument('{"Sid":"100%"}', "f.json", "$.P")).toEqual({ Sid: "100%" });
  });

  it.each([
    ["plain text", "not a policy"],
    ["a broken escape", "%7B%22Sid%22%3A%ZZ"],
    ["truncated JSON", '{"Version":"2012-10-17","Statement":['],
    ["a JSON array", "[1,2]"],
    ["a number", 42],
    ["null", null],
  ])("rejects %s naming file and field", (_form, value) => {
    expect(() => decodePolicyDocument(value, "f.json", "$.Roles[0].AssumeRolePolicyDocument")).toThrow(
      /^f\.json: \$\.Roles\[0\]\.AssumeRolePolicyDocument: /,
    );
  });
});
