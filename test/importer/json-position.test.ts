import { describe, expect, it } from "vitest";
import { jsonPathAtPosition, positionOfSyntaxError } from "../../src/importer/json-position.js";

function pathOfBrokenText(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    const position = positionOfSyntaxError(error, text);
    return position === undefined ? "no position" : jsonPathAtPosition(text, position);
  }
  return "valid";
}

describe("JSON error paths", () => {
  it.each([
    ['{"Roles":[{"Name":"a"},{"Name":', "$.Roles[1].Name"],
    ['{"Roles":[{"Name":"a"},{"Na', "$.Roles[1].Na"],
    ['{"a":{"b c":[1,2,', '$.a["b c"][2]'],
    ['{"Policies":[{"AwsManaged", false}]}', "$.Policies[0].AwsManaged"],
    ['{"a":"x" "b":1}', "$.a"],
    ["", "$"],
    ['{"a":"unterminated', "$.a"],
  ])("names the path in %j", (text, path) => {
    expect(pathOfBrokenText(text)).toBe(path);
  });

  it("ignores brackets inside strings", () => {
    expect(jsonPathAtPosition('{"a":"[{,","b":[', 16)).toBe("$.b[0]");
  });
});
