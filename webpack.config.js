// Builds the Excel task pane (and, later, the standalone page) into dist/.
// Env: OFFICE_JS=cdn (default) | cn | local — where office.js comes from;
//      ADDIN_URL=https://host/path/ — production URL that replaces https://localhost:3000/ in manifest.xml;
//      KAOHE_DIST=dir — output folder (tests build into their own folder).
import path from "node:path";
import { fileURLToPath } from "node:url";
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
  return {
    mode: production ? "production" : "development",
    context: root,
    // No eval-based source maps: the pages' CSP forbids eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: Object.fromEntries(Object.entries(pages).map(([name, page]) => [name, page.entry])),
    output: { path: outputPath, filename: "[name].[contenthash:8].js", clean: true, publicPath: "" },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }],
    },
    plugins: [
      ...Object.entries(pages).map(([name, page]) => htmlPlugin(name, page, { source, dev: !production, withChunks: true })),
      ...Object.entries(staticPages).map(([name, page]) => htmlPlugin(name, page, { source, dev: !production, withChunks: false })),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
    devServer,
  };
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
