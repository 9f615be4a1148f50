// Builds the WPS 加载项 (issue 19) into dist-wps/, for both ways WPS can load it:
//   online/kaohe/            the add-in folder, to put on the intranet web server at WPS_ADDIN_URL;
//   online/publish.xml, online/jsplugins.xml   the <jspluginonline> entry pointing at that URL;
//   offline/kaohe_<version>/ the same folder, to copy into each machine's WPS jsaddons folder;
//   offline/publish.xml, offline/jsplugins.xml the <jsplugin> entry naming that folder and version;
//   offline/install-linux.sh  does the offline install for the logged-in user on 统信 UOS / 麒麟 (WPS Linux);
//   kaohe-wps-<version>.zip  everything above plus README.txt (安装说明), to carry to machines without a server.
// Env: WPS_ADDIN_URL=http://server/path/kaohe/ (where online/kaohe/ is served; without it the online entry holds a
//      placeholder to edit by hand), WPS_DIST=dir (default dist-wps).
//
// Why not Kingsoft's `wpsjs` CLI: `wpsjs build`/`publish` ask their questions interactively (inquirer), pack offline
// add-ins with 7-Zip, depend on the Windows-only `fswin` and on `wpsjs-rpc-sdk-new@latest` (unpinned), and would copy
// the whole project folder rather than a webpack bundle. The files it produces are plain (ribbon.xml, index.html,
// main.js, a jsplugins.xml/publish.xml line), so this script writes the same files with the project's own webpack.
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import { zipSync } from "fflate";
import { contentSecurityPolicy } from "../webpack.config.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The add-in's name as WPS knows it (folder names, publish.xml): ASCII, so every file system and URL takes it. */
export const WPS_ADDIN_NAME = "kaohe";
/** WPS's type for a WPS 表格 add-in. */
export const WPS_ADDIN_TYPE = "et";
/** Shown in the online entry until the IT colleague gives the real address. */
export const URL_PLACEHOLDER = "http://内网服务器地址/kaohe/";

/** Every page loads only its own folder's files: no host at all (no CDN, nothing at run time from outside). */
export const WPS_CSP = contentSecurityPolicy({ officeJs: false, source: { origin: null }, dev: false });

function xmlAttribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The add-in list WPS reads (publish.xml in jsaddons, or the jsplugins.xml that oem.ini's JSPluginsServer names). */
export function pluginListXml(entry) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${entry}\n</jsplugins>\n`;
}

/** The online entry: WPS loads ribbon.xml, index.html … from `url` each time it starts. */
export function onlineEntry(url) {
  const base = url.endsWith("/") ? url : `${url}/`;
  return `<jspluginonline name="${WPS_ADDIN_NAME}" type="${WPS_ADDIN_TYPE}" url="${xmlAttribute(base)}" enable="enable_dev" install="null"/>`;
}

/** The offline entry: WPS loads the add-in from jsaddons/<name>_<version>/ on the machine itself. */
export function offlineEntry(version) {
  const folder = `${WPS_ADDIN_NAME}_${version}`;
  return `<jsplugin name="${WPS_ADDIN_NAME}" type="${WPS_ADDIN_TYPE}" url="${xmlAttribute(folder)}" version="${xmlAttribute(version)}" enable="enable_dev" install="null" customDomain=""/>`;
}

/** webpack's configuration of the add-in folder: main.js (the ribbon, no hash: index.html names it) and the pane. */
export function wpsWebpackConfig({ mode, outputPath }) {
  // main.js (the ribbon) is ES5: it must run in whatever engine a WPS embeds, old ones too, so that the button at least
  // opens the pane, which then says when the engine is too old for it (old-engine-check.js).
  const es5 = /addin[\\/]wpsPane[\\/](main|ribbon|messages)\.ts$/;
  const rules = [
    { test: es5, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { target: "ES5" } } } },
    { test: /\.tsx?$/, exclude: [/node_modules/, es5], use: { loader: "ts-loader", options: { transpileOnly: true } } },
  ];
  return {
    name: "wps",
    mode,
    context: root,
    // webpack's own wrapper code in ES5 too (see the rules); the pane's code stays as TypeScript compiles it.
    target: ["web", "es5"],
    // No source maps: the folder is what gets copied to every machine; no eval either (the pages' CSP forbids it).
    devtool: false,
    entry: { main: "./addin/wpsPane/main.ts", taskpane: "./addin/wpsPane/index.tsx" },
    output: {
      path: outputPath,
      filename: (data) => (data.chunk?.name === "main" ? "main.js" : "[name].[contenthash:8].js"),
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: { rules },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/wpsPane/taskpane.html",
        chunks: ["taskpane"],
        inject: "body",
        scriptLoading: "defer",
        templateParameters: { csp: WPS_CSP },
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./addin/wpsPane/index.html",
        chunks: [],
        inject: false,
        templateParameters: { csp: WPS_CSP },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/wpsPane/ribbon.xml", to: "ribbon.xml" },
          { from: "addin/wpsPane/old-engine-check.js", to: "old-engine-check.js" },
          { from: "assets/icon-80.png", to: "images/kaohe.png" },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

function compile(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

async function filesUnder(folder, prefix = "") {
  const out = {};
  for (const name of await readdir(folder)) {
    const full = path.join(folder, name);
    if ((await stat(full)).isDirectory()) Object.assign(out, await filesUnder(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = new Uint8Array(await readFile(full));
  }
  return out;
}

/** The install notes (README.txt: an ASCII name, which every archive tool keeps; Chinese text with a BOM for old Notepads). */
export const NOTES_FILE = "README.txt";

/** 安装说明, in the zip and the folder: the README's steps, short. */
export function installNotes({ version, url }) {
  const folder = `${WPS_ADDIN_NAME}_${version}`;
  return [
    `法治考核 WPS 加载项 ${version}`,
    "",
    "一、离线安装（每台电脑各装一次，不需要服务器）",
    "1. 完全退出 WPS。",
    `2. 把 offline 文件夹里的 ${folder} 文件夹复制到 WPS 的 jsaddons 文件夹：`,
    "   Windows：%APPDATA%\\kingsoft\\wps\\jsaddons\\",
    "   统信 UOS、银河麒麟等（WPS Linux 版）：~/.local/share/Kingsoft/wps/jsaddons/",
    "   （没有 jsaddons 文件夹就新建一个。）",
    "3. 把 offline/publish.xml 复制到同一个 jsaddons 文件夹；那里已有 publish.xml 时，只把其中 <jsplugin …/> 这一行",
    "   加到已有文件的 <jsplugins> 与 </jsplugins> 之间，不要删别的行。",
    "4. 打开 WPS 表格，开始 选项卡最右边出现“法治考核”按钮，点它打开窗格。",
    "   统信 UOS、银河麒麟上，第 2、3 步也可以在 offline 文件夹中运行：sh install-linux.sh（为当前登录用户安装）。",
    "",
    "二、在线安装（放在内网网站上，升级只需换服务器上的文件）",
    `1. 把 online/kaohe 文件夹放到内网网站上，使 ${url ?? URL_PLACEHOLDER}ribbon.xml 能在浏览器中打开。`,
    "2. 每台电脑：把 online/publish.xml 中 <jspluginonline …/> 这一行加到 jsaddons/publish.xml（同上）；",
    "   或由管理员在 WPS 的 oem.ini 中设 JSPluginsServer= 指向放在网站上的 online/jsplugins.xml。",
    url === undefined ? `   注意：生成时没有给出网站地址，publish.xml 中的 url 是“${URL_PLACEHOLDER}”，请改成实际地址。` : "",
    "",
    "详细说明见项目 README 的“WPS 加载项（给信息中心 / IT 同事）”一节。",
    "",
  ].join("\r\n");
}

/**
 * Builds the add-in into `outDir` (see the top of this file). `mode` development skips minifying (the tests use it:
 * same files, faster); `url` is the online address, or undefined for the placeholder.
 */
export async function buildWps({ outDir = path.join(root, "dist-wps"), mode = "production", url, version } = {}) {
  const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
  const addinVersion = version ?? pkg.version;
  await rm(outDir, { recursive: true, force: true });
  const onlineFolder = path.join(outDir, "online", WPS_ADDIN_NAME);
  await compile(wpsWebpackConfig({ mode, outputPath: onlineFolder }));

  const onlineUrl = url ?? URL_PLACEHOLDER;
  await writeFile(path.join(outDir, "online", "publish.xml"), pluginListXml(onlineEntry(onlineUrl)));
  await writeFile(path.join(outDir, "online", "jsplugins.xml"), pluginListXml(onlineEntry(onlineUrl)));

  const offlineFolder = path.join(outDir, "offline", `${WPS_ADDIN_NAME}_${addinVersion}`);
  await mkdir(path.dirname(offlineFolder), { recursive: true });
  await cp(onlineFolder, offlineFolder, { recursive: true });
  await writeFile(path.join(outDir, "offline", "publish.xml"), pluginListXml(offlineEntry(addinVersion)));
  await writeFile(path.join(outDir, "offline", "jsplugins.xml"), pluginListXml(offlineEntry(addinVersion)));
  // For 统信/麒麟: copies the folder and merges the publish.xml line for the logged-in user (README, WPS 加载项).
  await cp(path.join(root, "addin", "wpsPane", "install-linux.sh"), path.join(outDir, "offline", "install-linux.sh"));

  await writeFile(path.join(outDir, NOTES_FILE), `\uFEFF${installNotes({ version: addinVersion, url })}`);
  const entries = {};
  for (const part of ["online", "offline"]) {
    for (const [name, bytes] of Object.entries(await filesUnder(path.join(outDir, part)))) entries[`${part}/${name}`] = bytes;
  }
  entries[NOTES_FILE] = new Uint8Array(await readFile(path.join(outDir, NOTES_FILE)));
  const zipName = `kaohe-wps-${addinVersion}.zip`;
  await writeFile(path.join(outDir, zipName), zipSync(entries, { level: 9 }));
  return { outDir, onlineFolder, offlineFolder, zip: path.join(outDir, zipName), version: addinVersion };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = process.env.WPS_ADDIN_URL || undefined;
  const outDir = path.resolve(root, process.env.WPS_DIST ?? "dist-wps");
  const built = await buildWps({ outDir, url });
  console.log(`WPS 加载项 ${built.version} 已生成：${path.relative(root, built.outDir)}/`);
  console.log(`  在线：把 online/kaohe/ 放到 ${url ?? URL_PLACEHOLDER}，再用 online/publish.xml 或 online/jsplugins.xml`);
  console.log(`  离线：把 offline/kaohe_${built.version}/ 复制到 WPS 的 jsaddons 文件夹，并合并 offline/publish.xml`);
  console.log(`  打包：${path.relative(root, built.zip)}`);
  if (url === undefined) console.log("  注意：未设 WPS_ADDIN_URL，online/*.xml 中的 url 是占位地址，请改成实际地址后再用。");
}
