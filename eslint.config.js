import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// lib/ is the pure heart: it must never reach for Office, the DOM, React, a file format or Node.
const notInLib = [
  { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "lib/ 不得依赖 React / Fluent UI：界面放在 addin/ui/。" },
  { group: ["exceljs", "xlsx", "mammoth", "fflate", "docx"], message: "lib/ 不读写文件格式：字节与表格的转换放在 files/。" },
  { group: ["node:*", "fs", "path", "os", "child_process"], message: "lib/ 不得使用 Node 模块：它也在浏览器里运行。" },
  { group: ["@microsoft/office-js", "office-js", "office-addin-*"], message: "lib/ 不得依赖 Office.js：Excel 宿主放在 addin/excel/。" },
];

// The arrows run one way, toward lib/: each folder names the folders it may not import (by relative path).
const folder = (name) => [`**/${name}`, `**/${name}/**`, `${name}/**`];
const noImportOf = (names, message) => ({ group: names.flatMap(folder), message });
const ui = ["react", "react-dom", "react/*", "@fluentui/*"];
const office = ["@microsoft/office-js", "office-js", "office-addin-*"];

/** no-restricted-imports for one folder: what it may not import, and why. */
function arrows(patterns) {
  return { "no-restricted-imports": ["error", { patterns }] };
}

const boundaries = [
  {
    files: ["lib/**/*.ts"],
    rules: arrows([...notInLib, noImportOf(["addin", "files", "bin", "bench", "test", "fakes"], "lib/ 是核心，只能引用 lib/ 自己。")]),
  },
  {
    files: ["files/**/*.ts"],
    rules: arrows([
      noImportOf(["addin", "bin", "bench", "test", "fakes"], "files/（文件层：字节 ⇄ 表格）只能引用 lib/。"),
      { group: [...ui, ...office], message: "files/ 不知道 React 和 Office.js。" },
    ]),
  },
  {
    files: ["bin/**/*.ts"],
    rules: arrows([
      noImportOf(["addin", "bench", "test", "fakes"], "命令行只能引用 lib/ 和 files/。"),
      { group: [...ui, ...office], message: "命令行不用 React 和 Office.js。" },
    ]),
  },
  {
    files: ["addin/ui/**/*.{ts,tsx}"],
    rules: arrows([noImportOf(["files", "excel", "standalone", "taskpane", "wps", "wpsPane", "bin", "bench", "test", "fakes"], "addin/ui/ 只能引用 lib/：文件和 Excel 由宿主经 AssessmentHost 提供。")]),
  },
  {
    files: ["addin/excel/**/*.ts"],
    rules: arrows([noImportOf(["files", "standalone", "taskpane", "bin", "bench", "test", "fakes"], "addin/excel/ 只能引用 lib/ 和 addin/ui/。")]),
  },
  {
    files: ["addin/wps/**/*.{ts,tsx}"],
    rules: arrows([noImportOf(["files", "excel", "standalone", "taskpane", "wpsPane", "bin", "bench", "test", "fakes"], "addin/wps/ 只能引用 lib/ 和 addin/ui/。")]),
  },
  {
    files: ["addin/wpsPane/**/*.{ts,tsx}"],
    rules: arrows([noImportOf(["excel", "standalone", "taskpane", "bin", "bench", "test", "fakes"], "WPS 任务窗格只能引用 lib/、files/、addin/ui/ 和 addin/wps/。")]),
  },
  {
    files: ["addin/standalone/**/*.{ts,tsx}"],
    rules: arrows([noImportOf(["excel", "taskpane", "bin", "bench", "test", "fakes"], "独立网页只能引用 lib/、files/ 和 addin/ui/。")]),
  },
  {
    files: ["addin/taskpane/**/*.{ts,tsx}"],
    rules: arrows([noImportOf(["standalone", "bin", "bench", "test", "fakes"], "任务窗格只能引用 lib/、files/、addin/ui/ 和 addin/excel/。")]),
  },
  {
    files: ["fakes/**/*.ts"],
    rules: arrows([noImportOf(["addin", "files", "bin", "bench", "test"], "fakes/（测试和基准共用的假 Excel）只能引用 lib/。")]),
  },
  {
    files: ["bench/**/*.ts"],
    rules: arrows([noImportOf(["test"], "基准不引用测试代码：共用的假对象放在 fakes/。")]),
  },
];

export default tseslint.config(
  { ignores: [".tmp/**", "build/**", "dist/**", "dist-wps/**", "node_modules/**", "demo/**", "coverage/**", "bench/out/**", "docs/**"] },
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
  ...boundaries,
);
