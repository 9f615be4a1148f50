import { useRef, useState, type DragEvent, type ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  active: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

export interface FilesDropProps {
  /** Called with every file dropped (a folder's files selected in Explorer and dragged together). */
  onFiles: (files: File[]) => void;
  label: string;
  disabled?: boolean;
  children: ReactNode;
}

/**
 * A region that accepts many dropped files (回收: the returned forms). The button inside it is the keyboard way to the
 * same thing; the region itself is not focusable, since dropping needs a mouse anyway. A drop while busy is ignored.
 */
export function FilesDrop({ onFiles, label, disabled = false, children }: FilesDropProps) {
  const styles = useStyles();
  const [active, setActive] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them so the highlight does not flicker.
  const depth = useRef(0);
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");
  return (
    <div
      role="region"
      aria-label={label}
      data-testid="returns-drop"
      className={mergeClasses(styles.zone, active && styles.active)}
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setActive(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        // Without preventDefault the browser opens the dropped file instead of handing it to the page.
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? "none" : "copy";
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setActive(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setActive(false);
        const files = Array.from(event.dataTransfer.files);
        if (!disabled && files.length > 0) onFiles(files);
      }}
    >
      {children}
    </div>
  );
}
