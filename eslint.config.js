import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "reports/**", "tools/**", "coverage/**", "bench/tmp/**", "bench/out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@aws-sdk/*"], message: "Only src/collector may import the AWS SDK." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/collector/**", "test/collector/**", "test/fake-aws/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
