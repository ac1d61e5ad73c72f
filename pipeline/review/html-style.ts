/** CSS of the review page (inline). */
export const PAGE_STYLE = `
body { margin: 0; font: 16px/1.7 "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; color: #222; }
header { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .6em 1.2em; align-items: center; padding: .5em 1em; background: #f4f4f6; border-bottom: 1px solid #ccc; font-size: 14px; }
header input[type=number] { width: 4.5em; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 22em; gap: 1em; padding: 1em; }
#text p { margin: 0 0 .6em; white-space: pre-wrap; }
#panel { position: sticky; top: 4em; align-self: start; font-size: 14px; }
#panel textarea { width: 100%; font: 12px monospace; }
.keys { color: #666; }
mark.chg { position: relative; cursor: pointer; border-radius: 2px; padding: 0 1px; }
mark.correction { background: #d8f5d0; border-bottom: 2px solid #3a9b2a; }
mark.suggestion { background: #fff1c2; border-bottom: 2px dashed #c08a00; }
mark.current { outline: 3px solid #2060d0; }
mark.accepted { background: #bfe7ff; }
mark.rejected { background: #ffd6d6; }
mark.rejected .shown { text-decoration: line-through; }
mark .was { display: none; color: #b00; }
mark.correction.rejected .was { display: inline; }
mark.plain { background: none; border: none; cursor: default; }
mark .tip { display: none; position: absolute; left: 0; top: 1.8em; z-index: 3; min-width: 14em; padding: .3em .5em; background: #333; color: #fff; font-size: 12px; line-height: 1.4; white-space: nowrap; border-radius: 3px; }
mark.chg:not(.plain):hover .tip, mark.chg:not(.plain):focus .tip { display: block; }
#detail .pair { font-size: 20px; }
#detail .before { color: #b00; text-decoration: line-through; }
#detail .after { color: #080; font-weight: bold; }
#detail img { max-width: 100%; border: 1px solid #ccc; }
.buttons button { margin-right: .4em; }
#crops-note { color: #8a5a00; }
`;
