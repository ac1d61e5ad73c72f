/**
 * The document's own names (internal to pipeline/correct): the issuing organisation as the title names it
 * ("中共澜泽大学委员会关于…") and as the sign-off prints it, and the proper name inside it (澜泽 of 澜泽大学). A
 * name the document prints twice or more, the same way each time, is the organisation's or the place's own
 * spelling, which the word list does not know; the corrector does not touch it (澜泽 is no 润泽, 檀树村 no 植树村).
 * OCR can misread a name the same way twice, but then the printed form is still what the document says.
 */
const ORG_END = /(?:委员会|党工委|党委|党组|党总支|党支部|领导小组|办公室|纪委监委)$/u;
const UNIT_END = /(?:集团有限公司|有限公司|集团|公司|大学|学院|学校|医院|中心|局|县|市|区|镇|乡|街道|社区|村)$/u;
const HAN_NAME = /^[\p{Script=Han}]{4,30}$/u;
/** how many lines from the top the title may start on */
const TITLE_LINES = 8;

/** The names to protect in `text` (a whole document, one paragraph a line). */
export function documentNames(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const candidates = new Set<string>();
  const title = lines.slice(0, TITLE_LINES).find((l) => l.includes('关于'));
  const issuer = title?.slice(0, title.indexOf('关于'));
  if (issuer && HAN_NAME.test(issuer) && ORG_END.test(issuer)) candidates.add(issuer);
  for (const l of lines) if (HAN_NAME.test(l) && ORG_END.test(l)) candidates.add(l);
  const names = new Set<string>();
  for (const name of candidates) {
    if (count(text, name) < 2) continue;
    names.add(name);
    const proper = properName(name);
    if (proper && count(text, proper) >= 2) names.add(proper);
  }
  return [...names];
}

/** "中共澜泽大学委员会" → 澜泽: the name without 中共, the organisation's kind and the unit's kind; null when under two characters remain. */
function properName(name: string): string | null {
  const proper = name.replace(/^中共/u, '').replace(ORG_END, '').replace(UNIT_END, '');
  return proper.length >= 2 && proper !== name ? proper : null;
}

function count(text: string, s: string): number {
  let n = 0;
  for (let p = text.indexOf(s); p >= 0; p = text.indexOf(s, p + s.length)) n++;
  return n;
}
