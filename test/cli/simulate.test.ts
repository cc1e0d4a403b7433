import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";

const input = {
  PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'],
  ActionNames: ["s3:GetObject", "s3:PutObject"],
  ResourceArns: ["arn:aws:s3:::lake/x"],
  CallerArn: "arn:aws:iam::111122223333:user/alice",
};

describe("simulate command", () => {
  let dir: string;
  let stdout: string;
  let stderr: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "lw-simulate-"));
    stdout = "";
    stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    process.exitCode = undefined;
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  function write(name: string, content: unknown): string {
    const file = join(dir, name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  }

  it("prints one result per action", async () => {
    const file = write("in.json", input);
    expect(await main(["node", "lakewarden", "simulate", "--cli-input-json", file])).toBe(0);
    const output = JSON.parse(stdout) as { EvaluationResults: { EvalDecision: string }[] };
    expect(output.EvaluationResults.map((result) => result.EvalDecision)).toEqual(["allowed", "implicitDeny"]);
  });

  it("accepts a file:// prefix", async () => {
    const file = write("in.json", input);
    expect(await main(["node", "lakewarden", "simulate", "--cli-input-json", `file://${file}`])).toBe(0);
  });

  it("names file and field of invalid input", async () => {
    const file = write("bad.json", { ...input, ActionNames: [] });
    expect(await main(["node", "lakewarden", "simulate", "--cli-input-json", file])).toBe(2);
    expect(stderr).toContain(`${file}: $.ActionNames: expected at least one action name`);
  });

  it("rejects an unknown field", async () => {
    const file = write("bad.json", { ...input, Surprise: 1 });
    expect(await main(["node", "lakewarden", "simulate", "--cli-input-json", file])).toBe(2);
  });

  it("rejects invalid JSON", async () => {
    const file = write("bad.json", "{");
    expect(await main(["node", "lakewarden", "simulate", "--cli-input-json", file])).toBe(2);
  });

  it("rejects a missing file", async () => {
    expect(await main(["node", "lakewarden", "simulate", "--cli-input-json", join(dir, "none.json")])).toBe(2);
  });

  it("rejects a caller it cannot name", async () => {
    const file = write("bad.json", { ...input, CallerArn: "arn:aws:s3:::bucket" });
    expect(await main(["node", "lakewarden", "simulate", "--cli-input-json", file])).toBe(2);
    expect(stderr).toContain("$.CallerArn");
  });

  it("lists missing context keys", async () => {
    const file = write("in.json", {
      ...input,
      PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}'],
    });
    await main(["node", "lakewarden", "simulate", "--cli-input-json", file]);
    const output = JSON.parse(stdout) as { EvaluationResults: { MissingContextValues: string[] }[] };
    expect(output.EvaluationResults[0]?.MissingContextValues).toEqual(["aws:MultiFactorAuthPresent"]);
  });

  it.each([
    ["a trailing comma", '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*",}]}', "not valid JSON"],
    ["a misspelled Effect", '{"Version":"2012-10-17","Statement":[{"Effect":"Allwo","Action":"*","Resource":"*"}]}', "$.Statement[0].Effect"],
    ["a misspelled element", '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Acton":"*","Resource":"*"}]}', "Acton"],
  ])("rejects a policy with %s", async (_case, policy, detail) => {
    const file = write("bad.json", { ...input, PolicyInputList: [input.PolicyInputList[0], policy] });
    expect(await main(["node", "lakewarden", "simulate", "--cli-input-json", file])).toBe(2);
    expect(stderr).toContain("$.PolicyInputList[1]");
    expect(stderr).toContain(detail);
    expect(stdout).toBe("");
  });
});
