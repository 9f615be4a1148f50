/** The page saves files as the task pane does (addin/ui/download.ts: a Blob URL and a link, typed by extension). */
export { downloadBytes } from "../ui/download";
