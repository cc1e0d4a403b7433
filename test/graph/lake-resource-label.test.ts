import { describe, expect, it } from "vitest";
import { lakeResourceLabel } from "../../src/evaluator/graph/index.js";

describe("lakeResourceLabel", () => {
  it("names a probe object as the bucket's objects", () => {
    const probe = "arn:aws:s3:::aws-security-data-lake-us-east-1-abc/aws/CLOUD_TRAIL_MGMT/2.0/region=us-east-1/accountId=111122223333/eventDay=20240101/lakewarden-probe.gz.parquet";
    expect(lakeResourceLabel(probe)).toBe("arn:aws:s3:::aws-security-data-lake-us-east-1-abc/* (checked on one representative object key)");
    expect(lakeResourceLabel("arn:aws:s3:::athena-results/lakewarden-probe.csv")).toBe("arn:aws:s3:::athena-results/* (checked on one representative object key)");
  });

  it("keeps other ARNs", () => {
    expect(lakeResourceLabel("arn:aws:securitylake:us-east-1:111122223333:data-lake/default")).toBe("arn:aws:securitylake:us-east-1:111122223333:data-lake/default");
  });
});
