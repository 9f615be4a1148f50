import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// lib/ is the pure heart: it must never reach for Office, the DOM, React, a file format or Node.
const forbiddenInLib = {
  patterns: [
    { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "lib/ 不得依赖 React / Fluent UI：界面放在 addin/。" },
    { group: ["exceljs", "xlsx", "mammoth"], message: "lib/ 不读写文件格式：xlsx 由宿主（cli/、addin/）处理。" },
    { group: ["node:*", "fs", "path", "os", "child_process"], message: "lib/ 不得使用 Node 模块：它也在浏览器里运行。" },
    { group: ["@microsoft/office-js", "office-js", "office-addin-*"], message: "lib/ 不得依赖 Office.js：Excel 宿主放在 addin/。" },
  ],
};

export default tseslint.config(
  { ignores: [".tmp/**", "build/**", "dist/**", "node_modules/**", "demo/**", "coverage/**", "bench/out/**", "docs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["lib/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": ["error", forbiddenInLib],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "navigator", "localStorage", "fetch", "parseFloat", "parseInt"],
      "no-restricted-properties": [
        "error",
        { object: "Number", property: "parseFloat", message: "分数一律用 decimal.js。" },
        { object: "Math", property: "round", message: "四舍五入一律用 decimal.js 的 ROUND_HALF_UP。" },
      ],
    },
  },
  {
    files: ["addin/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly" } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
