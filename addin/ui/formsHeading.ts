/** The heading of 分发与回收, apart from its other texts: the pane shows it at start, the rest loads with the section. */
export const FORMS_HEADING = "分发与回收";
