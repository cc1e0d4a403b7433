import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Tests never reach real AWS: no credentials, no metadata service.
    env: {
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_SESSION_TOKEN: "",
      AWS_PROFILE: "",
      AWS_CONFIG_FILE: "/nonexistent/lakewarden-test-aws-config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/lakewarden-test-aws-credentials",
    },
  },
});
