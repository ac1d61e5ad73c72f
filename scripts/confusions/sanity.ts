// Known OCR confusions seen on Chinese notices (truth, ocr). Used ONLY to
// measure recall of the generated tables, never copied into them.
export const SANITY_PAIRS: [string, string][] = [
  ['治', '冶'],
  ['已', '巳'],
  ['已', '己'],
  ['己', '巳'],
  ['活', '店'],
  ['没', '及'],
  ['贯', '贾'],
  ['央', '夹'],
  ['责', '贵'],
  ['于', '千'],
  ['市', '币'],
  ['为', '力'],
  ['送', '迖'],
  ['干', '于'],
  ['精', '梢'],
  ['熟', '孰'],
  ['督', '肾'],
  ['意', '惹'],
  ['察', '穴'],
  ['察', '紧'],
  ['察', '守'],
  ['巡', '这'],
  ['巡', '达'],
  ['勉', '揭'],
  ['诫', '诚'],
  ['自', '目'],
  ['常', '党'],
  ['常', '第'],
  ['整', '束'],
  ['查', '碍'],
  ['带', '市'],
  ['带', '帝'],
  ['责', '黄'],
  ['截', '堆'],
  ['召', '叶'],
  ['督', '轩'],
  ['署', '著'],
];

export const SANITY_CHARS: string[] = [...new Set(SANITY_PAIRS.flat())];

/** Recall of the sanity pairs in a candidate table (char -> candidates).
 *  directional: the truth char is among the candidates of the OCR char (what a corrector needs);
 *  either: the pair appears in either direction. */
export function sanityRecall(table: Map<string, string[]>): {
  directional: number;
  either: number;
  total: number;
  missed: string[];
} {
  let directional = 0;
  let either = 0;
  const missed: string[] = [];
  for (const [t, o] of SANITY_PAIRS) {
    const d = table.get(o)?.includes(t) ?? false;
    const r = table.get(t)?.includes(o) ?? false;
    if (d) directional++;
    if (d || r) either++;
    else missed.push(`${t}/${o}`);
  }
  return { directional, either, total: SANITY_PAIRS.length, missed };
}
