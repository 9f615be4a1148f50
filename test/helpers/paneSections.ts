/**
 * The modules the task pane loads on first use (React.lazy, issue 14 item 2): imported ahead in tests, so that a lazy
 * part renders within the default second of findBy/waitFor even on a loaded machine (the import is then cached).
 */
export async function preloadPaneSections(): Promise<void> {
  await Promise.all([
    import("../../addin/ui/ComputeDetails"),
    import("../../addin/ui/IssueList"),
    import("../../addin/ui/TemplateSection"),
    import("../../addin/ui/PlanImportSection"),
    import("../../addin/ui/ParamsSection"),
    import("../../addin/ui/LayoutSection"),
    import("../../addin/ui/layoutMessages"),
    import("../../addin/ui/CarryOverSection"),
    import("../../addin/ui/carryMessages"),
  ]);
}
