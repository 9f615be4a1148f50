// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fc from "fast-check";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { D } from "../lib";
import { ResultsTable } from "../addin/standalone/ResultsTable";
import { nextSort, sortRows, type ResultRow } from "../addin/standalone/sortRows";

function row(name: string, rankGroup: string, rank: number, total: string, satisfaction: string | null, grade: ResultRow["grade"]): ResultRow {
  return {
    name,
    category: rankGroup === "乡镇" ? "乡镇" : "政府部门",
    rankGroup,
    indicatorEarned: "70.00",
    indicatorPossible: "80.00",
    satisfaction,
    peer: "9.00",
    normalised: total,
    bonus: "0.00",
    penalty: "0.00",
    total,
    rank,
    grade,
    computedGrade: grade,
    adjusted: false,
    notes: [],
  };
}

// Totals chosen so that text order ("100.00" < "88.50" < "9.50") differs from number order.
const ROWS: ResultRow[] = [
  row("城关镇", "乡镇", 2, "88.50", "9.00", "良好"),
  row("王楼镇", "乡镇", 1, "92.35", null, "优秀"),
  row("县司法局", "县直单位", 1, "100.00", "10.00", "优秀"),
  row("县水利局", "县直单位", 2, "9.50", "8.50", "不合格"),
];

const names = (rows: readonly ResultRow[]) => rows.map((r) => r.name);

describe("sortRows", () => {
  it("keeps 结果's order when nothing is sorted", () => {
    expect(names(sortRows(ROWS, null))).toEqual(["城关镇", "王楼镇", "县司法局", "县水利局"]);
  });

  it("sorts figures as numbers, not as text", () => {
    expect(names(sortRows(ROWS, { key: "total", direction: "ascending" }))).toEqual(["县水利局", "城关镇", "王楼镇", "县司法局"]);
    expect(names(sortRows(ROWS, { key: "total", direction: "descending" }))).toEqual(["县司法局", "王楼镇", "城关镇", "县水利局"]);
  });

  it("puts an item that does not apply last in both directions", () => {
    expect(names(sortRows(ROWS, { key: "satisfaction", direction: "ascending" }))).toEqual(["县水利局", "城关镇", "县司法局", "王楼镇"]);
    expect(names(sortRows(ROWS, { key: "satisfaction", direction: "descending" }))).toEqual(["县司法局", "城关镇", "县水利局", "王楼镇"]);
  });

  it("orders 等次 best first and keeps ties in 结果's order", () => {
    expect(names(sortRows(ROWS, { key: "grade", direction: "ascending" }))).toEqual(["王楼镇", "县司法局", "城关镇", "县水利局"]);
    expect(names(sortRows(ROWS, { key: "grade", direction: "descending" }))).toEqual(["县水利局", "城关镇", "王楼镇", "县司法局"]);
  });

  it("flips the direction on a second click and starts ascending on a new column", () => {
    const first = nextSort(null, "total");
    expect(first).toEqual({ key: "total", direction: "ascending" });
    expect(nextSort(first, "total")).toEqual({ key: "total", direction: "descending" });
    expect(nextSort(nextSort(first, "total"), "name")).toEqual({ key: "name", direction: "ascending" });
  });

  const figure = fc.integer({ min: 0, max: 20_000 }).map((n) => new D(n).div(100).toFixed(2));
  const rowsArb = fc.array(
    fc.record({ total: figure, grade: fc.constantFrom("优秀", "良好", "合格", "不合格" as const) }),
    { maxLength: 30 },
  ).map((xs) => xs.map((x, i) => row(`单位${i}`, "乡镇", i + 1, x.total, null, x.grade)));

  it("law: a sort is a permutation, in non-decreasing decimal order", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const sorted = sortRows(rows, { key: "total", direction: "ascending" });
        expect([...names(sorted)].sort()).toEqual([...names(rows)].sort());
        for (let i = 1; i < sorted.length; i++) {
          expect(new D(sorted[i - 1]!.total).lte(new D(sorted[i]!.total))).toBe(true);
        }
      }),
    );
  });

  it("law: descending is ascending reversed when the values are distinct", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const distinct = rows.filter((r, i) => rows.findIndex((s) => s.total === r.total) === i);
        const up = names(sortRows(distinct, { key: "total", direction: "ascending" }));
        const down = names(sortRows(distinct, { key: "total", direction: "descending" }));
        expect(down).toEqual([...up].reverse());
      }),
    );
  });
});

describe("ResultsTable", () => {
  afterEach(cleanup);

  function renderTable() {
    render(
      <FluentProvider theme={webLightTheme}>
        <ResultsTable rows={ROWS} />
      </FluentProvider>,
    );
    return screen.getByRole("table", { name: "结果" });
  }

  function bodyNames(table: HTMLElement): string[] {
    const rows = within(table).getAllByRole("row").slice(1);
    return rows.map((r) => within(r).getAllByRole("cell")[2]!.textContent ?? "");
  }

  it("shows the 结果 headers and 不适用 for an item that does not apply", () => {
    const table = renderTable();
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["排名分组", "名次", "单位名称", "类别", "指标得分", "指标应得分", "满意度得分", "互评得分", "换算得分", "加分", "扣分", "总分", "等次", "审定等次", "提示"]);
    const wang = within(table).getAllByRole("row")[2]!;
    expect(within(wang).getAllByRole("cell")[6]!.textContent).toBe("不适用");
  });

  it("sorts by a column when its header is clicked, and reverses on a second click", async () => {
    const user = userEvent.setup();
    const table = renderTable();
    const total = within(table).getByRole("columnheader", { name: /总分/ });
    await user.click(within(total).getByRole("button"));
    expect(bodyNames(table)).toEqual(["县水利局", "城关镇", "王楼镇", "县司法局"]);
    expect(total.getAttribute("aria-sort")).toBe("ascending");
    await user.click(within(total).getByRole("button"));
    expect(bodyNames(table)).toEqual(["县司法局", "王楼镇", "城关镇", "县水利局"]);
    expect(total.getAttribute("aria-sort")).toBe("descending");
  });

  it("sorts with the keyboard alone: Tab to a header, Enter", async () => {
    const user = userEvent.setup();
    const table = renderTable();
    // Headers are in Tab order: 排名分组 first, then 名次 …
    await user.tab();
    expect(document.activeElement?.textContent).toBe("排名分组");
    await user.tab();
    await user.tab();
    expect(document.activeElement?.textContent).toBe("单位名称");
    await user.keyboard("{Enter}");
    // Pinyin order: cheng, wang, xian shui, xian si.
    expect(bodyNames(table)).toEqual(["城关镇", "王楼镇", "县水利局", "县司法局"]);
    expect(within(table).getByRole("columnheader", { name: /单位名称/ }).getAttribute("aria-sort")).toBe("ascending");
  });
});
