/**
 * The example county 示例县: 20 乡镇 and 40 县直单位 over all seven 类别.
 * `quality` is the share of points (in %) a unit tends to earn: it drives every made-up figure,
 * so that grades spread over 优秀 (about 93–97), 良好 (83–88), 合格 (68–77) and, with heavy 扣分, 不合格.
 */
export interface ExampleUnit {
  name: string;
  category: string;
  quality: number;
  /** No 上年名次/上年等次: the unit was set up this year. */
  isNew?: boolean;
}

export const COUNTY = "示例县";

/** The unit whose 扣分 exceed the cap: last of 乡镇 this year, third last year (退步较大). */
export const FALLING_UNIT = "五星乡";
/** 优秀 last year and, with the best scores and capped 加分, again (连续两年优秀). */
export const STEADY_UNIT = "城关镇";

// Each line: name, 类别, quality. Qualities are fixed by hand, so the grade of each unit is known in advance.
const TABLE: readonly [string, string, number][] = [
  ["城关镇", "乡镇", 97],
  ["文留镇", "乡镇", 86],
  ["柳屯镇", "乡镇", 94],
  ["庆祖镇", "乡镇", 85],
  ["八公桥镇", "乡镇", 74],
  ["徐镇镇", "乡镇", 84],
  ["户部寨镇", "乡镇", 93],
  ["鲁河镇", "乡镇", 72],
  ["子岸镇", "乡镇", 87],
  ["胡状镇", "乡镇", 83],
  ["王称堌镇", "乡镇", 76],
  ["白堽乡", "乡镇", 95],
  ["梁庄镇", "乡镇", 86],
  ["清河头乡", "乡镇", 70],
  ["习城乡", "乡镇", 88],
  ["海通乡", "乡镇", 84],
  ["渠村乡", "乡镇", 93],
  ["郎中乡", "乡镇", 75],
  ["新习镇", "乡镇", 85],
  ["五星乡", "乡镇", 64],
  ["县委办公室", "党委机关", 95],
  ["县纪委监委机关", "党委机关", 96],
  ["县委组织部", "党委机关", 87],
  ["县委宣传部", "党委机关", 85],
  ["县委统战部", "党委机关", 74],
  ["县委政法委", "党委机关", 88],
  ["县委编办", "党委机关", 84],
  ["县人大常委会办公室", "人大政协", 86],
  ["县政协办公室", "人大政协", 73],
  ["县政府办公室", "政府部门", 94],
  ["县发展和改革委员会", "政府部门", 86],
  ["县教育局", "政府部门", 84],
  ["县公安局", "政府部门", 87],
  ["县民政局", "政府部门", 76],
  ["县司法局", "政府部门", 96],
  ["县财政局", "政府部门", 85],
  ["县人力资源和社会保障局", "政府部门", 83],
  ["县自然资源局", "政府部门", 97],
  ["县住房和城乡建设局", "政府部门", 77],
  ["县交通运输局", "政府部门", 84],
  ["县农业农村局", "政府部门", 72],
  ["县卫生健康委员会", "政府部门", 86],
  ["县应急管理局", "政府部门", 85],
  ["县市场监督管理局", "政府部门", 88],
  ["县城市管理局", "政府部门", 71],
  ["县审计局", "政府部门", 87],
  ["县信访局", "政府部门", 75],
  ["县人民法院", "法院检察院", 95],
  ["县人民检察院", "法院检察院", 87],
  ["县总工会", "群团机关", 85],
  ["团县委", "群团机关", 84],
  ["县妇联", "群团机关", 74],
  ["县科协", "群团机关", 72],
  ["县残联", "群团机关", 83],
  ["国家税务总局示例县税务局", "驻县单位", 94],
  ["县供电公司", "驻县单位", 85],
  ["示例县气象局", "驻县单位", 73],
  ["县烟草专卖局", "驻县单位", 86],
  ["县邮政分公司", "驻县单位", 76],
  ["市生态环境局示例县分局", "驻县单位", 84],
];

const NEW_UNITS: readonly string[] = ["县城市管理局", "县科协"];

/** The example's units, 乡镇 first, then the 县直单位 by 类别 in the scheme's order. */
export function exampleUnits(): ExampleUnit[] {
  return TABLE.map(([name, category, quality]) => ({ name, category, quality, isNew: NEW_UNITS.includes(name) }));
}
