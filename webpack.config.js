// Builds the Excel task pane (and, later, the standalone page) into dist/.
// Env: OFFICE_JS=cdn (default) | cn | local — where office.js comes from;
//      ADDIN_URL=https://host/path/ — production URL that replaces https://localhost:3000/ in manifest.xml;
//      KAOHE_DIST=dir — output folder (tests build into their own folder).
// Production builds also write dist/kaohe.html: the standalone page as one file (see singlePageConfig).
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";

/** Where office.js is loaded from, by OFFICE_JS. `local` serves the @microsoft/office-js package from our own server. */
export const OFFICE_JS_SOURCES = {
  cdn: { url: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", origin: "https://appsforoffice.microsoft.com" },
  cn: {
    url: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
    origin: "https://appsforoffice.cdn.partner.office365.cn",
  },
  local: { url: "/office-js/office.js", origin: null },
};

/**
 * The pages. Each becomes dist/<name>.html from its template; `officeJs: false` pages get no office.js script.
 * A second page is one more entry here, e.g.
 * `standalone: { entry: "./addin/standalone/index.tsx", template: "./addin/standalone/standalone.html", officeJs: false }`.
 */
export const pages = {
  taskpane: { entry: "./addin/taskpane/index.tsx", template: "./addin/taskpane/taskpane.html", officeJs: true },
  // The standalone page: no office.js; its template carries its own, stricter CSP (no other host at all).
  standalone: { entry: "./addin/standalone/index.tsx", template: "./addin/standalone/standalone.html", officeJs: false },
};

/** Pages with no script bundle of their own (the ribbon's function file). */
const staticPages = {
  commands: { template: "./addin/commands/commands.html", officeJs: true },
};

/** Content-Security-Policy of a page: our own scripts, plus the office.js host when the page loads office.js. */
export function contentSecurityPolicy({ officeJs, source, dev }) {
  const officeHost = officeJs && source.origin ? ` ${source.origin}` : "";
  const devSocket = dev ? " wss://localhost:3000 ws://localhost:3000" : "";
  return [
    "default-src 'self'",
    `script-src 'self'${officeHost}`,
    // Fluent UI (Griffel) inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${officeHost}${devSocket}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

function officeJsSource() {
  const name = process.env.OFFICE_JS ?? "cdn";
  const source = OFFICE_JS_SOURCES[name];
  if (!source) throw new Error(`OFFICE_JS must be cdn, cn or local, not "${name}"`);
  return { name, ...source };
}

/** The manifest with every https://localhost:3000/ replaced by ADDIN_URL (production only, as the yo office template does). */
export function rewriteManifest(text, { production, addinUrl }) {
  if (!production || !addinUrl) return text;
  const base = addinUrl.endsWith("/") ? addinUrl : `${addinUrl}/`;
  return text.split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(base.slice(0, -1));
}

function htmlPlugin(name, page, { source, dev, withChunks }) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: page.template,
    chunks: withChunks ? [name] : [],
    inject: withChunks ? "body" : false,
    scriptLoading: "defer",
    templateParameters: {
      officeJsUrl: page.officeJs ? source.url : "",
      csp: contentSecurityPolicy({ officeJs: page.officeJs, source, dev }),
    },
  });
}

/** The single-file page's name in dist/. */
export const SINGLE_PAGE = "kaohe.html";

/**
 * Content-Security-Policy of the single-file page: no host at all, and only the one inline script whose SHA-256 is
 * given (no 'unsafe-inline' for scripts). Styles stay 'unsafe-inline': Fluent UI (Griffel) inserts <style> at run time.
 */
export function singlePagePolicy(scriptHash) {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "font-src data:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Text of a script made safe to sit inside <script>…</script>: "</script" would end the element early and "<!--"
 * would change how the browser reads the rest. Both only occur inside strings and regular expressions of the bundle,
 * where "<\/" and "<\!" mean the same characters.
 */
export function inlineScriptText(code) {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** The standalone template with its CSP replaced and the script inline at the end of <body>. */
export function singlePageHtml(template, code) {
  const script = inlineScriptText(code);
  const hash = createHash("sha256").update(script, "utf8").digest("base64");
  const withPolicy = template.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${singlePagePolicy(hash)}$2`);
  if (withPolicy === template) throw new Error("standalone.html: no Content-Security-Policy meta element to replace");
  // A function, not a string: the script holds "$&" and "$1", which a replacement string would expand.
  return withPolicy.replace("</body>", () => `<script>${script}</script>\n  </body>`);
}

/**
 * Writes kaohe.html from the one script the compilation emitted into its own scratch folder, once that script is on
 * disk (after every other plugin has had its say, so the hash is taken over the very text written), then removes the
 * scratch folder.
 */
class SinglePagePlugin {
  constructor(scratch, outputPath) {
    this.scratch = scratch;
    this.outputPath = outputPath;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise("SinglePagePlugin", async (compilation) => {
      const scripts = [...compilation.getAssets()].map((asset) => asset.name).filter((name) => name.endsWith(".js"));
      if (scripts.length !== 1) throw new Error(`${SINGLE_PAGE}: expected one script, got ${scripts.join(", ")}`);
      const code = await readFile(path.join(this.scratch, scripts[0]), "utf8");
      const template = await readFile(path.join(root, pages.standalone.template), "utf8");
      // The licences of the bundled libraries travel inside the page, as a comment ("--" may not occur in one).
      const licence = await readFile(path.join(this.scratch, `${scripts[0]}.LICENSE.txt`), "utf8").catch(() => "");
      const notice = licence === "" ? "" : `<!--\n${licence.replace(/--/g, "- -")}\n-->\n`;
      await mkdir(this.outputPath, { recursive: true });
      await writeFile(path.join(this.outputPath, SINGLE_PAGE), singlePageHtml(template, code) + notice);
      await rm(this.scratch, { recursive: true, force: true });
    });
  }
}

/**
 * dist/kaohe.html: the standalone page as one self-contained file (script and styles inline) that works opened from a
 * folder or an e-mail attachment (file://), where a page cannot load a second file. One chunk only: the Word reader,
 * loaded on demand on the served page, is bundled in.
 */
function singlePageConfig(outputPath, rules) {
  // Its own scratch folder: the pages' compilation cleans dist/ while this one runs.
  const scratch = mkdtempSync(path.join(tmpdir(), "kaohe-single-page-"));
  return {
    name: "single-page",
    mode: "production",
    context: root,
    devtool: false,
    entry: { kaohe: pages.standalone.entry },
    output: { path: scratch, filename: "kaohe.js", publicPath: "" },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: { rules },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new SinglePagePlugin(scratch, outputPath)],
    performance: { hints: false },
  };
}

export default async function config(_env, argv) {
  const production = argv.mode !== "development";
  const source = officeJsSource();
  const outputPath = path.resolve(root, process.env.KAOHE_DIST ?? "dist");
  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "addin/taskpane/legacy-check.js", to: "legacy-check.js" },
    { from: "addin/help/help.html", to: "help.html" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => rewriteManifest(content.toString(), { production, addinUrl: process.env.ADDIN_URL }),
    },
  ];
  if (source.name === "local") {
    copies.push({ from: "node_modules/@microsoft/office-js/dist", to: "office-js" });
  }
  const devServer = production ? undefined : await devServerOptions(outputPath);
  const rules = [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }];
  const main = {
    name: "pages",
    mode: production ? "production" : "development",
    context: root,
    // No eval-based source maps: the pages' CSP forbids eval. None at all in production: dist/ is the folder people copy
    // to a web server or a shared drive, and maps only make it heavier (15 MB) and show the sources to every visitor.
    devtool: production ? false : "cheap-module-source-map",
    entry: Object.fromEntries(Object.entries(pages).map(([name, page]) => [name, page.entry])),
    // kaohe.html is written by the second compilation (singlePageConfig) into the same folder: cleaning keeps it.
    output: { path: outputPath, filename: "[name].[contenthash:8].js", clean: { keep: SINGLE_PAGE }, publicPath: "" },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: { rules },
    plugins: [
      ...Object.entries(pages).map(([name, page]) => htmlPlugin(name, page, { source, dev: !production, withChunks: true })),
      ...Object.entries(staticPages).map(([name, page]) => htmlPlugin(name, page, { source, dev: !production, withChunks: false })),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
    devServer,
  };
  return production ? [main, singlePageConfig(outputPath, rules)] : main;
}

/** https://localhost:3000 with the Office development certificate (installed on first use by office-addin-dev-certs). */
async function devServerOptions(outputPath) {
  const { getHttpsServerOptions } = await import("office-addin-dev-certs");
  const options = await getHttpsServerOptions();
  return {
    port: 3000,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } },
    static: { directory: outputPath },
  };
}
