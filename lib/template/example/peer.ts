import type { TemplateData, TypedValue } from "../templateData";
import type { ExampleUnit } from "./county";
import type { Random } from "./random";

/** 政府部门 that also rate the other 政府部门 (县直单位 rating each other). */
const CROSS_RATERS: readonly string[] = ["县政府办公室", "县发展和改革委员会", "县司法局", "县财政局"];
/** Rates itself by mistake: the rules ignore that rating with a warning. */
export const SELF_RATER = "县司法局";

/**
 * 上下互评 as in 考核方案 §五（七）: 乡镇 rate 政府部门 and 政府部门 rate 乡镇; both rate 驻县单位;
 * four 政府部门 also rate the other 政府部门. 党委机关, 人大政协, 法院检察院 and 群团机关 get no ratings at all.
 * Every fourth rater writes words (好、较好、一般、差) instead of numbers; now and then a rater leaves a cell blank.
 * Pairs that do not rate each other hold “/” (不适用).
 */
export function examplePeer(units: readonly ExampleUnit[], random: Random): TemplateData["peer"] {
  const towns = units.filter((unit) => unit.category === "乡镇");
  const departments = units.filter((unit) => unit.category === "政府部门");
  const stationed = units.filter((unit) => unit.category === "驻县单位");
  const raters = [...towns, ...departments];
  const ratersOf = (ratee: ExampleUnit): ExampleUnit[] => {
    if (ratee.category === "乡镇") return departments;
    if (ratee.category === "驻县单位") return raters;
    const crossRaters = departments.filter((unit) => CROSS_RATERS.includes(unit.name) && (unit !== ratee || unit.name === SELF_RATER));
    return [...towns, ...crossRaters];
  };
  const rows = [...towns, ...departments, ...stationed].map((ratee) => {
    const chosen = ratersOf(ratee);
    const ratings = raters.map((rater, column): TypedValue => {
      // A pair the 方案 does not have rate each other is marked 不适用, so that 分发 greys it out of the rater's
      // 互评表 and 催报 does not count it as missing; a blank is a rating still owed.
      if (!chosen.includes(rater)) return "/";
      if (rater !== ratee && random.oneIn(25)) return null;
      const rating = Math.max(50, Math.min(100, ratee.quality + random.int(-8, 5)));
      return column % 4 === 1 ? ratingWord(rating) : rating;
    });
    return { ratee: ratee.name, ratings };
  });
  return { raters: raters.map((unit) => unit.name), rows };
}

/** The word a rater who writes words would choose for a rating (互评等级分 maps it back: 好=100、较好=85、一般=70、差=55). */
function ratingWord(rating: number): string {
  if (rating >= 92) return "好";
  if (rating >= 78) return "较好";
  if (rating >= 63) return "一般";
  return "差";
}
