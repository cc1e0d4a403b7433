import { describe, expect, it } from "vitest";
import { coverageStateOfError, MAX_ERROR_MESSAGE_LENGTH, parseCliError } from "../../src/importer/error-file.js";

describe("parseCliError", () => {
  it("reads code, operation and message", () => {
    const error = parseCliError(
      "\nAn error occurred (AccessDenied) when calling the GetBucketPolicy operation: Access Denied\n",
    );
    expect(error).toEqual({ code: "AccessDenied", operation: "GetBucketPolicy", message: "Access Denied" });
  });

  it("reads a throttled call after retries", () => {
    const error = parseCliError(
      "An error occurred (ThrottlingException) when calling the ListSubscribers operation (reached max retries: 4): Rate exceeded",
    );
    expect(error.code).toBe("ThrottlingException");
    expect(error.message).toBe("Rate exceeded");
  });

  it("finds the error line among others", () => {
    const error = parseCliError("warning: profile foo not found\nAn error occurred (ExpiredToken) when calling the ListAccounts operation: The security token included in the request is expired\n");
    expect(error.code).toBe("ExpiredToken");
  });

  it("reads stderr without a code as Unknown", () => {
    const error = parseCliError("\nCould not connect to the endpoint URL: \"https://securitylake.eu-west-9.amazonaws.com/v1/datalakes/list\"\n");
    expect(error.code).toBe("Unknown");
    expect(error.message).toMatch(/^Could not connect to the endpoint URL/);
  });

  it("reads an empty file", () => {
    expect(parseCliError("")).toEqual({ code: "Unknown", message: "the .error file is empty" });
  });

  it("cuts long messages", () => {
    const error = parseCliError(`An error occurred (AccessDenied) when calling the ListRoots operation: ${"x".repeat(2000)}`);
    expect(error.message).toHaveLength(MAX_ERROR_MESSAGE_LENGTH);
  });
});

describe("coverageStateOfError", () => {
  it.each([
    ["AccessDenied", "denied"],
    ["AccessDeniedException", "denied"],
    ["ThrottlingException", "throttled-out"],
    ["TooManyRequestsException", "throttled-out"],
    ["AWSOrganizationsNotInUseException", "not-enabled"],
    ["ExpiredToken", "error"],
    ["InvalidClientTokenId", "error"],
    ["Unknown", "error"],
  ])("maps %s to %s", (code, state) => {
    expect(coverageStateOfError(code)).toBe(state);
  });
});
