/**
 * Protected ranges (internal): protected terms, protected patterns (e-mail, URL,
 * document numbers, phone numbers, dates, Latin/digit runs) and name contexts.
 *
 * Entry point: `protectedMask` is the one place where what the corrector may not
 * touch is decided. The paragraph pass starts every paragraph's mask from it
 * (index.ts, correctParagraph) and the document pass keeps it for the whole
 * document (document-stages.ts, docMask); a further kind of protected span
 * (a masthead, say) belongs here. Name and place contexts only turn a change
 * into a suggestion: guards.ts.
 */
import type { ProtectedPattern } from './dictionaries.ts';

/** 1 for every UTF-16 unit of `text` (one paragraph) the corrector must not change. */
export function protectedMask(text: string, terms: readonly string[], patterns: readonly ProtectedPattern[]): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const t of terms) {
    let p = text.indexOf(t);
    while (p >= 0) {
      mask.fill(1, p, p + t.length);
      p = text.indexOf(t, p + 1);
    }
  }
  for (const { re } of patterns) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      mask.fill(1, m.index, m.index + m[0].length);
    }
  }
  return mask;
}

const TITLES = /(书记|副书记|主任|局长|组长|部长|县长|市长|镇长|乡长|区长|主席|委员|厅长|处长|科长|队长|院长|校长|经理|董事长|秘书长|常委|干部|同志|代表|负责人|联系人|姓名|专员|监察员)[：:、，]?$/u;
// (某某 stands for the given name of an anonymised person: 丁某某, 欧阳某某)
const BEFORE_NAME_END = /^.{0,2}(同志|书记|主任|局长|县长|市长|镇长|等人|等同志|某某)/u;

/**
 * True when position i may be inside a personal name: within three characters
 * before 同志/书记/某某… or right after a title — unless the two characters after the
 * title, before i, are a common word (`commonWord`), or the character right after the
 * title is no surname (`surnames`, when given: 书记帝头 starts no name). Changes there
 * become suggestions.
 */
export function nameZone(text: string, i: number, commonWord?: (w: string) => boolean, surnames?: ReadonlySet<string>): boolean {
  if (BEFORE_NAME_END.test(text.slice(i + 1, i + 6))) return true;
  for (let back = 0; back <= 2; back++) {
    const st = i - back;
    if (st <= 0) break;
    if (!TITLES.test(text.slice(Math.max(0, st - 5), st))) continue;
    if (surnames?.size && !surnames.has(text[st])) continue;
    // what follows the title is a common word (院长分别…, 书记带头…), not a name
    if (back >= 2 && commonWord?.(text.slice(st, st + 2))) continue;
    return true;
  }
  return false;
}

const PLACE_SUFFIX = /[镇乡县]/u;

/**
 * Position of a place-name suffix (镇, 乡, 县) one or two characters after i,
 * or -1: the characters before it are probably a place name (栗江镇, 岘山乡),
 * which the word list does not know; a change there becomes a suggestion
 * unless the new word itself reaches the suffix.
 */
export function placeSuffixAfter(text: string, i: number): number {
  for (let d = 1; d <= 2; d++) if (PLACE_SUFFIX.test(text[i + d] ?? '')) return i + d;
  return -1;
}

/** "桂山镇檀树村", "城关街道柳湾社区": the name between a township and its village or community. */
const VILLAGE_NAME = /(?:镇|乡|街道)(\p{Script=Han}{2,3}?)(村|社区|居委会)/gu;

/**
 * i is inside the name of a village or community printed after its township ("桂山镇檀树村": 檀树): a name the
 * word list does not know, whatever word a look-alike would make of it (植树) — a change there is only suggested.
 */
export function inVillageName(text: string, i: number): boolean {
  const from = Math.max(0, i - 6);
  for (const m of text.slice(from, i + 8).matchAll(VILLAGE_NAME)) {
    const start = from + m.index! + m[0].length - m[1]!.length - m[2]!.length;
    if (i >= start && i < start + m[1]!.length) return true;
  }
  return false;
}
