import { lazy, Suspense, type ComponentType } from "react";
import type { CarryOverSectionProps } from "../ui/CarryOverSection";
import type { FormsSectionProps } from "../ui/FormsSection";
import type { LayoutSectionProps } from "../ui/LayoutSection";
import type { PlanImportProps } from "../ui/PlanImport";
import type { QuarterSectionProps } from "../ui/QuarterSection";
import type { TrialSectionProps } from "../ui/TrialSection";

/**
 * The page's sections that show only once a workbook is open (or, for the chart and table, once it is computed) are
 * scripts of their own: with them come decimal.js, lib/plan, 试算's lib/whatif and Fluent's table and drop-down, none of which the page
 * needs to show itself (issue 14: the page's first load ≤ 220 KB gzip). `preloadSections()` fetches them all at start,
 * while the page is surely online (it must keep working offline once loaded); a section renders nothing for the
 * moment its script takes to arrive.
 */
const loaders = {
  plan: () => import("../ui/PlanImport").then((module) => module.PlanImport),
  layout: () => import("../ui/LayoutSection").then((module) => module.LayoutSection),
  forms: () => import("../ui/FormsSection").then((module) => module.FormsSection),
  quarter: () => import("../ui/QuarterSection").then((module) => module.QuarterSection),
  trial: () => import("../ui/TrialSection").then((module) => module.TrialSection),
  carry: () => import("../ui/CarryOverSection").then((module) => module.CarryOverSection),
  results: () => import("./ResultsSections").then((module) => module.ResultsSections),
};

/** Fetches every section's script now (each is fetched once, however often this is called). */
export function preloadSections(): void {
  for (const load of Object.values(loaders)) void load();
}

function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>;
  return function OnDemand(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const PlanImport = onDemand<PlanImportProps>(loaders.plan);
export const LayoutSection = onDemand<LayoutSectionProps>(loaders.layout);
export const FormsSection = onDemand<FormsSectionProps>(loaders.forms);
export const QuarterSection = onDemand<QuarterSectionProps>(loaders.quarter);
export const TrialSection = onDemand<TrialSectionProps>(loaders.trial);
export const CarryOverSection = onDemand<CarryOverSectionProps>(loaders.carry);
export const ResultsSections = onDemand<Parameters<typeof import("./ResultsSections").ResultsSections>[0]>(loaders.results);
