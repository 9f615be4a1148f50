import { useRef, useState, type DragEvent, type ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalXL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  active: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** What Chromium gives for a dropped file besides the File: a handle that reads the file as it is on disk later. */
export interface DroppedHandle {
  kind: string;
  getFile(): Promise<File>;
}

export interface DropZoneProps {
  /**
   * Called with the first file dropped and, where the browser offers one (Chromium), a promise of its file handle:
   * with it the page reads the file as saved since, without asking the user to choose it again.
   */
  onFile: (file: File, handle: Promise<DroppedHandle | null>) => void;
  label: string;
  children: ReactNode;
}

/**
 * A region that accepts a dropped file. The open button inside it is the keyboard way to the same thing;
 * the region itself is not focusable, since dropping needs a mouse anyway.
 */
export function DropZone({ onFile, label, children }: DropZoneProps) {
  const styles = useStyles();
  const [active, setActive] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them so the highlight does not flicker.
  const depth = useRef(0);
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");
  return (
    <div
      role="region"
      aria-label={label}
      data-testid="drop-zone"
      className={mergeClasses(styles.zone, active && styles.active)}
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setActive(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setActive(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setActive(false);
        const file = event.dataTransfer.files[0];
        if (file !== undefined) onFile(file, handleOf(event.dataTransfer.items[0]));
      }}
    >
      {children}
    </div>
  );
}

/** The dropped item's file handle; asked for during the drop event itself, as the browser requires. */
function handleOf(item: DataTransferItem | undefined): Promise<DroppedHandle | null> {
  const withHandle = item as (DataTransferItem & { getAsFileSystemHandle?: () => Promise<DroppedHandle | null> }) | undefined;
  if (withHandle?.getAsFileSystemHandle === undefined) return Promise.resolve(null);
  try {
    return withHandle
      .getAsFileSystemHandle()
      .then((handle) => (handle !== null && handle.kind === "file" ? handle : null))
      .catch(() => null);
  } catch {
    return Promise.resolve(null);
  }
}
