import { describe, expect, it } from "vitest";
import { isAccountFolderName, isRegionFolderName, parseExportFileName, sanitizeParam } from "../../src/importer/layout.js";

describe("export layout names", () => {
  it.each(["us-east-1", "eu-west-1", "ap-southeast-5", "us-gov-west-1", "cn-north-1", "eusc-de-east-1", "il-central-1"])(
    "accepts Region folder %s",
    (name) => {
      expect(isRegionFolderName(name)).toBe(true);
    },
  );

  it.each(["global", "US-EAST-1", "us_east_1", "us-east", "..", "us-east-1/..", "us-east-1 "])("rejects Region folder %j", (name) => {
    expect(isRegionFolderName(name)).toBe(false);
  });

  it.each(["123456789012"])("accepts account folder %s", (name) => {
    expect(isAccountFolderName(name)).toBe(true);
  });

  it.each(["12345678901", "1234567890123", "１２３４５６７８９０１２", "12345678901a"])("rejects account folder %j", (name) => {
    expect(isAccountFolderName(name)).toBe(false);
  });

  it("splits a file name with a parameter", () => {
    expect(parseExportFileName("kms__get-key-policy__mrk-1234abcd.json")).toEqual({
      service: "kms",
      command: "get-key-policy",
      param: "mrk-1234abcd",
      kind: "json",
    });
  });

  it("keeps double underscores inside the parameter", () => {
    expect(parseExportFileName("sqs__get-queue-attributes__my__queue.fifo.error")?.param).toBe("my__queue.fifo");
  });

  it.each([
    "iam__get-account-authorization-details.txt",
    "IAM__get-account-authorization-details.json",
    "iam_get-account-authorization-details.json",
    "s3api__get-bucket-policy__...json",
    "s3api__get-bucket-policy__a/b.json",
    "s3api__get-bucket-policy__a b.json",
    "s3api__get-bucket-policy__bücket.json",
    ".DS_Store",
  ])("rejects file name %j", (name) => {
    expect(parseExportFileName(name)).toBeUndefined();
  });

  it("sanitizes a parameter to the layout's set", () => {
    expect(sanitizeParam("arn:aws:sqs:us-east-1:1:q/../x")).toBe("arn_aws_sqs_us-east-1_1_q_.._x");
  });
});
